package io.counterbench.results.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The numbers of a well-formed JMH file are range-checked where they are read: a thread count, a
 * fork count, scores that cannot be negative or infinite, whole non-negative histogram counts; a
 * key written twice is refused.
 */
class JmhRangesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-3     | result 1 (io.counterbench.bench.UpdateBenchmark.inc): threads is -3: a thread count must be between 1 and 65536",
                "0      | threads is 0: a thread count must be between 1 and 65536",
                "2.5    | threads is 2.5, not a whole number",
                "65537  | threads is 65537: a thread count",
                "1e10   | threads is 10000000000: a thread count",
                "'\"x\"'| threads is \"x\", not a whole number",
                "true   | threads is a boolean, not a whole number",
            })
    void threadsMustBeAThreadCount(String value, String expected) throws Exception {
        assertRefused(rows -> first(rows).set("threads", read(value)), expected);
    }

    /** 2.5 threads used to read as 2 and sit in the same row key as the real 2-thread result. */
    @Test
    void aFractionOfAThreadNoLongerCollidesWithTheWholeNumber() {
        assertRefused(rows -> first(rows).put("threads", 1.5), "threads is 1.5, not a whole number");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-1         | primaryMetric score is -1.0: a time or an operation rate cannot be negative",
                "'\"+INF\"' | primaryMetric score is infinite",
                "'\"-INF\"' | primaryMetric score is infinite",
                "'\"Infinity\"' | primaryMetric score is infinite",
            })
    void scoresAreFiniteAndNotNegative(String value, String expected) throws Exception {
        assertRefused(rows -> ((ObjectNode) first(rows).get("primaryMetric")).set("score", read(value)), expected);
    }

    @Test
    void rawSamplesAndErrorsAreCheckedToo() {
        assertRefused(
                rows -> ((ObjectNode) first(rows).get("primaryMetric")).set("rawData", read("[[1.0, -2.0]]")),
                "primaryMetric rawData is -2.0: a time or an operation rate cannot be negative");
        assertRefused(
                rows -> ((ObjectNode) first(rows).get("primaryMetric")).put("scoreError", -0.5),
                "primaryMetric scoreError is -0.5");
        assertRefused(rows -> first(rows).put("forks", -1), "forks is -1: a fork count must be between 0 and 100000");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[[[[100, -5]]]]      | rawDataHistogram count is -5: a histogram bin's count must be between 0",
                "[[[[100, 2.5]]]]     | rawDataHistogram count is 2.5, not a whole number",
                "[[[[-100, 5]]]]      | rawDataHistogram value is -100.0: a time or an operation rate cannot be negative",
                "'[[[[\"NaN\", 5]]]]' | bin has no value (NaN) but a count of 5",
            })
    void histogramCountsAreWholeAndNotNegative(String histogram, String expected) throws Exception {
        assertRefused(
                rows -> {
                    ObjectNode pm = (ObjectNode) first(rows).get("primaryMetric");
                    pm.remove("rawData");
                    pm.set("rawDataHistogram", read(histogram));
                },
                expected);
    }

    @Test
    void aKeyWrittenTwiceIsRefused() throws Exception {
        String text = Files.readString(Fixtures.resource("jmh/two-modes.json"));
        Path f = Files.writeString(dir.resolve("dup.json"), text.replaceFirst("\\{", "{ \"mode\" : \"avgt\","));
        InputException e = assertThrows(InputException.class, () -> JmhJson.read(f));
        assertTrue(e.getMessage().contains("Duplicate field 'mode'"), e.getMessage());
    }

    @Test
    void secondaryMetricsMaySignButNotBeInfinite() throws Exception {
        Path ok = write(rows ->
                first(rows).putObject("secondaryMetrics").putObject("drift").put("score", -3.0));
        assertEquals(-3.0, JmhJson.read(ok).getFirst().secondaryScore("drift"));
        assertRefused(
                rows -> first(rows)
                        .putObject("secondaryMetrics")
                        .putObject("drift")
                        .put("score", "+INF"),
                "secondary metric 'drift' score is infinite");
    }

    private void assertRefused(Consumer<ArrayNode> edit, String expected) {
        Path f = write(edit);
        InputException e = assertThrows(InputException.class, () -> JmhJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path write(Consumer<ArrayNode> edit) {
        try {
            ArrayNode rows = (ArrayNode) JSON.readTree(
                    Fixtures.resource("jmh/counterbench-quick.json").toFile());
            edit.accept(rows);
            Path f = Files.createTempFile(dir, "r", ".json");
            JSON.writeValue(f.toFile(), rows);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode first(ArrayNode rows) {
        return (ObjectNode) rows.get(0);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
