package io.counterbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The stability forensics in real forks: what the profiler reports, and the lookup ladder runs. */
class ForensicsForkTest {

    /**
     * A fresh tree counter takes slot 0 of its arena chunk, so the slot the pinned CPU updates lies
     * 16 (array header) + 8 x (16 padding longs + cpu x 64) bytes after the chunk's start.
     */
    @Test
    void forkReportsItsPidAndTheHotObjectsAddresses() throws Exception {
        JsonNode s = run(
                        "UpdateBenchmark.inc",
                        List.of("-Dcounterbench.forensics=true", "--sun-misc-unsafe-memory-access=allow"),
                        true)
                .get("secondaryMetrics");
        assertTrue(s.at("/forensics.pid/score").asDouble() > 0, s.toString());
        for (String name : List.of(
                "counter", "counter.level0", "counter.slot", "writer", "handle", "thread", "rseq.cpu_id", "state")) {
            double v = s.at("/forensics.addr." + name + "/score").asDouble(-1);
            assertTrue(v >= 0 && v < 4096, name + " mod 4096: " + v + " in " + s);
        }
        long chunk = s.at("/forensics.addr.counter.level0/score").asLong();
        long slot = s.at("/forensics.addr.counter.slot/score").asLong();
        long offset = Math.floorMod(slot - chunk, 4096L);
        assertTrue(
                offset == 16 + 8 * 16 || offset == 16 + 8 * (16 + 64),
                "slot at CPU 0 or 1 of a fresh chunk: " + offset);
        assertEquals(0.0, s.at("/forensics.gc/score").asDouble(), "no collection in a 1-thread inc");
    }

    @Test
    void withoutTheSwitchTheForkRecordsNoAddresses() throws Exception {
        JsonNode s = run("UpdateBenchmark.inc", List.of(), true).get("secondaryMetrics");
        assertTrue(s.has("forensics.pid"), s.toString());
        assertFalse(s.has("forensics.addr.counter"), "nothing noted unless -Dcounterbench.forensics=true: " + s);
    }

    @Test
    void selectionAndCpuIdForksNoteTheirOwnObjects() throws Exception {
        List<String> on = List.of("-Dcounterbench.forensics=true", "--sun-misc-unsafe-memory-access=allow");
        JsonNode sel = run(
                        "SelectionBenchmark.approximateWithFallback",
                        on,
                        java.util.Map.of("counter", "tree", "processes", "40", "topology", "synthetic-256"))
                .get("secondaryMetrics");
        for (String name :
                List.of("counters", "truth", "counter0", "counter0.level0", "counter0.slot", "counterLast.slot")) {
            assertTrue(sel.has("forensics.addr." + name), name + " in " + sel);
        }
        JsonNode cpuId = run("CpuIdBenchmark.handle", on, java.util.Map.of()).get("secondaryMetrics");
        for (String name : List.of("handle", "handles", "adder", "rseq.cpu_id")) {
            assertTrue(cpuId.has("forensics.addr." + name), name + " in " + cpuId);
        }
    }

    @Test
    void theLadderRunsEveryRung() throws Exception {
        for (String rung : List.of("r0atomic", "r4rseq", "r6checks", "treeLookup")) {
            run("LookupLadderBenchmark." + rung, List.of(), java.util.Map.of());
        }
    }

    private static JsonNode run(String benchmark, List<String> jvmArgs, boolean update) throws Exception {
        return run(
                benchmark,
                jvmArgs,
                update
                        ? java.util.Map.of(
                                "counter", "tree", "cpu", "lookup", "placement", "compact", "topology", "host")
                        : java.util.Map.of());
    }

    private static JsonNode run(String benchmark, List<String> jvmArgs, java.util.Map<String, String> params)
            throws Exception {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^io\\.counterbench\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(50))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(50))
                .addProfiler(ForensicsProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .threads(1)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new));
        params.forEach(b::param);
        Collection<RunResult> results = new Runner(b.build()).run();
        assertEquals(1, results.size(), "one result row");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(json, true, StandardCharsets.UTF_8))
                .writeOut(results);
        JsonNode row = new ObjectMapper().readTree(json.toByteArray()).get(0);
        assertTrue(row.at("/primaryMetric/score").asDouble(Double.NaN) > 0, row.toString());
        return row;
    }
}
