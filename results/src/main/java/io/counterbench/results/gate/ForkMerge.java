package io.counterbench.results.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges the JMH JSON results of one row's forks, each from its own JVM (ab runs every fork by
 * itself), into one JMH result with those forks in order, as JMH would have written them had it
 * run them all: rawData (or rawDataHistogram) holds one entry per fork, "forks" their number,
 * the primary score is the mean of every iteration. Secondary metrics merge the same way, their
 * score being the largest fork's score for accuracy.* metrics (worst deviations, bounds and
 * counts of violations or lost updates: any fork's is the row's) and the mean of the forks'
 * scores otherwise. scoreError is "NaN": JMH's within-fork error says nothing across forks,
 * and readers compute intervals from the forks ({@link io.counterbench.results.jmh.ForkScores}).
 * Every metric keeps one rawData entry per fork, in the forks' order: a fork that lacks a
 * secondary metric gets an empty entry, so fork i of every metric is the same fork (the same pair).
 * With pair ids, "pairIds" lists the pair each fork position belongs to.
 */
public final class ForkMerge {
    private ForkMerge() {}

    /** The field that lists each fork position's pair id. */
    public static final String PAIR_IDS = "pairIds";

    /** The merged result of {@code forks} with the pair id of each ({@code pairIds} in the same order); null for none.
     * */
    public static ObjectNode merge(List<JsonNode> forks, List<Integer> pairIds) {
        ObjectNode out = merge(forks);
        if (out != null && pairIds != null) {
            ArrayNode ids = out.putArray(PAIR_IDS);
            pairIds.forEach(ids::add);
        }
        return out;
    }

    /** The merged result of {@code forks} (each one JMH result object of one fork); null for none. */
    public static ObjectNode merge(List<JsonNode> forks) {
        if (forks.isEmpty()) {
            return null;
        }
        ObjectNode out = forks.getFirst().deepCopy();
        out.put("forks", forks.size());
        out.set(
                "primaryMetric",
                metric(forks.stream().map(f -> f.get("primaryMetric")).toList(), false));
        JsonNode sec = forks.getFirst().get("secondaryMetrics");
        if (sec != null && sec.isObject()) {
            ObjectNode merged = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = sec.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                List<JsonNode> ms = new ArrayList<>();
                for (JsonNode f : forks) {
                    JsonNode m = f.path("secondaryMetrics").get(name);
                    ms.add(m != null && m.isObject() ? m : null); // a placeholder keeps the later forks in place
                }
                String plain = name.startsWith("\u00b7") ? name.substring(1) : name;
                merged.set(name, metric(ms, plain.startsWith("accuracy.")));
            }
            out.set("secondaryMetrics", merged);
        }
        return out;
    }

    private static ObjectNode metric(List<JsonNode> all, boolean worstFork) {
        List<JsonNode> ms = all.stream().filter(java.util.Objects::nonNull).toList();
        ObjectNode out = ms.getFirst().deepCopy();
        ArrayNode raw = Json.array();
        ArrayNode hist = Json.array();
        double sum = 0;
        long count = 0;
        double worst = Double.NEGATIVE_INFINITY;
        double forkSum = 0;
        int forkCount = 0;
        for (JsonNode m : all) {
            if (m == null) {
                raw.addArray();
                hist.addArray();
                continue;
            }
            m.path("rawData").forEach(fork -> raw.add(fork.deepCopy()));
            m.path("rawDataHistogram").forEach(fork -> hist.add(fork.deepCopy()));
            double s = number(m.get("score"));
            if (!Double.isNaN(s)) {
                worst = Math.max(worst, s);
                forkSum += s;
                forkCount++;
            }
        }
        for (JsonNode m : ms) {
            for (JsonNode fork : m.path("rawData")) {
                for (JsonNode v : fork) {
                    if (v.isNumber()) { // NaN iterations are strings in JMH's JSON: they stay out of the mean
                        sum += v.asDouble();
                        count++;
                    }
                }
            }
        }
        double score;
        if (worstFork) {
            score = forkCount == 0 ? Double.NaN : worst;
        } else if (count > 0 && !out.has("rawDataHistogram")) {
            score = sum / count;
        } else {
            score = forkCount == 0 ? Double.NaN : forkSum / forkCount;
        }
        putNumberOrNaN(out, "score", score);
        out.put("scoreError", "NaN");
        out.remove("scoreConfidence");
        out.remove("scorePercentiles");
        if (out.has("rawData")) {
            out.set("rawData", raw);
        }
        if (out.has("rawDataHistogram")) {
            out.set("rawDataHistogram", hist);
        }
        return out;
    }

    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void putNumberOrNaN(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, "NaN");
        }
    }
}
