package io.counterbench.results.report.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's "prediction" from simulation.json (the cost model): the predicted ns/op per
 * simulation, the measured cost and predicted / measured where the run replayed this machine's JMH
 * rows, and the latency profile each topology used with every figure's source.
 */
public final class SimPredictions {
    private static final List<String> CLASSES = List.of("same-core", "same-llc", "same-node", "same-package", "remote");

    private SimPredictions() {}

    /**
     * The predictions table of a scenario's "prediction" object, as the console prints it and the
     * report shows it; its caption names the fast path's file.
     */
    public static Block.Table table(JsonNode p) {
        JsonNode rows = p.path("rows");
        boolean measured = false;
        for (JsonNode r : rows) {
            measured |= r.has("measured_ns_per_op");
        }
        List<List<String>> body = new ArrayList<>();
        for (JsonNode r : rows) {
            List<String> moves = new ArrayList<>();
            for (String c : CLASSES) {
                double m = r.path("line_moves_per_op").path(c).asDouble(0);
                if (m > 0) {
                    moves.add(c + " "
                            + new java.math.BigDecimal(m)
                                    .round(new java.math.MathContext(3))
                                    .stripTrailingZeros()
                                    .toPlainString());
                }
            }
            boolean lower = r.path("lower_bound").asBoolean(false);
            boolean known = r.path("predicted_ns_per_op").isNumber();
            List<String> cells = new ArrayList<>(List.of(
                    r.path("label").asText(""),
                    r.path("counter").asText(""),
                    moves.isEmpty() ? "0" : String.join(", ", moves),
                    ns(r.path("fast_path_ns")),
                    ns(r.path("miss_ns")),
                    (lower && known ? ">= " : "") + ns(r.path("predicted_ns_per_op")),
                    known ? (lower ? "<= " : "") + num(r.path("predicted_ops_per_us"), 1) : "n/a"));
            if (measured) {
                cells.add(r.has("measured_ns_per_op") ? ns(r.path("measured_ns_per_op")) : "-");
                cells.add(ratio(r.path("predicted_over_measured")));
            }
            body.add(cells);
        }
        List<String> header = new ArrayList<>(List.of(
                "run",
                "counter",
                "line moves per op",
                "fast path ns/op",
                "miss ns/op",
                "predicted ns/op",
                "predicted ops/us"));
        if (measured) {
            header.add("measured ns/op");
            header.add("predicted / measured");
        }
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), true));
        numeric.set(0, false);
        numeric.set(1, false);
        numeric.set(2, false);
        return new Block.Table(
                "Fast path: " + p.path("fast_path").path("file").asText("not given (only the miss part is predicted)"),
                header,
                numeric,
                body);
    }

    public static void render(JsonNode scenario, Report out) {
        JsonNode p = scenario.path("prediction");
        JsonNode rows = p.path("rows");
        if (!p.isObject() || !rows.isArray() || rows.isEmpty()) {
            return;
        }
        out.heading(5, "predicted cost per operation");
        out.paragraph("Model: " + p.path("model").asText("") + ". Assumptions: "
                + p.path("assumptions").asText("") + ".");
        out.add(table(p));
        JsonNode profiles = p.path("latency_profiles");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) profiles::fields) {
            JsonNode prof = e.getValue();
            StringBuilder b = new StringBuilder("Latency profile for ")
                    .append(e.getKey())
                    .append(": ")
                    .append(prof.path("name").asText(""))
                    .append(". ")
                    .append(prof.path("source").asText(""))
                    .append(" One-way per class:");
            for (String c : CLASSES) {
                JsonNode f = prof.path("one_way_ns").path(c);
                b.append(' ')
                        .append(c)
                        .append(' ')
                        .append(
                                f.isObject()
                                        ? String.format(
                                                Locale.ROOT,
                                                "%.1f ns (%s);",
                                                f.path("ns").asDouble(),
                                                f.path("source").asText(""))
                                        : "no figure;");
            }
            out.note(b.toString());
        }
    }

    /** "1.05 [0.98, 1.12] (5 forks)", "1.05 (1 fork)" without an interval, "-" where nothing was measured. */
    private static String ratio(JsonNode q) {
        if (!q.isObject()) {
            return "-";
        }
        if (q.path("forks").asInt() == 0) {
            return "n/a";
        }
        String m = String.format(Locale.ROOT, "%.2f", q.path("median").asDouble());
        if (!q.path("lower").isNumber() || !q.path("upper").isNumber()) {
            return m + " (1 fork)";
        }
        return String.format(
                Locale.ROOT,
                "%s [%.2f, %.2f] (%d forks)",
                m,
                q.path("lower").asDouble(),
                q.path("upper").asDouble(),
                q.path("forks").asInt());
    }

    private static String ns(JsonNode v) {
        return num(v, 2);
    }

    private static String num(JsonNode v, int digits) {
        return v.isNumber() ? String.format(Locale.ROOT, "%,." + digits + "f", v.asDouble()) : "n/a";
    }
}
