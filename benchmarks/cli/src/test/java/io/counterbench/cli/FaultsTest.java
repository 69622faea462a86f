package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterbench.cli.run.Plan;
import io.counterbench.cli.run.Profile;
import io.counterbench.topology.Affinity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A benchmark fork that crashes or runs out of memory: the other benchmarks' results are kept,
 * run.json says what failed and why, the run exits 1, and the next run works.
 */
class FaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"crash, exit code 134", "oom, OutOfMemoryError"})
    void failingForkKeepsTheOtherResults(String kind, String expectedReason, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs");
        Process p = CliProcess.start(
                dir.resolve("console.txt"),
                List.of("-Xmx160m", "-Dcounterbench.fault=" + kind + ":ReadBenchmark"),
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc|ReadBenchmark.approximate",
                "--counters",
                "tree",
                "--cpu",
                "lookup",
                "--out",
                out.toString());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "run finished");
        String console = Files.readString(dir.resolve("console.txt"));
        assertEquals(ExitCodes.CHECK_FAILED, p.exitValue(), console);

        Path folder = only(out);
        JsonNode run = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("incomplete", run.get("status").asText(), run.toPrettyString());
        // UpdateBenchmark.inc runs at the smoke profile's thread counts that fit the CPUs this process may use (2 CPUs:
        // 1 and 2; confined by taskset or a cpuset to one: 1); ReadBenchmark's two entries (cpus=2 and 4096) do not
        // depend on it
        long updates = Plan.Choices.builder(Profile.parse("smoke"), "host", Affinity.processCpus().length)
                .counters(List.of("tree"))
                .benchmarks(Pattern.compile("UpdateBenchmark.inc|ReadBenchmark.approximate"))
                .cpuModes(List.of("lookup"))
                .plan()
                .entries()
                .stream()
                .filter(e -> e.label().startsWith("UpdateBenchmark"))
                .count();
        assertTrue(updates >= 1, "the plan has UpdateBenchmark entries");
        assertEquals(updates, run.get("completed").size(), "the UpdateBenchmark entries ran");
        assertEquals(
                2,
                run.get("failed").size(),
                "the two ReadBenchmark entries (cpus=2 and 4096) failed: " + run.toPrettyString());
        String reason = run.at("/failed/0/error").asText();
        assertTrue(reason.contains(expectedReason), reason);
        assertTrue(run.at("/failed/0/label").asText().startsWith("ReadBenchmark"), run.toPrettyString());
        assertEquals(updates, JSON.readTree(folder.resolve("jmh.json").toFile()).size(), "finished results kept");

        Process again = CliProcess.start(
                dir.resolve("console2.txt"),
                List.of(),
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark.approximate",
                "--counters",
                "tree",
                "--out",
                out.toString());
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), Files.readString(dir.resolve("console2.txt")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count(), "the next run works, in its own folder");
        }
    }

    /**
     * jmh.json stops being writable mid-run (a stand-in for a full disk where no tmpfs can be mounted;
     * FaultCampaignTest fills a real one): the run stops, run.json says why, no temporary file is left.
     */
    @org.junit.jupiter.api.Test
    void unwritableRunFolderStopsTheRunAndKeepsFinishedResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs");
        Process p = CliProcess.start(
                dir.resolve("console.txt"),
                List.of(),
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark",
                "--counters",
                "tree,flat,adder,atomic",
                "--out",
                out.toString());
        Path runJson = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    runJson = s.map(f -> f.resolve("run.json"))
                            .filter(Files::exists)
                            .findFirst()
                            .orElse(null);
                }
            }
            if (runJson != null
                    && JSON.readTree(runJson.toFile()).get("completed").size() >= 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(runJson != null, "the run started");
        // jmh.json becomes a folder with a file in it: the next rename of a whole jmh.json onto it fails
        Path jmh = runJson.resolveSibling("jmh.json");
        for (int i = 0; i < 100; i++) {
            try {
                Files.deleteIfExists(jmh);
                Files.createDirectory(jmh);
                Files.writeString(jmh.resolve("in-the-way"), "x");
                break;
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException rewritten) {
                // the run rewrote it between the two steps: again
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "run finished");
        String console = Files.readString(dir.resolve("console.txt"));
        assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), console);
        assertTrue(console.contains("error: cannot write to the run folder"), console);
        JsonNode run = JSON.readTree(runJson.toFile());
        assertEquals("incomplete", run.get("status").asText(), run.toPrettyString());
        assertTrue(
                run.get("reason").asText().startsWith("cannot write results"),
                run.get("reason").asText());
        int done = run.get("completed").size();
        assertTrue(done >= 1 && run.get("missing").size() >= 1, run.toPrettyString());
        assertTrue(console.contains("jmh.json: it is a directory"), console);
        try (Stream<Path> s = Files.list(runJson.getParent())) {
            assertEquals(
                    List.of(),
                    s.filter(f -> f.getFileName().toString().endsWith(".tmp")
                                    || f.getFileName().toString().equals(io.counterbench.results.util.Reserve.FILE))
                            .toList(),
                    "no temporary file or reserve left");
        }

        Process again = CliProcess.start(
                dir.resolve("console2.txt"),
                List.of(),
                "run",
                "--profile",
                "smoke",
                "--benchmarks",
                "ReadBenchmark.approximate",
                "--counters",
                "tree",
                "--out",
                out.toString());
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), Files.readString(dir.resolve("console2.txt")));
    }

    static Path only(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
