package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("run", "--counters", "tree,nosuch", "--dry-run"), "unknown counter id 'nosuch'"),
                Arguments.of(List.of("run", "--cpu", "telepathy", "--dry-run"), "unknown cpu mode 'telepathy'"),
                Arguments.of(List.of("run", "--forks", "0", "--dry-run"), "--forks 0"),
                Arguments.of(List.of("run", "--threads", "0", "--dry-run"), "--threads 0"),
                Arguments.of(
                        List.of("run", "--threads", "64", "--placement", "compact", "--dry-run"),
                        "placement compact needs 64"),
                Arguments.of(List.of("run", "--placement", "diagonal", "--dry-run"), "diagonal"),
                Arguments.of(List.of("run", "--profile", "fast", "--dry-run"), "unknown profile 'fast'"),
                Arguments.of(List.of("run", "--benchmarks", "([", "--dry-run"), "not a valid regular expression"),
                Arguments.of(List.of("run", "--benchmarks", "NoSuchBench", "--dry-run"), "no benchmark matches"),
                Arguments.of(List.of("run", "--topology", "nosuch-box", "--dry-run"), "unknown topology 'nosuch-box'"),
                Arguments.of(List.of("run", "--threads", "two"), "--threads"),
                Arguments.of(
                        List.of("run", "--prof", "nosuchprofiler", "--dry-run"),
                        "--prof nosuchprofiler: JMH has no profiler"),
                Arguments.of(List.of("run", "--prof", "", "--dry-run"), "--prof '': name a JMH profiler"),
                Arguments.of(
                        List.of("run", "--prof", "stack:nosuchoption=1", "--dry-run"),
                        "--prof stack:nosuchoption=1: JMH cannot use"),
                Arguments.of(List.of("run", "--label", " ", "--dry-run"), "--label is empty"),
                Arguments.of(List.of("run", "--label", "x".repeat(65), "--dry-run"), "--label is 65 characters long"),
                Arguments.of(List.of("run", "--label", "v1\tnew", "--dry-run"), "use letters, digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsOneLineAndExit2(List<String> args, String expected) {
        Cli.Run o = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void unwritableOutIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "keep me");
        Cli.Run o = run(
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc",
                "--counters",
                "atomic",
                "--out",
                file.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("not a directory"), o.err());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void dryRunPrintsThePlanForA384CpuBox() {
        Cli.Run o = run("run", "--dry-run", "--profile", "full", "--topology", "epyc-9654-2s");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("topology epyc-9654-2s (384 CPUs"), o.out());
        assertTrue(o.out().contains("threads: 1,2,4,8,16,32,64,128,256,384"), o.out());
        assertTrue(o.out().contains("estimated time:"), o.out());
    }

    @Test
    void perfnormIsRefusedWhereJmhCannotReadPerfEvents() {
        boolean usable;
        try {
            org.openjdk.jmh.profile.ProfilerFactory.getProfilerOrException(
                    new org.openjdk.jmh.runner.options.ProfilerConfig("perfnorm"));
            usable = true;
        } catch (org.openjdk.jmh.profile.ProfilerException e) {
            usable = false;
        }
        Cli.Run o = run(
                "run", "--prof", "perfnorm", "--dry-run", "--profile", "smoke", "--benchmarks", "UpdateBenchmark.inc");
        if (usable) {
            o.assertOk();
        } else {
            o.assertOneLineError("--prof perfnorm: JMH's perfnorm needs hardware performance events");
        }
    }

    @Test
    void asyncOptionsFromProfGoOnTopOfTheBundledOnes() {
        assertEquals(
                "async:libPath=/l;output=flamegraph;dir=/d;event=alloc;interval=9",
                RunSession.withOptions(
                        "async:libPath=/l;output=flamegraph;dir=/d;event=cpu", "event=alloc;interval=9"));
        assertEquals("async:libPath=/l;event=cpu", RunSession.withOptions("async:libPath=/l;event=cpu", ""));
    }

    @Test
    void profAddsAJmhProfilerToEveryEntry(@TempDir Path dir) throws Exception {
        Cli.Run o = run(
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc",
                "--counters",
                "atomic",
                "--threads",
                "1",
                "--prof",
                "gc",
                "--out",
                dir.toString());
        o.assertOk();
        Path folder;
        try (Stream<Path> s = Files.list(dir)) {
            folder = s.findFirst().orElseThrow();
        }
        JsonNode row = JSON.readTree(folder.resolve("jmh.json").toFile()).get(0);
        assertTrue(
                row.get("secondaryMetrics").has("gc.alloc.rate.norm"),
                "gc on a benchmark the plan does not profile: " + row);
        assertTrue(row.get("secondaryMetrics").has("accuracy.worst"), row.toString());
        JsonNode profilers =
                JSON.readTree(folder.resolve("run.json").toFile()).get("jmh").get("profilers");
        assertTrue(profilers.toString().contains("\"gc\""), profilers.toString());
    }

    @Test
    void smokeRunWritesARunFolder(@TempDir Path dir) throws Exception {
        Cli.Run o = run(
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc|ReadBenchmark.approximate",
                "--counters",
                "tree,adder",
                "--out",
                dir.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        Path folder;
        try (Stream<Path> s = Files.list(dir)) {
            folder = s.findFirst().orElseThrow();
        }
        JsonNode run = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("complete", run.get("status").asText());
        assertEquals(0, run.get("missing").size());
        JsonNode jmh = JSON.readTree(folder.resolve("jmh.json").toFile());
        assertEquals(run.get("plan").size(), jmh.size(), "one JMH result per plan entry here");
        assertTrue(JSON.readTree(folder.resolve("footprint.json").toFile())
                        .get("rows")
                        .size()
                > 0);
        assertTrue(o.out().contains("speedup vs LongAdder") && o.out().contains("forks"), o.out());
        assertTrue(o.err().contains("ETA"), o.err());
        assertFalse(run.at("/cpuLookup/handle").asText().isEmpty(), "run.json says how threads find their CPU: " + run);
        assertTrue(o.out().contains("cpu"), "rows say which cpu mode: " + o.out());
        // the console summary is report.md's tables: every row of report.md's update table is a console line
        List<String> console = o.out()
                .lines()
                .map(l -> String.join(" ", l.trim().split("\\s+")))
                .toList();
        List<String> md = Files.readAllLines(folder.resolve("report.md"));
        int from = md.indexOf(md.stream()
                .filter(l -> l.startsWith("### UpdateBenchmark"))
                .findFirst()
                .orElseThrow());
        List<String> mdRows = md.subList(from + 1, md.size()).stream()
                .takeWhile(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith("| "))
                .toList();
        assertFalse(mdRows.isEmpty(), "report.md has the update rows");
        for (String row : mdRows) {
            String cells = java.util.Arrays.stream(row.split("\\|"))
                    .map(String::trim)
                    .filter(c -> !c.isEmpty())
                    .map(c -> String.join(" ", c.split("\\s+")))
                    .collect(java.util.stream.Collectors.joining(" "));
            assertTrue(
                    console.contains(cells),
                    "report.md row '" + cells + "' is not in the console summary:\n" + o.out());
        }

        Cli.Run second = run(
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark.approximate",
                "--counters",
                "tree",
                "--out",
                dir.toString());
        assertEquals(0, second.code(), second.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "a second run gets its own folder");
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"INT", "TERM"})
    void interruptedRunKeepsFinishedResults(String signal, @TempDir Path dir) throws Exception {
        Process p = CliProcess.start(
                dir.resolve("console.txt"),
                List.of(),
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark",
                "--forks",
                "3", // each entry a few seconds: the signal lands while later entries still run, even on a loaded box
                "--out",
                dir.resolve("runs").toString());
        Path runJson = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            runJson = findRunJson(dir.resolve("runs"));
            if (runJson != null
                    && JSON.readTree(runJson.toFile()).get("completed").size() >= 1) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(runJson != null, "the run started");
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops on SIG" + signal);
        JsonNode run = JSON.readTree(runJson.toFile());
        assertEquals("incomplete", run.get("status").asText(), run.toPrettyString());
        assertTrue(
                run.get("reason").asText().contains("interrupted"),
                run.get("reason").asText());
        int done = run.get("completed").size();
        assertTrue(done >= 1 && run.get("missing").size() >= 1, run.toPrettyString());
        JsonNode jmh = JSON.readTree(runJson.resolveSibling("jmh.json").toFile());
        assertTrue(jmh.size() >= done, "finished results are on disk");
        String console = Files.readString(dir.resolve("console.txt"));
        assertTrue(console.contains("interrupted:"), console);
    }

    private static Path findRunJson(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(f -> f.getFileName().toString().equals("run.json"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
