package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.cli.env.ProvenanceCapture;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.testjars.CounterJarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/library-gate.md walked end to end, as a library team would: docs/counters.md's example counter
 * jarred as v1, a v2 with a real code change (a second atomic add on a shared line), ab over the two
 * jars with the knob on top, and ab over two commits of a scratch git repository built with its own
 * build command. What is checked is what each side ran: the forks' command lines load each side's
 * own jar, run.json's provenance holds each jar's SHA-256, and the summary names each side's
 * repository and commit. (One short pair per row: the verdict itself is the gate's tests' business.)
 */
class LibraryGateTest {
    static final Path REPO = RunBenchScript.find().getParent();
    static final Path EXAMPLE = REPO.resolve("examples/striped-counter");
    static final Path BENCHMARKS = REPO.resolve("benchmarks/bench/target/benchmarks.jar");

    @TempDir
    static Path dir;

    static Path v1;
    static Path v2;

    @BeforeAll
    static void buildJars() throws Exception {
        String source = Files.readString(EXAMPLE.resolve("example/Striped.java"));
        v1 = jar(source, "v1");
        v2 = jar(slower(source), "v2");
    }

    /** v2: the same counter with a second atomic add on a line every writer shares. */
    static String slower(String source) {
        String add = "cells.getAndAdd((cpu + 1) * PAD, delta);";
        assertTrue(source.contains(add), "the example's add is where v2 changes it");
        return source.replace(add, add + " cells.getAndAdd(0, 1);");
    }

    private static Path jar(String source, String name) throws IOException {
        return new CounterJarBuilder()
                .source("example/Striped.java", source)
                .file(CounterJarBuilder.SERVICE, Files.readString(EXAMPLE.resolve(CounterJarBuilder.SERVICE)))
                .build(dir.resolve(name), "striped.jar");
    }

    @AfterEach
    void onlyBuiltIns() {
        CounterTypes.use(List.of());
    }

