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
import java.util.Map;
import java.util.stream.Stream;
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

/** Every benchmark class runs in a real fork with tiny iterations, and its JSON rows carry the accuracy metrics. */
class BenchmarkSmokeTest {

    static Stream<Arguments> benchmarks() {
        return Stream.of(
                Arguments.of("UpdateBenchmark.inc", Map.of("counter", "TREE"), 2, null),
                Arguments.of("UpdateBenchmark.random", Map.of("counter", "FLAT"), 1, null),
                Arguments.of("ReaderWriterBenchmark.approximate", Map.of("counter", "TREE"), 0, new int[] {1, 1}),
                Arguments.of("ReadBenchmark.precise", Map.of("counter", "TREE", "cpus", "256"), 1, null),
                Arguments.of("LifecycleBenchmark.createAddReadDrop", Map.of("counter", "FLAT", "topology", "host"), 1, null),
                Arguments.of("SelectionBenchmark.approximateWithFallback", Map.of("counter", "TREE", "processes", "40"), 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void runsAndReportsAccuracy(String benchmark, Map<String, String> params, int threads, int[] groups) throws Exception {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^io\\.counterbench\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(50))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(50))
                .addProfiler(AccuracyProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        params.forEach(b::param);
        if (groups != null) {
            b.threadGroups(groups);
        } else {
            b.threads(threads);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        assertEquals(1, results.size(), "one result row");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(json, true, StandardCharsets.UTF_8)).writeOut(results);
        JsonNode row = new ObjectMapper().readTree(json.toByteArray()).get(0);
        double score = row.at("/primaryMetric/score").asDouble(Double.NaN);
        assertTrue(score > 0, "primary score " + score);
        JsonNode secondary = row.get("secondaryMetrics");
        for (String metric : new String[] {"accuracy.worst", "accuracy.bound", "accuracy.bound.under", "accuracy.bound.over",
                "accuracy.violations"}) {
            assertTrue(secondary.has(metric), metric + " missing in " + secondary.fieldNames().next());
            assertFalse(Double.isNaN(secondary.at("/" + metric + "/score").asDouble(Double.NaN)), metric + " is NaN");
        }
        assertEquals(0.0, secondary.at("/accuracy.violations/score").asDouble(), "bound violations");
        assertTrue(secondary.at("/accuracy.worst/score").asDouble() <= secondary.at("/accuracy.bound/score").asDouble(),
                "worst deviation within the bound");
        if (groups != null) {
            assertTrue(secondary.has("accuracy.inflight.worst"), "in-flight probe of the reader");
        }
    }
}
