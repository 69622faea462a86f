package io.counterbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark class runs in a real fork with tiny iterations, and its JSON rows carry the
 * accuracy metrics, checked against the writers' exact tallies; a counter that loses updates is
 * reported as such.
 */
class BenchmarkSmokeTest {

    static Stream<Arguments> benchmarks() {
        return Stream.of(
                // constant names (TREE, as the published jmh.json has them) are accepted beside ids
                Arguments.of("UpdateBenchmark.inc", Map.of("counter", "TREE", "cpu", "lookup"), 2, null),
                Arguments.of("UpdateBenchmark.inc", Map.of("counter", "tree-topo", "cpu", "handle"), 2, null),
                Arguments.of("UpdateBenchmark.random", Map.of("counter", "flat", "cpu", "known"), 1, null),
                Arguments.of("UpdateBenchmark.rssMix", Map.of("counter", "per-thread", "cpu", "handle"), 2, null),
                Arguments.of(
                        "ReaderWriterBenchmark.approximate", Map.of("counter", "tree", "cpu", "lookup"), 0, new int[] {
                            1, 1
                        }),
                Arguments.of(
                        "ReaderWriterBenchmark.inflight", Map.of("counter", "flat", "cpu", "handle"), 0, new int[] {1, 1
                        }),
                Arguments.of("ReadBenchmark.precise", Map.of("counter", "tree", "cpus", "256"), 1, null),
                Arguments.of(
                        "LifecycleBenchmark.createAddReadDrop", Map.of("counter", "flat", "topology", "host"), 1, null),
                Arguments.of(
                        "SelectionBenchmark.approximateWithFallback",
                        Map.of("counter", "tree", "processes", "40", "topology", "synthetic-256"),
                        1,
                        null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("benchmarks")
    void runsAndReportsAccuracy(String benchmark, Map<String, String> params, int threads, int[] groups)
            throws Exception {
        JsonNode secondary = run(benchmark, params, threads, groups, List.of()).get("secondaryMetrics");
        for (String metric : new String[] {
            "accuracy.worst",
            "accuracy.lost",
            "accuracy.bound",
            "accuracy.bound.under",
            "accuracy.bound.over",
            "accuracy.violations"
        }) {
            assertTrue(secondary.has(metric), metric + " missing in " + secondary);
            assertFalse(Double.isNaN(secondary.at("/" + metric + "/score").asDouble(Double.NaN)), metric + " is NaN");
        }
        assertEquals(0.0, secondary.at("/accuracy.lost/score").asDouble(), "updates lost against the writers' tallies");
        assertEquals(0.0, secondary.at("/accuracy.violations/score").asDouble(), "bound violations");
        assertTrue(
                secondary.at("/accuracy.worst/score").asDouble()
                        <= secondary.at("/accuracy.bound/score").asDouble(),
                "worst deviation within the bound");
        if (benchmark.endsWith("inflight")) {
            assertTrue(secondary.has("accuracy.inflight.worst"), "in-flight probe of the reader");
        }
    }

    /**
     * A counter that drops one flush in four (its approximate and precise reads still agree with
     * each other within the bound): the probe must report lost updates and violations. A probe that
     * compared the counter with itself reported lost nothing and 0 violations here.
     */
    @Test
    void brokenCounterIsReportedAsLosingUpdates() throws Exception {
        JsonNode secondary = run(
                        "UpdateBenchmark.inc",
                        Map.of("counter", "flat", "cpu", "lookup"),
                        2,
                        null,
                        List.of("-D" + FaultInjection.PROPERTY + "=drop-flush:UpdateBenchmark"))
                .get("secondaryMetrics");
        assertTrue(secondary.has("accuracy.lost"), "accuracy.lost missing in " + secondary);
        assertTrue(secondary.at("/accuracy.lost/score").asDouble() > 0, "lost: " + secondary);
        assertTrue(secondary.at("/accuracy.violations/score").asDouble() > 0, "violations: " + secondary);
    }

    /**
     * The calibration knob on the measured counter (its writers busy-wait for half of their time)
     * leaves the counter under test exact; a malformed knob stops the fork in its setup.
     */
    @Test
    void slowdownKnobKeepsTheCounterExactAndIsCheckedInTheFork() throws Exception {
        JsonNode secondary = run(
                        "UpdateBenchmark.inc",
                        Map.of("counter", "tree", "cpu", "handle"),
                        2,
                        null,
                        List.of("-D" + SlowdownKnob.PROPERTY + "=tree:50"))
                .get("secondaryMetrics");
        assertEquals(0.0, secondary.at("/accuracy.lost/score").asDouble(), secondary.toString());
        assertEquals(0.0, secondary.at("/accuracy.violations/score").asDouble(), secondary.toString());
        org.openjdk.jmh.runner.RunnerException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.openjdk.jmh.runner.RunnerException.class,
                () -> run(
                        "UpdateBenchmark.inc",
                        Map.of("counter", "tree", "cpu", "lookup"),
                        1,
                        null,
                        List.of("-D" + SlowdownKnob.PROPERTY + "=tree")));
        assertTrue(messages(e).contains("expected COUNTER:PERCENT"), messages(e));
    }

    /** Every message in a throwable's causes and suppressed exceptions (JMH wraps the fork's exception). */
    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder(String.valueOf(t.getMessage()));
        if (t.getCause() != null && t.getCause() != t) {
            b.append(" | ").append(messages(t.getCause()));
        }
        for (Throwable s : t.getSuppressed()) {
            b.append(" | ").append(messages(s));
        }
        return b.toString();
    }

    /** The noop baseline has no counter, so no counter parameters and no accuracy rows. */
    @Test
    void noopBaselineHasNoCounter() throws Exception {
        JsonNode row = run("UpdateBenchmark.noop", Map.of(), 1, null, List.of());
        assertFalse(row.has("params") && row.get("params").size() > 0, row.toString());
        assertTrue(row.at("/primaryMetric/score").asDouble() > 0);
    }

    /** One JMH result row of a real fork, as JSON. */
    private static JsonNode run(
            String benchmark, Map<String, String> params, int threads, int[] groups, List<String> jvmArgs)
            throws Exception {
        int pinned = groups != null ? java.util.Arrays.stream(groups).sum() : threads;
        int cpus = io.counterbench.topology.Affinity.processCpus().length;
        // the benchmarks pin each thread to its own CPU: a process confined to fewer (taskset, a cpuset) cannot run
        // them
        assumeTrue(
                pinned <= cpus,
                benchmark + " pins " + pinned + " threads to their own CPUs; this process may use " + cpus);
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^io\\.counterbench\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(50))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(50))
                .addProfiler(AccuracyProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new));
        params.forEach(b::param);
        if (groups != null) {
            b.threadGroups(groups);
        } else {
            b.threads(threads);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        assertEquals(1, results.size(), "one result row");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(json, true, StandardCharsets.UTF_8))
                .writeOut(results);
        JsonNode row = new ObjectMapper().readTree(json.toByteArray()).get(0);
        double score = row.at("/primaryMetric/score").asDouble(Double.NaN);
        assertTrue(score > 0, "primary score " + score);
        return row;
    }
}
