package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run-bench.sh rebuilds the jars exactly when what goes into them changed since its last successful
 * build, whatever ran in between. The script runs on a copy of itself in a scratch project whose
 * mvnw only logs its arguments and, for "package", writes the two jars, so nothing here builds or
 * touches the real checkout.
 */
class BuildStampTest {
    private static final String FAKE_MVNW = """
            #!/usr/bin/env bash
            echo "$*" >> mvn.log
            case " $* " in
              *" package "*)
                [[ -n "${FAIL_BUILD:-}" ]] && { echo "[ERROR] compilation failed"; exit 1; }
                mkdir -p benchmarks/cli/target benchmarks/bench/target
                echo cli > benchmarks/cli/target/counterbench.jar
                echo jmh > benchmarks/bench/target/benchmarks.jar ;;
            esac
            exit 0
            """;

    @TempDir
    Path project;

    private Path script;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void scratchProject() throws IOException {
        script = project.resolve("run-bench.sh");
        Files.copy(RunBenchScript.find(), script);
        Path mvnw = project.resolve("mvnw");
        Files.writeString(mvnw, FAKE_MVNW);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        write("pom.xml", "<project/>");
        write("counters/pom.xml", "<project/>");
        write("counters/src/main/java/Counter.java", "class Counter {}");
        write("counters/src/test/java/CounterTest.java", "class CounterTest {}");
        write("results/src/main/java/Report.java", "class Report {}");
        write("benchmarks/cli/src/main/java/Main.java", "class Main {}");
        write("topology/presets/small-2.topo", "pack:1 core:2");
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    @Test
    void aTestRunAfterAnEditDoesNotHideTheEditFromTheNextRun() throws Exception {
        assertBuilds(true, "--help");
        assertBuilds(false, "--help");
        write("counters/src/main/java/Counter.java", "class Counter { int changed; }");
        script("test", "-pl", "results");
        assertEquals(
                List.of("-B verify -pl results"), mavenCalls().subList(1, 2), "the test run went to Maven as asked");
        assertBuilds(true, "--help");
        assertBuilds(false, "--help");
    }

    @Test
    void everyKindOfSourceChangeRebuildsButATouchDoesNot() throws Exception {
        assertBuilds(true, "--help");
        Path counter = project.resolve("counters/src/main/java/Counter.java");
        Files.setLastModifiedTime(counter, FileTime.from(Instant.now().plusSeconds(60)));
        assertBuilds(false, "--help");
        write("topology/presets/small-4.topo", "pack:1 core:4");
        assertBuilds(true, "--help");
        write("benchmarks/cli/pom.xml", "<project/>");
        assertBuilds(true, "--help");
        Files.move(
                project.resolve("results/src/main/java/Report.java"),
                project.resolve("results/src/main/java/Reports.java"));
        assertBuilds(true, "--help");
        write("counters/src/test/java/CounterTest.java", "class CounterTest { int more; }");
        assertBuilds(false, "--help");
    }

    @Test
    void aMissingJarOrAFailedBuildMeansTheNextRunBuildsAgain() throws Exception {
        assertBuilds(true, "--help");
        Files.delete(project.resolve("benchmarks/bench/target/benchmarks.jar"));
        assertBuilds(true, "--help");
        write("counters/src/main/java/Counter.java", "class Counter { broken");
        env.put("FAIL_BUILD", "1");
        RunBenchScript.Result failed = script("--help");
        assertEquals(ExitCodes.BAD_INPUT, failed.code(), failed.output());
        assertTrue(failed.output().contains("build failed"), failed.output());
        env.remove("FAIL_BUILD");
        assertBuilds(true, "--help");
    }

    @Test
    void theBuildCommandAlwaysBuildsAndTheTestCommandNeverStamps() throws Exception {
        script("test");
        assertFalse(
                Files.exists(project.resolve("benchmarks/cli/target/.build-stamp")),
                "a test run wrote the build stamp");
        assertBuilds(true, "build");
        assertBuilds(true, "build");
        assertBuilds(false, "--help");
    }

    /** Runs the script and checks whether it called Maven's package (a build) this time. */
    private void assertBuilds(boolean expected, String... args) throws Exception {
        int before = mavenCalls().size();
        RunBenchScript.Result r = script(args);
        List<String> calls = mavenCalls();
        boolean built = calls.size() > before && calls.getLast().contains(" package");
        assertEquals(
                expected,
                built,
                (expected ? "no build" : "a needless build") + " for " + String.join(" ", args) + ":\n" + r.output());
    }

    private RunBenchScript.Result script(String... args) throws Exception {
        return RunBenchScript.run(script, project, env, args);
    }

    private List<String> mavenCalls() throws IOException {
        Path log = project.resolve("mvn.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private void write(String relative, String content) throws IOException {
        Path p = project.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