    @Test
    void abComparesTwoVersionsOfAContributedCounterEachSideLoadingItsOwnJar() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(BENCHMARKS), "needs the built " + BENCHMARKS);
        Path out = Files.createDirectories(dir.resolve("ab-jars"));
        Cli.Run o = run(
                "ab",
                "--baseline-counter-jar",
                v1.toString(),
                "--current-counter-jar",
                v2.toString(),
                "--counters",
                "striped",
                "--baseline",
                BENCHMARKS.toString(),
                "--current",
                BENCHMARKS.toString(),
                "--slowdown",
                "striped:5",
                "--profile",
                "ci",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--threads",
                "1",
                "--pairs",
                "1",
                "--seed",
                "3",
                "--rerun-above",
                "0",
                "--side-by-side",
                "off",
                "--out",
                out.toString());
        assertNotEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        Path folder = only(out);
        String base = forkLog(folder, "baseline");
        String cur = forkLog(folder, "current");
        assertTrue(base.contains(CounterTypes.JARS_PROPERTY + "=" + v1.toAbsolutePath()), base);
        assertTrue(cur.contains(CounterTypes.JARS_PROPERTY + "=" + v2.toAbsolutePath()), cur);
        assertTrue(cur.contains("-Dcounterbench.slowdown=striped:5"), "the knob takes the contributed id: " + cur);
        assertTrue(!base.contains("slowdown=striped"), "the knob is on the current side only");
        JsonNode prov = Cli.json(folder.resolve("run.json")).get("provenance");
        assertEquals(ProvenanceCapture.sha256(v1), jarDigest(prov, "baseline counter-jar"));
        assertEquals(ProvenanceCapture.sha256(v2), jarDigest(prov, "current counter-jar"));
        String summary = Files.readString(folder.resolve("summary.md"));
        assertTrue(
                summary.contains(
                        "striped.jar (sha256 " + ProvenanceCapture.sha256(v1).substring(0, 12)),
                summary);
        assertTrue(
                summary.contains(
                        "striped.jar (sha256 " + ProvenanceCapture.sha256(v2).substring(0, 12)),
                summary);
    }

    @Test
    void abBuildsTwoCommitsOfTheLibrarysOwnRepositoryWithItsOwnCommand() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(BENCHMARKS), "needs the built " + BENCHMARKS);
        Path lib = Files.createDirectories(dir.resolve("mylib"));
        Path src = Files.createDirectories(lib.resolve("src/example"));
        Files.createDirectories(lib.resolve("META-INF/services"));
        Files.copy(EXAMPLE.resolve(CounterJarBuilder.SERVICE), lib.resolve(CounterJarBuilder.SERVICE));
        String classes = Stream.of("counters", "topology", "inputs")
                .map(m -> REPO.resolve(m).resolve("target/classes").toString())
                .reduce((a, b) -> a + ":" + b)
                .orElseThrow();
        Path jdk = Path.of(System.getProperty("java.home"), "bin");
        Files.writeString(
                lib.resolve("build.sh"),
                "set -e\nrm -rf out && mkdir -p out/classes\n"
                        + jdk.resolve("javac") + " --release 25 -cp " + classes
                        + " -d out/classes src/example/Striped.java\n"
                        + jdk.resolve("jar") + " --create --file out/striped.jar -C out/classes . META-INF\n");
        String source = Files.readString(EXAMPLE.resolve("example/Striped.java"));
        Files.writeString(src.resolve("Striped.java"), source);
        git(lib, "init", "-q");
        git(lib, "add", "-A");
        git(lib, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1");
        Files.writeString(src.resolve("Striped.java"), slower(source));
        git(lib, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "v2: a second atomic add");
        String v1Commit = git(lib, "rev-parse", "HEAD~1").strip();
        String v2Commit = git(lib, "rev-parse", "HEAD").strip();

        Path out = Files.createDirectories(dir.resolve("ab-repo"));
        Path cache = dir.resolve("cache");
        Cli.Run o = inCheckout(
                "ab",
                "--repo",
                lib.toString(),
                "--build",
                "bash build.sh",
                "--jar",
                "out/striped.jar",
                "--baseline",
                "HEAD~1",
                "--counters",
                "striped",
                "--profile",
                "ci",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--threads",
                "1",
                "--pairs",
                "1",
                "--seed",
                "5",
                "--rerun-above",
                "0",
                "--side-by-side",
                "off",
                "--cache",
                cache.toString(),
                "--out",
                out.toString());
        assertNotEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.out().contains("baseline: HEAD~1 (" + v1Commit.substring(0, 10) + ") of " + lib), o.out());
        assertTrue(o.out().contains("current:  HEAD (" + v2Commit.substring(0, 10) + ") of " + lib), o.out());
        Path folder = only(out);
        Path builtV1 = cachedJar(cache, v1Commit);
        Path builtV2 = cachedJar(cache, v2Commit);
        assertNotEquals(
                ProvenanceCapture.sha256(builtV1),
                ProvenanceCapture.sha256(builtV2),
                "two commits, two different jars");
        assertTrue(
                forkLog(folder, "baseline").contains(CounterTypes.JARS_PROPERTY + "=" + builtV1),
                "the baseline forks load v1");
        assertTrue(
                forkLog(folder, "current").contains(CounterTypes.JARS_PROPERTY + "=" + builtV2),
                "the current forks load v2");
        assertTrue(
                Files.readString(folder.resolve("summary.md")).contains("of " + lib),
                "the summary names the library's repository");

        // a second ab over the same commits builds nothing: both jars come from the cache
        Cli.Run dry = inCheckout(
                "ab",
                "--repo",
                lib.toString(),
                "--build",
                "bash build.sh",
                "--jar",
                "out/striped.jar",
                "--baseline",
                "HEAD~1",
                "--counters",
                "striped",
                "--profile",
                "ci",
                "--threads",
                "1",
                "--cache",
                cache.toString(),
                "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(!dry.err().contains("building "), "cached by commit: " + dry.err());
        inCheckout(
                        "ab",
                        "--repo",
                        lib.toString(),
                        "--build",
                        "bash build.sh",
                        "--jar",
                        "out/striped.jar",
                        "--baseline",
                        "HEAD~1",
                        "--counters",
                        "striped",
                        "--cache",
                        cache.toString(),
                        "--dry-run",
                        "--baseline-counter-jar",
                        v1.toString())
                .assertOneLineError("--repo builds both sides' counter jars");
    }

    /** ab as run-bench.sh runs it from this checkout (counterbench.home: both sides run its benchmarks.jar). */
    private static Cli.Run inCheckout(String... args) {
        String home = System.getProperty("counterbench.home");
        System.setProperty("counterbench.home", REPO.toString());
        try {
            return run(args);
        } finally {
            if (home == null) {
                System.clearProperty("counterbench.home");
            } else {
                System.setProperty("counterbench.home", home);
            }
        }
    }

    private static String forkLog(Path folder, String side) throws IOException {
        try (Stream<Path> s = Files.list(folder.resolve("forks"))) {
            Path log = s.filter(p -> p.getFileName().toString().endsWith("-" + side + ".log"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    private static String jarDigest(JsonNode provenance, String role) {
        for (JsonNode j : provenance.get("jars")) {
            if (j.get("role").asText().equals(role)) {
                return j.get("sha256").asText();
            }
        }
        throw new AssertionError("no " + role + " in " + provenance);
    }

    private static Path cachedJar(Path cache, String commit) throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.getParent().getFileName().toString().equals(commit)
                            && p.getFileName().toString().equals("striped.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cached jar of " + commit + " in " + cache));
        }
    }

    private static Path only(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.filter(Files::isDirectory).toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.getFirst();
        }
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        return text;
    }
}
