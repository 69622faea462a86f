package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterbench.results.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign, in the spirit of the bad-input campaign: the suite's commands on a user's
 * bad day, a full disk (a small tmpfs), a read-only location, a signal at a seeded random moment
 * (SIGINT, SIGTERM, SIGKILL), two commands at once, and standard output on a full device. What must
 * hold after each: at most one "error:" line and no stack trace, a non-zero exit where something
 * was lost, every run.json and pairs.json whole JSON that says "complete", "incomplete" or "failed"
 * (SIGKILL may leave "running", never half a file), no temporary file or reserve left, and no
 * child JVM (JMH host, fork) alive a few seconds later. The CI mode tries a few moments; the long
 * mode ({@code ./run-bench.sh test --faults}, -Dcounterbench.faults=full) many, from
 * -Dcounterbench.faults.seed (default 23).
 */
class FaultCampaignTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean FULL = "full".equals(System.getProperty("counterbench.faults"));
    private static final long SEED = Long.getLong("counterbench.faults.seed", 23);
    private static final Pattern STACK =
            Pattern.compile("\\n\\s*at [\\w$.]+\\(|\\tat |\\b[A-Z][A-Za-z]*(Exception|Error)\\b");
    private static final Set<String> FINAL = Set.of("complete", "incomplete", "failed");
    private static final List<String> SMOKE = List.of(
            "run",
            "--profile",
            "smoke",
            "--benchmarks",
            "ReadBenchmark.approximate",
            "--counters",
            "tree,flat,adder,atomic");

    // ---- a full disk ----

    @Test
    void aRunOnAFullDiskEndsWithOneLineAndARunJsonThatSaysSo(@TempDir Path tmp) throws Exception {
        assumeTrue(FaultSandbox.unavailable() == null, FaultSandbox.unavailable());
        for (String size : FULL ? List.of("48k", "100k", "160k", "240k") : List.of("100k")) {
            Path work = Files.createDirectories(tmp.resolve("disk-" + size));
            List<String> args = new ArrayList<>(SMOKE);
            args.addAll(List.of("--out", "@MNT/runs"));
            FaultSandbox.Result r = FaultSandbox.cli(
                    work, size, false, Duration.ofSeconds(240), List.of(), args.toArray(String[]::new));
            String what = "run on a " + size + " tmpfs: exit " + r.code() + "\n" + r.err();
            assertEquals(ExitCodes.BAD_INPUT, r.code(), what);
            assertEquals(1, r.errorLines().size(), what);
            assertTrue(r.errorLines().getFirst().contains("the disk is full"), what);
            assertNoStackTrace(r.err());
            for (Path runJson : files(r.left(), "run.json")) {
                assertTrue(FINAL.contains(status(runJson)), "run.json says " + status(runJson) + ": " + what);
            }
            assertNoLeftovers(r.left());
        }
    }

    @Test
    void anAbOnAFullDiskEndsWithOneLineAndItsRecordsSaySo(@TempDir Path tmp) throws Exception {
        assumeTrue(FULL, "long mode only (./run-bench.sh test --faults)");
        assumeTrue(FaultSandbox.unavailable() == null, FaultSandbox.unavailable());
        Path jar = benchmarksJar();
        assumeTrue(jar != null, "needs the built benchmarks.jar");
        for (String size : List.of("64k", "160k")) {
            Path work = Files.createDirectories(tmp.resolve("ab-" + size));
            FaultSandbox.Result r = FaultSandbox.cli(
                    work,
                    size,
                    false,
                    Duration.ofSeconds(300),
                    List.of(),
                    "ab",
                    "--baseline",
                    jar.toString(),
                    "--current",
                    jar.toString(),
                    "--profile",
                    "ci",
                    "--benchmarks",
                    "UpdateBenchmark.inc$",
                    "--counters",
                    "adder,tree,flat",
                    "--threads",
                    "1",
                    "--pairs",
                    "4",
                    "--out",
                    "@MNT/ab");
            String what = "ab on a " + size + " tmpfs: exit " + r.code() + "\n" + r.err();
            assertEquals(ExitCodes.BAD_INPUT, r.code(), what);
            assertEquals(1, r.errorLines().size(), what);
            assertNoStackTrace(r.err());
            for (String name : List.of("pairs.json", "run.json")) {
                for (Path f : files(r.left(), name)) {
                    assertTrue(
                            Set.of("incomplete", "failed").contains(status(f)),
                            name + " says " + status(f) + ": " + what);
                }
            }
            assertNoLeftovers(r.left());
        }
    }

    @Test
    void reportsAndExportsOnAFullDiskAreWholeOrAbsent(@TempDir Path tmp) throws Exception {
        assumeTrue(FaultSandbox.unavailable() == null, FaultSandbox.unavailable());
        Path runDir = Fixtures.copy("aa/std-a", tmp, "run");
        for (String size : FULL ? List.of("8k", "24k", "64k") : List.of("24k")) {
            Path work = Files.createDirectories(tmp.resolve("report-" + size));
            FaultSandbox.Result r = FaultSandbox.cli(
                    work,
                    size,
                    false,
                    Duration.ofSeconds(60),
                    List.of(),
                    "report",
                    runDir.toString(),
                    "--out",
                    "@MNT/rep");
            String what = "report on a " + size + " tmpfs: exit " + r.code() + "\n" + r.err();
            assertEquals(ExitCodes.BAD_INPUT, r.code(), what);
            assertEquals(1, r.errorLines().size(), what);
            assertNoStackTrace(r.err());
            assertNoLeftovers(r.left());
            try (Stream<Path> s = Files.walk(r.left())) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    assertTrue(Files.size(f) > 0, "no empty file: " + f);
                    if (f.toString().endsWith(".svg")) {
                        assertTrue(Files.readString(f).strip().endsWith("</svg>"), "a whole chart: " + f);
                    }
                }
            }
        }
        Path work = Files.createDirectories(tmp.resolve("export"));
        FaultSandbox.Result r = FaultSandbox.cli(
                work, "4k", false, Duration.ofSeconds(60), List.of(), "export", runDir.toString(), "@MNT/bench.json");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(
                r.errorLines().getFirst().matches("error: cannot write .*bench(-smaller)?.json: the disk is full"),
                r.err());
        assertNoLeftovers(r.left());
        try (Stream<Path> s = Files.list(r.left())) {
            for (Path f : s.toList()) {
                JSON.readTree(f.toFile()); // what was written is whole JSON
            }
        }
    }

    // ---- a read-only location ----

    @Test
    void aReadOnlyOutputIsRefusedBeforeAnyWork(@TempDir Path tmp) throws Exception {
        assumeTrue(FaultSandbox.unavailable() == null, FaultSandbox.unavailable());
        List<List<String>> cases = List.of(
                List.of("run", "--dry-run", "--profile", "smoke", "--out", "@MNT/runs"),
                List.of(
                        "run",
                        "--profile",
                        "smoke",
                        "--benchmarks",
                        "ReadBenchmark.approximate",
                        "--counters",
                        "tree",
                        "--out",
                        "@MNT/runs"),
                List.of("latency", "--pairs", "2", "--samples", "3", "--no-progress", "--out", "@MNT/lat"),
                List.of("simulate", "--quick", "--no-progress", "--out", "@MNT/sim"));
        int i = 0;
        for (List<String> c : cases) {
            Path work = Files.createDirectories(tmp.resolve("ro-" + i++));
            FaultSandbox.Result r =
                    FaultSandbox.cli(work, "64k", true, Duration.ofSeconds(60), List.of(), c.toArray(String[]::new));
            String what = String.join(" ", c) + " on a read-only mount: exit " + r.code() + " after " + r.seconds()
                    + " s\n" + r.err();
            assertEquals(ExitCodes.BAD_INPUT, r.code(), what);
            assertEquals(1, r.errorLines().size(), what);
            assertTrue(
                    r.errorLines().getFirst().contains("read-only")
                            || r.errorLines().getFirst().contains("not writable"),
                    what);
            assertTrue(!r.err().contains("measuring") && !r.err().contains("ETA"), "refused before the work: " + what);
            assertNoStackTrace(r.err());
        }
    }

    // ---- standard output on a full device ----

    @Test
    void aWriteErrorOnStandardOutputIsAnError(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(CliProcess.command(List.of(), List.of("topology", "--topology", "epyc-9654-2s")))
                .redirectOutput(new java.io.File("/dev/full"))
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String e = Files.readString(err);
        assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), e);
        assertEquals("error: cannot write to standard output: the disk is full", e.strip());
    }

    // ---- signals ----

    @Test
    void sigkillOfRunAndAbLeavesNoChildAlive(@TempDir Path tmp) throws Exception {
        Path jar = benchmarksJar();
        List<String> run = new ArrayList<>(List.of(
                "run",
                "--profile",
                "quick",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--counters",
                "tree",
                "--cpu",
                "lookup",
                "--threads",
                "1",
                "--forks",
                "8", // long enough (about 15 s) that a loaded box still finds it running with its JVMs
                "--out",
                tmp.resolve("runs").toString()));
        killWithChildren(tmp.resolve("run.txt"), run, 1);
        assertTrue(
                FINAL.contains(status(only(files(tmp.resolve("runs"), "run.json"))))
                        || "running".equals(status(only(files(tmp.resolve("runs"), "run.json")))),
                "run.json is whole JSON");
        if (jar != null) {
            List<String> ab = List.of(
                    "ab",
                    "--baseline",
                    jar.toString(),
                    "--current",
                    jar.toString(),
                    "--profile",
                    "ci",
                    "--benchmarks",
                    "UpdateBenchmark.inc$",
                    "--counters",
                    "adder",
                    "--threads",
                    "1",
                    "--pairs",
                    "4",
                    "--out",
                    tmp.resolve("ab").toString());
            killWithChildren(tmp.resolve("ab.txt"), ab, 2);
            for (Path pairs : files(tmp.resolve("ab"), "pairs.json")) {
                JSON.readTree(pairs.toFile()); // whole JSON
            }
        }
    }

    @Test
    void signalsAtSeededRandomMomentsKeepEveryFolderWhole(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED);
        Path jar = benchmarksJar();
        int cases = FULL ? 16 : 3;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            boolean ab = jar != null && (FULL ? rnd.nextInt(3) == 0 : i == 2);
            String signal = List.of("TERM", "INT", "KILL").get(FULL ? rnd.nextInt(3) : i % 2);
            long delayMillis = 200 + rnd.nextInt(FULL ? 9000 : 5000);
            Path out = tmp.resolve("case-" + i);
            List<String> args = ab
                    ? List.of(
                            "ab",
                            "--baseline",
                            jar.toString(),
                            "--current",
                            jar.toString(),
                            "--profile",
                            "ci",
                            "--benchmarks",
                            "UpdateBenchmark.inc$",
                            "--counters",
                            "adder",
                            "--threads",
                            "1",
                            "--pairs",
                            "3",
                            "--out",
                            out.toString())
                    : concat(SMOKE, List.of("--out", out.toString()));
            String c = (ab ? "ab" : "run") + " SIG" + signal + " at " + delayMillis + " ms (seed " + SEED + ", case "
                    + i + ")";
            try {
                signalled(tmp.resolve("console-" + i + ".txt"), args, signal, delayMillis, out, ab);
            } catch (AssertionError e) {
                failures.add(c + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Starts the command, sends the signal after the delay, and checks what it left. */
    private static void signalled(
            Path console, List<String> args, String signal, long delayMillis, Path out, boolean ab) throws Exception {
        Process p = CliProcess.start(console, List.of(), args.toArray(String[]::new));
        Set<ProcessHandle> children = ConcurrentHashMap.newKeySet();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        while (System.nanoTime() < until && p.isAlive()) {
            p.descendants().forEach(children::add);
            Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("still running 60 s after the signal");
        }
        assertNoSurvivor(children, 3);
        String text = Files.readString(console, StandardCharsets.UTF_8);
        long errors = text.lines().filter(l -> l.startsWith("error: ")).count();
        assertTrue(errors <= 1, "at most one error line: " + text);
        assertNoStackTrace(text);
        if (!"KILL".equals(signal)) {
            assertTrue(List.of(0, 1, 2, 130, 143).contains(p.exitValue()), "exit " + p.exitValue() + ": " + text);
            if (p.exitValue() != 0 && p.exitValue() != 1 && Files.exists(out)) {
                // a signal before the command armed its handling (the JVM still starting) has nothing to keep and
                // nothing to say
                assertTrue(text.contains("interrupted"), "a signal that stopped the work says so: " + text);
            }
        }
        for (Path f : files(out, ab ? "pairs.json" : "run.json")) {
            String s = status(f);
            assertTrue(
                    FINAL.contains(s) || "KILL".equals(signal) && "running".equals(s), f + " says " + s + ": " + text);
        }
        if (!"KILL".equals(signal)) {
            assertNoLeftovers(out);
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    for (Path folder : s.toList()) {
                        try (Stream<Path> in = Files.list(folder)) {
                            assertTrue(in.findAny().isPresent(), "no empty run folder: " + folder + "\n" + text);
                        }
                    }
                }
            }
        }
    }

    /** SIGKILL once the command has {@code minChildren} child JVMs; none may be alive 3 s later. */
    private static void killWithChildren(Path console, List<String> args, int minChildren) throws Exception {
        Process p = CliProcess.start(console, List.of(), args.toArray(String[]::new));
        Set<ProcessHandle> children = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            p.descendants().forEach(children::add);
            if (p.descendants().count() >= minChildren) {
                Thread.sleep(300); // let them start writing
                p.descendants().forEach(children::add);
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(p.isAlive() && !children.isEmpty(), "the command started its JVMs: " + Files.readString(console));
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        p.waitFor(10, TimeUnit.SECONDS);
        assertNoSurvivor(children, 3);
    }

    private static void assertNoSurvivor(Set<ProcessHandle> children, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<ProcessHandle> alive =
                children.stream().filter(FaultCampaignTest::running).toList();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alive = alive.stream().filter(FaultCampaignTest::running).toList();
        }
        List<ProcessHandle> left = alive;
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(
                List.of(),
                left.stream()
                        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                        .toList(),
                "child processes alive " + seconds + " s after their parent ended");
    }

    /** Alive and not a zombie (a dead child whose parent died is reaped by init, in its own time). */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return h.isAlive();
        }
    }

    // ---- two at once ----

    @Test
    void aSecondRunWaitsForTheFirstAndSaysSo(@TempDir Path tmp) throws Exception {
        // JMH's lock lives in java.io.tmpdir: a private one keeps other JMH users of this machine out of the test
        List<String> jvm =
                List.of("-Djmh.ignoreLock=false", "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("tmp")));
        List<String> args = List.of(
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark.approximate",
                "--counters",
                "tree",
                "--out",
                tmp.resolve("runs").toString());
        Process first = CliProcess.start(tmp.resolve("first.txt"), jvm, args.toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline
                && files(tmp.resolve("runs"), "run.json").isEmpty()) {
            Thread.sleep(50);
        }
        assertTrue(first.isAlive(), "the first run is running: " + Files.readString(tmp.resolve("first.txt")));
        CliProcess.Result none = CliProcess.run(
                Files.createDirectories(tmp.resolve("cwd")),
                tmp,
                jvm,
                Duration.ofSeconds(60),
                concat(args, List.of("--lock-wait", "0")));
        assertEquals(ExitCodes.BAD_INPUT, none.code(), none.err());
        assertTrue(
                none.err().strip().matches("error: another benchmark run holds JMH's lock .*; nothing was run .*"),
                none.err());
        Process second = CliProcess.start(tmp.resolve("second.txt"), jvm, args.toArray(String[]::new));
        assertTrue(first.waitFor(180, TimeUnit.SECONDS) && second.waitFor(180, TimeUnit.SECONDS), "both finish");
        String s = Files.readString(tmp.resolve("second.txt"));
        assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.txt")));
        assertEquals(0, second.exitValue(), s);
        assertTrue(s.contains("holds JMH's lock") && s.contains("waiting up to 30 min"), s);
        List<Path> runs = files(tmp.resolve("runs"), "run.json");
        assertEquals(2, runs.size(), "two run folders, no third from the refused run");
        for (Path r : runs) {
            assertEquals("complete", status(r));
            assertEquals(0, JSON.readTree(r.toFile()).get("failed").size(), "no row failed on the lock");
        }
    }

    // ---- helpers ----

    private static Path benchmarksJar() {
        Path jar = RunBenchScript.find().resolveSibling("benchmarks/bench/target/benchmarks.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String status(Path json) throws java.io.IOException {
        JsonNode n = JSON.readTree(json.toFile());
        return n.path("status").asText("(none)");
    }

    private static List<Path> files(Path dir, String name) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(f -> f.getFileName().toString().equals(name)).toList();
        }
    }

    private static Path only(List<Path> paths) {
        assertEquals(1, paths.size(), paths.toString());
        return paths.getFirst();
    }

    private static void assertNoStackTrace(String text) {
        assertTrue(!STACK.matcher(text).find(), "no stack trace or Java class name: " + text);
    }

    private static void assertNoLeftovers(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")
                            || p.getFileName().toString().equals(io.counterbench.results.util.Reserve.FILE))
                    .toList();
            assertEquals(List.of(), left, "no temporary file or reserve left");
        }
    }
}
