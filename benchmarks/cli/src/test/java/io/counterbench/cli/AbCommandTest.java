package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.gate.PairsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ab end to end on this checkout's benchmarks.jar (two pairs of one row: the mechanics, not the
 * numbers), its bad input (each one line, exit 2, nothing run), and an interrupted run that keeps
 * its finished pairs.
 */
class AbCommandTest {
    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = RunBenchScript.find().resolveSibling("benchmarks/bench/target/benchmarks.jar");
        assumeTrue(
                Files.isRegularFile(jar),
                "needs the built " + jar + " (Maven builds it before the cli module's tests)");
    }

    @Test
    void twoPairsOfOneRowMakeARunFolderBothSidesPairUpIn(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ab");
        Cli.Run r = Cli.run(
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
                "tree",
                "--threads",
                "1",
                "--pairs",
                "2",
                "--seed",
                "7",
                "--rerun-above",
                "0",
                "--side-by-side",
                "off",
                "--budget",
                "off",
                "--out",
                out.toString());
        assertEquals(
                ExitCodes.INCONCLUSIVE, r.code(), "2 pairs can neither flag nor clear a row: " + r.out() + r.err());
        assertTrue(r.out().contains("ab plan: profile ci, 1 rows x 2 pairs = 4 forks (one JVM each), seed 7"), r.out());
        assertTrue(r.err().contains("pair 1/2") && r.err().contains("pair 2/2"), "progress lines: " + r.err());
        assertTrue(r.err().contains("ETA"), r.err());
        Path folder = FaultsTest.only(out);
        PairsJson pairs = PairsJson.read(folder.resolve(PairsJson.FILE));
        assertEquals("complete", pairs.status());
        assertEquals(7, pairs.seed());
        assertEquals(2, pairs.completePairs());
        assertTrue(
                pairs.pairs().stream()
                        .allMatch(x -> List.of("baseline", "current").contains(x.first())),
                "back to back, who went first recorded (a fair coin per pair): " + pairs.pairs());
        assertTrue(
                pairs.pairs().stream()
                        .allMatch(x -> x.baselineLoad() != null && x.baselineLoad() >= 0 && x.currentLoad() != null),
                "each fork's foreign load is recorded: " + pairs.pairs());
        JsonNode base = Cli.json(folder.resolve(PairsJson.BASELINE_JMH));
        JsonNode cur = Cli.json(folder.resolve(PairsJson.CURRENT_JMH));
        assertEquals(1, base.size());
        assertEquals(2, base.get(0).get("forks").asInt());
        assertEquals(2, base.get(0).at("/primaryMetric/rawData").size(), "one rawData entry per fork");
        assertEquals(2, cur.get(0).at("/primaryMetric/rawData").size());
        assertTrue(base.get(0).at("/secondaryMetrics/accuracy.violations").isObject(), "the accuracy profiler ran");
        JsonNode run = Cli.json(folder.resolve("run.json"));
        assertEquals("complete", run.get("status").asText());
        assertEquals(2, run.at("/profile/forks").asInt());
        try (Stream<Path> s = Files.list(folder.resolve("forks"))) {
            assertEquals(8, s.count(), "JSON and log of each of the 4 forks");
        }
        // 2 pairs cannot bound anything: the run says so up front, and is inconclusive, not passed
        assertTrue(r.out().contains("result: INCONCLUSIVE"), r.out());
        assertTrue(
                r.out().contains("NOTE: 1 of 1 rows cannot reach their level")
                        && r.out().contains("pairs are needed"),
                r.out());
        assertTrue(r.err().contains("inconclusive: ab: 1 row(s) neither flagged nor cleared (exit 3)"), r.err());
        assertTrue(Files.readString(folder.resolve("summary.md")).startsWith("Baseline "), "summary in the folder");
        Cli.Run again = Cli.run("gate", "--ab", folder.toString(), "--inconclusive", "pass");
        again.assertOk();
        assertTrue(again.out().contains("counterbench ab: current"), again.out());
    }

    /**
     * Side by side (the default where two halves of the CPUs exist): both forks of a pair at once,
     * each under taskset on its own half, the halves swapped between the two pairs of a row.
     */
    @Test
    void sideBySidePairsRunAtOnceOnTheTwoHalvesOfTheCpus(@TempDir Path tmp) throws Exception {
        int cpus = io.counterbench.topology.Affinity.processCpus().length;
        assumeTrue(cpus >= 2 && io.counterbench.cli.ab.ForkRunner.canConfine(), "needs 2 CPUs and taskset");
        Path out = tmp.resolve("ab");
        Cli.Run r = Cli.run(
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
                "2",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--inconclusive",
                "pass",
                "--side-by-side",
                "on");
        r.assertOk();
        // the ci profile's default budget: adaptive, with progress on the open rows and the time left
        assertTrue(
                r.out().contains("adaptive: one look, at 2 pairs or the budget's end")
                        && r.out().contains("budget 9m"),
                r.out());
        assertTrue(r.err().contains("1 of 1 rows open") && r.err().contains(" left |"), r.err());
        assertTrue(
                r.out().contains("(side by side)") && r.out().contains("side by side: the two forks of a pair at once"),
                r.out());
        assertTrue(r.out().contains("each fork's score: its best iteration"), r.out());
        Path folder = FaultsTest.only(out);
        PairsJson pairs = PairsJson.read(folder.resolve(PairsJson.FILE));
        assertEquals(2, pairs.completePairs());
        assertTrue(
                pairs.pairs().stream().allMatch(x -> "together".equals(x.first())),
                pairs.pairs().toString());
        assertTrue(
                pairs.pairs().stream()
                        .allMatch(x ->
                                x.baselineCpus() != null && !x.baselineCpus().equals(x.currentCpus())),
                "each side on its own half: " + pairs.pairs());
        try (Stream<Path> s = Files.list(folder.resolve("forks"))) {
            for (Path log : s.filter(f -> f.toString().endsWith(".log")).toList()) {
                assertTrue(
                        Files.readString(log).startsWith("# taskset -c "), log + " starts with the confined command");
            }
        }
        assertTrue(r.out().contains("note: each fork's score is its best iteration"), r.out());
    }

    /**
     * ab calibrate runs its series in this process: an A/A run and a knob run, each its own ab run folder
     * under runs/ with its log, the knob on the knob run's current side only, held under --wrap, and
     * calibration.md written from both.
     */
    @Test
    void calibrateRunsItsSeriesOfAbRunsInThisProcess(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("calibration");
        Cli.Run r = Cli.run(
                "ab",
                "calibrate",
                "--baseline",
                jar.toString(),
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--counters",
                "adder",
                "--threads",
                "1",
                "--pairs",
                "1",
                "--seed",
                "5",
                "--side-by-side",
                "off",
                "--rerun-above",
                "0",
                "--aa-runs",
                "1",
                "--knob-runs",
                "1",
                "--levels",
                "20",
                "--knob-counters",
                "adder",
                "--wrap",
                "env",
                "--out",
                out.toString());
        r.assertOk();
        assertTrue(
                r.out().contains("calibration: 1 A/A runs and 1 knob runs of " + jar + ", profile smoke, 3 rows"),
                r.out());
        assertTrue(
                r.err().contains("calibrate: run 1/2 (A/A)")
                        && r.err().contains("calibrate: run 2/2 (--slowdown adder:20)")
                        && r.err().contains("calibrate: run 2 exited "),
                r.err());
        Path dir = FaultsTest.only(out);
        assertTrue(Files.readString(dir.resolve("calibration.md"))
                .contains("Produced by `./run-bench.sh ab calibrate --baseline"));
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            runs = s.sorted().toList();
        }
        assertEquals(2, runs.size(), runs.toString());
        for (int i = 0; i < 2; i++) {
            PairsJson pairs = PairsJson.read(runs.get(i).resolve(PairsJson.FILE));
            assertEquals(5 + i, pairs.seed(), "run i has the seed plus i");
            assertEquals("complete", pairs.status());
            assertEquals(3, pairs.completePairs(), "one pair of each of the 3 rows (cpu lookup, handle, known)");
            JsonNode jmh = Cli.json(runs.get(i).resolve("run.json")).get("jmh");
            assertEquals(
                    i == 1,
                    jmh.get("currentJvmArgs").toString().contains("-Dcounterbench.slowdown=adder:20"),
                    jmh.toString());
            assertFalse(jmh.get("baselineJvmArgs").toString().contains("adder:20"), jmh.toString());
            String log = Files.readString(dir.resolve("logs").resolve("run-0" + (i + 1) + ".log"));
            assertTrue(
                    log.contains("held under env")
                            && log.contains("ab plan: profile smoke")
                            && log.contains("results: "),
                    log);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ab");
        Cli.run("ab", "--baseline", "no-such-revision-xyz", "--current", jar.toString(), "--out", out.toString())
                .assertOneLineError("--baseline 'no-such-revision-xyz' is not a commit of");
        Cli.run(
                        "ab",
                        "--baseline",
                        tmp.resolve("missing.jar").toString(),
                        "--current",
                        jar.toString(),
                        "--out",
                        out.toString())
                .assertOneLineError("missing.jar: no such file");
        Path text = Files.writeString(tmp.resolve("notes.jar"), "not a zip");
        Cli.run("ab", "--baseline", text.toString(), "--current", jar.toString(), "--out", out.toString())
                .assertOneLineError("is not a counterbench benchmarks.jar: not a jar (zip) file");
        Path empty = zip(tmp.resolve("empty.jar"), null);
        Cli.run("ab", "--baseline", empty.toString(), "--current", jar.toString(), "--out", out.toString())
                .assertOneLineError("is not a counterbench benchmarks.jar: it has no JMH benchmark list");
        // (the list stores each string's length: replacements keep them)
        Path foreign = zip(
                tmp.resolve("foreign.jar"),
                benchmarkList().replace("io.counterbench.bench.", "org.example.other.pkg."));
        Cli.run("ab", "--baseline", jar.toString(), "--current", foreign.toString(), "--out", out.toString())
                .assertOneLineError("--current " + foreign
                        + " is not a counterbench benchmarks.jar: its JMH benchmarks are not io.counterbench.bench's");
        // the same benchmarks under other names: a version with no row in common
        Path renamed = zip(tmp.resolve("renamed.jar"), benchmarkList().replace("Benchmark", "BenchmarQ"));
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        renamed.toString(),
                        "--profile",
                        "smoke",
                        "--out",
                        out.toString())
                .assertOneLineError("no row in common: the smoke profile has no benchmark and parameters that both");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--pairs",
                        "0",
                        "--out",
                        out.toString())
                .assertOneLineError("--pairs 0: at least 1");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--slowdown",
                        "tree",
                        "--out",
                        out.toString())
                .assertOneLineError("--slowdown 'tree': expected COUNTER:PERCENT");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--threshold",
                        "lots",
                        "--out",
                        out.toString())
                .assertOneLineError("--threshold 'lots' is not a percentage");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--side-by-side",
                        "both",
                        "--out",
                        out.toString())
                .assertOneLineError("--side-by-side 'both': expected auto, on or off");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--fork-score",
                        "median",
                        "--out",
                        out.toString())
                .assertOneLineError("--fork-score 'median': expected best or mean");
        Cli.run(
                        "ab",
                        "--baseline",
                        jar.toString(),
                        "--current",
                        jar.toString(),
                        "--slowdown",
                        "tree:x",
                        "--out",
                        out.toString())
                .assertOneLineError("--slowdown 'x' is not a percentage (e.g. 5%)");
        // calibration is a subcommand now: its old spelling names it
        Cli.run("ab", "--calibrate", "--baseline", jar.toString(), "--out", out.toString())
                .assertOneLineError("--calibrate was removed: calibrate with './run-bench.sh ab calibrate'");
        Cli.run("ab", "--baseline", jar.toString(), "--aa-runs", "2", "--out", out.toString())
                .assertOneLineError("--aa-runs was removed: it is an option of './run-bench.sh ab calibrate' now");
        Cli.run("ab", "calibrate", "--baseline", jar.toString(), "--levels", "0", "--out", out.toString())
                .assertOneLineError("--levels: percentages in (0, 100]");
        Cli.run(
                        "ab",
                        "calibrate",
                        "--baseline",
                        jar.toString(),
                        "--aa-runs",
                        "0",
                        "--knob-runs",
                        "0",
                        "--out",
                        out.toString())
                .assertOneLineError("ab calibrate needs at least one run (--aa-runs, --knob-runs)");
        Cli.run(
                        "ab",
                        "calibrate",
                        "--baseline",
                        jar.toString(),
                        "--wrap",
                        "no-such-command-xyz",
                        "--out",
                        out.toString())
                .assertOneLineError("--wrap: 'no-such-command-xyz' is not a command found on PATH");
        assertFalse(Files.exists(out), "nothing written");
    }

    /** SIGTERM during the second pair: exit 2 with one line, the first pair kept in every file, the next run works. */
    @Test
    void interruptedRunKeepsTheFinishedPairs(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ab");
        Process p = CliProcess.start(
                tmp.resolve("console.txt"),
                List.of("-Djmh.ignoreLock=true"),
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
                "6",
                "--out",
                out.toString());
        Path pairsFile = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    pairsFile = s.map(f -> f.resolve(PairsJson.FILE))
                            .filter(Files::exists)
                            .findFirst()
                            .orElse(null);
                }
            }
            if (pairsFile != null && completePairs(pairsFile) >= 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(pairsFile != null && completePairs(pairsFile) >= 1, "a pair finished");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ab stopped");
        String console = Files.readString(tmp.resolve("console.txt"));
        assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), console);
        List<String> errors =
                console.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), console);
        assertTrue(
                errors.getFirst().matches("error: interrupted: \\d of 6 pairs finished; they are kept in .*"),
                errors.getFirst());
        PairsJson pairs = PairsJson.read(pairsFile);
        assertEquals("incomplete", pairs.status());
        assertTrue(pairs.reason().startsWith("interrupted"), pairs.reason());
        int kept = (int) pairs.completePairs();
        assertTrue(kept >= 1 && kept < 6, "kept " + kept);
        JsonNode base = Cli.json(pairsFile.resolveSibling(PairsJson.BASELINE_JMH));
        assertEquals(
                kept,
                base.get(0).at("/primaryMetric/rawData").size(),
                "the merged file holds exactly the finished pairs");
        assertEquals(
                kept,
                Cli.json(pairsFile.resolveSibling(PairsJson.CURRENT_JMH))
                        .get(0)
                        .at("/primaryMetric/rawData")
                        .size());
        assertEquals(
                "incomplete",
                Cli.json(pairsFile.resolveSibling("run.json")).get("status").asText());
        Cli.Run gate = Cli.run("gate", "--ab", pairsFile.getParent().toString());
        assertEquals(ExitCodes.INCONCLUSIVE, gate.code(), "a partial run is never passed: " + gate.out() + gate.err());
        Cli.Run chosen = Cli.run("gate", "--ab", pairsFile.getParent().toString(), "--inconclusive", "pass");
        chosen.assertOk(); // the CI's own choice for an inconclusive gate
        assertTrue(gate.out().contains("run incomplete (interrupted (SIGINT/SIGTERM)"), gate.out());
        assertTrue(gate.out().contains("a partial run: " + kept + " of 6 pairs finished"), gate.out());
        Thread.sleep(500);
        long left = ProcessHandle.allProcesses()
                .filter(h -> String.join(" ", h.info().arguments().orElse(new String[0]))
                        .contains(out.toString()))
                .count();
        assertEquals(0, left, "no fork of the run left running");
    }

    private static long completePairs(Path file) {
        try {
            return PairsJson.read(file).completePairs();
        } catch (RuntimeException e) {
            return 0; // being rewritten
        }
    }

    private static String benchmarkList() throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile());
                InputStream in = z.getInputStream(z.getEntry("META-INF/BenchmarkList"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A jar holding only META-INF/BenchmarkList (or nothing but a manifest when {@code list} is null). */
    private static Path zip(Path file, String list) throws IOException {
        try (OutputStream o = Files.newOutputStream(file);
                ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry(list == null ? "META-INF/MANIFEST.MF" : "META-INF/BenchmarkList"));
            z.write((list == null ? "Manifest-Version: 1.0\n" : list).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return file;
    }
}
