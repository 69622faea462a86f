package io.counterbench.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing fork leaves the finished results on disk and run.json says what failed. */
class RunExecutorTest {

    /** The stability profile's forks log their JIT to the run folder, one file per process, and switch forensics on. */
    @Test
    void forensicsForksLogTheirJitIntoTheRunFolder(@TempDir Path dir) {
        List<String> args = RunExecutor.forensicsJvmArgs(dir);
        assertTrue(Files.isDirectory(dir.resolve("forensics")));
        assertTrue(
                args.contains("-XX:LogFile="
                        + dir.toAbsolutePath().resolve("forensics").resolve("jit-%p.log")),
                args.toString());
        assertTrue(
                args.containsAll(List.of(
                        "-Dcounterbench.forensics=true",
                        "-XX:+PrintCompilation",
                        "-XX:+LogVMOutput",
                        "-XX:-DisplayVMOutput",
                        "-XX:CompileCommand=PrintInlining,*::*_jmhStub")),
                args.toString());
        assertTrue(args.indexOf("-XX:+UnlockDiagnosticVMOptions") < args.indexOf("-XX:+LogVMOutput"), "unlocked first");
    }

    @Test
    void failingForkKeepsFinishedResultsAndMarksTheRunIncomplete(@TempDir Path dir) throws Exception {
        Profile p = Profile.SMOKE;
        double est = 2;
        PlanEntry good = new PlanEntry(
                0,
                "UpdateBenchmark",
                List.of("inc"),
                Map.of("counter", "ATOMIC", "topology", "host", "placement", "compact", "cpu", "lookup"),
                1,
                null,
                false,
                est);
        PlanEntry bad = new PlanEntry(
                1,
                "UpdateBenchmark",
                List.of("inc"),
                Map.of("counter", "ATOMIC", "topology", "no-such-topology", "placement", "compact", "cpu", "known"),
                1,
                null,
                false,
                est);
        PlanEntry after = new PlanEntry(
                2,
                "ReadBenchmark",
                List.of("approximate"),
                Map.of("counter", "TREE", "cpus", "8"),
                1,
                null,
                false,
                est);
        Plan plan = Plan.of(p, "host", 2, List.of(good, bad, after));
        RunRecord record = new RunRecord(dir, plan, List.of("run", "--test"), Instant.now());
        StringWriter progress = new StringWriter();

        var results = new RunExecutor(plan, dir, record, new PrintWriter(progress, true), null).run();
        record.complete();

        assertEquals(2, results.size(), "the entries before and after the failure ran");
        JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals("incomplete", run.get("status").asText());
        assertEquals(List.of(0, 2), ints(run.get("completed")));
        assertEquals(1, run.at("/failed/0/index").asInt());
        assertTrue(
                run.at("/failed/0/error").asText().contains("no-such-topology"),
                run.at("/failed/0/error").asText());
        JsonNode jmh = Json.MAPPER.readTree(dir.resolve("jmh.json").toFile());
        assertEquals(2, jmh.size(), "jmh.json holds both finished results");
        assertTrue(Files.size(dir.resolve("jmh.log")) > 0);
        assertTrue(
                progress.toString().contains("[  2/3]") && progress.toString().contains("FAILED"), progress.toString());
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
