package io.counterbench.results.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Modified copies of fixture runs for the gate tests. */
final class Runs {
    static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {}

    /** A copy of fixture folder {@code name} as {@code tmp/as}, its jmh.json passed through {@code edit}. */
    static Path copy(String name, Path tmp, String as, Consumer<ArrayNode> edit) {
        Path dir = Fixtures.copy(name, tmp, as);
        try {
            ArrayNode rows = (ArrayNode) JSON.readTree(dir.resolve("jmh.json").toFile());
            edit.accept(rows);
            JSON.writeValue(dir.resolve("jmh.json").toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Edits run.json's tree. */
    static void editRunJson(Path dir, Consumer<ObjectNode> edit) {
        try {
            ObjectNode run = (ObjectNode) JSON.readTree(dir.resolve("run.json").toFile());
            edit.accept(run);
            JSON.writeValue(dir.resolve("run.json").toFile(), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Performance scaled by {@code factor} in every row: throughput scores and raw samples times
     * factor, time-mode ones divided by it (0.8 = 20% slower everywhere, 1.2 = 20% faster).
     */
    static Consumer<ArrayNode> performance(double factor) {
        return rows -> rows.forEach(r -> {
            double f = r.get("mode").asText().equals("thrpt") ? factor : 1 / factor;
            scaleMetric((ObjectNode) r.get("primaryMetric"), f);
        });
    }

    static void scaleMetric(ObjectNode m, double f) {
        m.put("score", m.get("score").asDouble() * f);
        if (m.get("scoreError").isNumber()) {
            m.put("scoreError", m.get("scoreError").asDouble() * f);
        }
        scaleNumbers(m.get("scoreConfidence"), f);
        scaleNumbers(m.get("scorePercentiles"), f);
        m.get("rawData").forEach(fork -> scaleNumbers(fork, f));
    }

    private static void scaleNumbers(JsonNode n, double f) {
        if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    a.set(i, DoubleNode.valueOf(a.get(i).asDouble() * f));
                }
            }
        } else if (n instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> {
                if (o.get(k).isNumber()) {
                    o.put(k, o.get(k).asDouble() * f);
                }
            });
        }
    }

    /** Sets secondary metric {@code name}'s score (and raw data) in the first row matching {@code benchmark} and {@code counter}. */
    static Consumer<ArrayNode> secondary(String benchmark, String counter, int threads, String name, double value) {
        return rows -> {
            for (JsonNode r : rows) {
                if (r.get("benchmark").asText().endsWith(benchmark)
                        && r.path("params").path("counter").asText().equals(counter)
                        && r.get("threads").asInt() == threads) {
                    ObjectNode m = (ObjectNode) r.get("secondaryMetrics").get(name);
                    m.put("score", value);
                    m.get("rawData").forEach(fork -> {
                        ArrayNode a = (ArrayNode) fork;
                        for (int i = 0; i < a.size(); i++) {
                            a.set(i, DoubleNode.valueOf(value));
                        }
                    });
                    return;
                }
            }
            throw new IllegalArgumentException("no row " + benchmark + " " + counter + " threads=" + threads);
        };
    }
}
