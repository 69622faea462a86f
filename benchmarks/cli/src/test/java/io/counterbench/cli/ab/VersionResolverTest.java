package io.counterbench.cli.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Git revisions as ab versions, in a scratch repository whose "Maven wrapper" is a script: a
 * revision that does not resolve, one without a wrapper, one whose build fails (its first
 * [ERROR] line named), and one that builds, which is built once and then taken from the cache.
 */
class VersionResolverTest {

    private static Path benchmarksJar() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("run-bench.sh"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "inside the checkout");
        Path jar = dir.resolve("benchmarks/bench/target/benchmarks.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the built " + jar);
        return jar;
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private static void commit(Path repo, String mvnw, String message) throws Exception {
        Path w = repo.resolve("mvnw");
        if (mvnw == null) {
            Files.deleteIfExists(w);
        } else {
            Files.writeString(w, mvnw, StandardCharsets.UTF_8);
            w.toFile().setExecutable(true);
        }
        Files.writeString(repo.resolve("notes.txt"), message);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
        git(repo, "tag", "-f", message);
    }

    @Test
    void revisionsResolveBuildOnceAndFailWithOneLine(@TempDir Path tmp) throws Exception {
        Path jar = benchmarksJar();
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        commit(repo, null, "no-wrapper");
        commit(
                repo,
                "#!/bin/sh\necho '[INFO] compiling'\necho '[ERROR] /src/Foo.java:[3,1] class, interface, enum, or record expected'\nexit 1\n",
                "broken");
        commit(
                repo,
                "#!/bin/sh\nmkdir -p benchmarks/bench/target && cp '" + jar
                        + "' benchmarks/bench/target/benchmarks.jar\n",
                "good");
        Path cache = tmp.resolve("cache");
        StringWriter log = new StringWriter();
        VersionResolver r =
                new VersionResolver(repo, cache, Path.of(System.getProperty("java.home")), new PrintWriter(log, true));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> r.resolve("no-such-branch", "--baseline"));
        assertEquals(
                "--baseline 'no-such-branch' is not a commit of " + repo.toRealPath()
                        + " (git rev-parse found nothing) nor a .jar file",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("no-wrapper", "--baseline"));
        assertTrue(
                e.getMessage()
                        .matches(
                                "--baseline no-wrapper \\([0-9a-f]{10}\\) does not build: it has no Maven wrapper \\(mvnw\\)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("broken", "--current"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "does not build: /src/Foo.java:[3,1] class, interface, enum, or record expected (full log: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Version v = r.resolve("good", "--current");
        assertEquals(cache.resolve(v.commit()).resolve("benchmarks.jar"), v.jar());
        assertTrue(Files.isRegularFile(v.jar()));
        assertEquals(
                1,
                log.toString()
                        .lines()
                        .filter(l -> l.startsWith("building good"))
                        .count(),
                log.toString());
        Version again = r.resolve("good", "--baseline");
        assertEquals(v.jar(), again.jar());
        assertEquals(
                1,
                log.toString()
                        .lines()
                        .filter(l -> l.startsWith("building ")
                                && l.contains(v.commit().substring(0, 10)))
                        .count(),
                "built once, then cached: " + log);
        assertFalse(Files.exists(cache.resolve(v.commit() + ".build")), "the build's work folder is removed");

        // a crash or a full disk cut the cached jar short: it is set aside and the commit built again
        byte[] whole = Files.readAllBytes(v.jar());
        Files.write(v.jar(), java.util.Arrays.copyOf(whole, whole.length / 2));
        // leftovers of a build killed mid-way (no ab holds their lock): removed by the next build
        Files.createDirectories(cache.resolve("0123456789abcdef0123456789abcdef01234567.build/inputs/target"));
        Files.writeString(cache.resolve("0123456789abcdef0123456789abcdef01234567.tar"), "half a tar");
        Version rebuilt = r.resolve("good", "--baseline");
        assertTrue(log.toString().contains("is damaged (not a readable jar"), log.toString());
        assertEquals(
                2,
                log.toString()
                        .lines()
                        .filter(l -> l.startsWith("building good"))
                        .count(),
                "built again: " + log);
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(rebuilt.jar())), "the rebuilt jar is whole");
        try (java.util.stream.Stream<Path> s = Files.list(rebuilt.jar().getParent())) {
            assertEquals(
                    1,
                    s.filter(p -> p.getFileName().toString().startsWith("benchmarks.jar.broken-"))
                            .count(),
                    "the damaged jar set aside");
        }
        assertFalse(
                Files.exists(cache.resolve("0123456789abcdef0123456789abcdef01234567.build")),
                "a killed build's folder removed");
        assertFalse(
                Files.exists(cache.resolve("0123456789abcdef0123456789abcdef01234567.tar")),
                "a killed build's tar removed");
        try (java.util.stream.Stream<Path> s = Files.walk(cache)) {
            assertEquals(
                    List.of(),
                    s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file");
        }
    }

    /**
     * A commit from before the JMH module was renamed (benchmarks/jmh) builds as well as one after it
     * (benchmarks/bench): Maven is asked for that module, and its jar is the one taken.
     */
    @ParameterizedTest
    @ValueSource(strings = {"benchmarks/jmh", "benchmarks/bench"})
    void commitsOfEitherModuleLayoutBuild(String module, @TempDir Path tmp) throws Exception {
        Path jar = benchmarksJar();
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Files.createDirectories(repo.resolve(module));
        Files.writeString(repo.resolve(module).resolve("pom.xml"), "<project/>");
        // a stray benchmarks.jar elsewhere in the tree must not be taken for the module's
        Files.createDirectories(repo.resolve("elsewhere/target"));
        Files.writeString(repo.resolve("elsewhere/target/benchmarks.jar"), "not this one");
        commit(
                repo,
                "#!/bin/sh\necho \"maven $*\"\nmkdir -p " + module + "/target && cp '" + jar + "' " + module
                        + "/target/benchmarks.jar\n",
                "layout");
        Path cache = tmp.resolve("cache");
        VersionResolver r = new VersionResolver(
                repo, cache, Path.of(System.getProperty("java.home")), new PrintWriter(new StringWriter(), true));
        Version v = r.resolve("layout", "--baseline");
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(v.jar())), "the module's jar");
        String buildLog = Files.readString(cache.resolve(v.commit()).resolve("build.log"));
        assertTrue(buildLog.contains("-pl " + module + " -am package"), buildLog);
    }

    @Test
    void notARepositoryIsOneLine(@TempDir Path tmp) throws IOException {
        VersionResolver r = new VersionResolver(tmp, tmp.resolve("cache"), null, new PrintWriter(new StringWriter()));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> r.resolve("HEAD~1", "--baseline"));
        assertTrue(
                e.getMessage().startsWith("--baseline 'HEAD~1': " + tmp + " is not a git repository"), e.getMessage());
    }
}
