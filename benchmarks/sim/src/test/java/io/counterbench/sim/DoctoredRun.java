package io.counterbench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A recorded JMH JSON with one counter's rows of one benchmark class scaled, for tests that a check can fail. */
final class DoctoredRun {
    private DoctoredRun() {}

    /** {@code jmh} with the primary score (and every fork's iterations) of {@code cls}'s rows of {@code counter} times {@code factor}. */
    static String scale(String jmh, String cls, String counter, double factor) {
        try {
            ArrayNode rows = (ArrayNode) Json.MAPPER.readTree(jmh);
            int changed = 0;
            for (JsonNode r : rows) {
                if (r.path("benchmark").asText().contains("." + cls + ".")
                        && counter.equals(r.path("params").path("counter").asText())) {
                    ObjectNode m = (ObjectNode) r.get("primaryMetric");
                    m.put("score", m.get("score").asDouble() * factor);
                    for (JsonNode fork : m.withArray("rawData")) {
                        ArrayNode f = (ArrayNode) fork;
                        for (int i = 0; i < f.size(); i++) {
                            f.set(i, f.get(i).asDouble() * factor);
                        }
                    }
                    changed++;
                }
            }
            if (changed == 0) {
                throw new IllegalArgumentException("no " + cls + " row of " + counter);
            }
            return Json.MAPPER.writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
