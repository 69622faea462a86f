package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.report.table.SimPredictions;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.LatencyProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds the cost model's predictions to a scenario: a Markdown table (per simulation: line moves
 * per op by class, fast path, miss cost, predicted ns/op and throughput, and for replays of the
 * JMH Update rows on this machine, the measured cost and predicted / measured across forks), the
 * latency profile used with every figure's source, and the same in simulation.json under
 * "prediction".
 */
final class CostReport {
    static final String MODEL =
            "predicted ns/op = fast path + sum over distance classes of (line moves per op x one-way latency)";
    static final String ASSUMPTIONS =
            "misses do not overlap each other or the fast path; nothing queues (no contention for a line "
                    + "beyond its transfers); line moves are the coherence model's (one line per slot or tree item, "
                    + "last writer wins); one latency per class; throughput = threads x 1000 / ns per op, as if "
                    + "threads never waited for each other; moves at a class without a figure are uncosted (the "
                    + "prediction is then a lower bound, marked >=)";

    private CostReport() {}

    /** The fast-path row for a workload: +1 only (inc), +1/-1 (rssMix), arbitrary deltas (random). */
    static String updateMethod(WorkloadKind w) {
        return switch (w) {
            case HOP, FORK_EXIT, INC -> "inc";
            case RSS, RANDOM_WALK, RSS_MIX -> "rssMix";
            case ADVERSARIAL -> "random";
        };
    }

    /** The scenario with its predictions; unchanged when none of its simulations has a coherence model. */
    static ScenarioReport attach(ScenarioReport r, CostInputs in) {
        List<SimResult> rows = r.results();
        if (rows.isEmpty()) {
            return r;
        }
        Map<String, LatencyProfile> profiles = new LinkedHashMap<>();
        for (SimResult x : rows) {
            profiles.computeIfAbsent(
                    x.spec().map().topology().name(),
                    k -> in.profileFor(x.spec().map().topology()));
        }
        boolean anyFigures = profiles.values().stream().anyMatch(p -> !p.isEmpty());
        ObjectNode json = Json.object();
        json.put("model", MODEL);
        json.put("assumptions", ASSUMPTIONS);
        ObjectNode pj = json.putObject("latency_profiles");
        profiles.forEach((topology, p) -> pj.set(topology, profileJson(p)));
        ObjectNode fj = json.putObject("fast_path");
        if (in.fastPath() == null) {
            fj.put("file", (String) null);
            fj.put(
                    "note",
                    "not given (--fast-path: a run folder or jmh.json with UpdateBenchmark rows at 1 thread): only "
                            + "the miss part is predicted");
        } else {
            fj.put("file", in.fastPath().file().toString());
            fj.put(
                    "rows",
                    "UpdateBenchmark.<inc|rssMix|random> at 1 thread, ns per op; topology=host, placement=compact, "
                            + "cpu=lookup where the rows have them");
        }
        StringBuilder md = new StringBuilder(r.markdown());
        md.append(r.markdown().endsWith("\n\n") ? "" : r.markdown().endsWith("\n") ? "\n" : "\n\n");
        md.append("#### predicted cost per operation\n\n");
        if (!anyFigures) {
            md.append("No latency profile for ")
                    .append(String.join(", ", profiles.keySet()))
                    .append(": no preset with published figures. Attach a measured one with --latency FILE "
                            + "(./run-bench.sh latency writes it).\n\n");
            json.putArray("rows");
            r.json().set("prediction", json);
            return new ScenarioReport(r.name(), r.json(), md.toString(), r.results(), r.failures());
        }
        md.append("Model: ")
                .append(MODEL)
                .append(". Assumptions: ")
                .append(ASSUMPTIONS)
                .append(".\n\n");
        boolean measured = false;
        ArrayNode jr = json.putArray("rows");
        for (SimResult x : rows) {
            LatencyProfile p = profiles.get(x.spec().map().topology().name());
            if (p.isEmpty() || x.coherence() == null) {
                continue;
            }
            String method = updateMethod(x.spec().workload());
            UpdateRows.Measured fast =
                    in.fastPath() == null ? null : in.fastPath().find(x.spec().id(), method, 1);
            double[] moves = CostModel.movesPerOp(x.coherence());
            double fastNs = fast == null ? Double.NaN : fast.nsPerOp().median();
            CostModel.Prediction pr =
                    CostModel.predict(fastNs, moves, p, x.spec().tasks());
            UpdateRows.Measured at = replay(x) && in.fastPath() != null
                    ? in.fastPath().find(x.spec().id(), method, x.spec().tasks())
                    : null;
            ForkScores ratio = at == null || fast == null ? null : ratios(fast.nsPerOp(), pr.missNs(), at.nsPerOp());
            measured |= at != null;
            ObjectNode o = jr.addObject();
            o.put("label", x.spec().label());
            o.put("counter", x.spec().id().id());
            o.put("topology", x.spec().map().topology().name());
            o.put("threads", x.spec().tasks());
            ObjectNode mv = o.putObject("line_moves_per_op");
            for (LatencyClass c : LatencyClass.values()) {
                mv.put(c.key(), Json.round(moves[c.ordinal()]));
            }
            o.put("fast_path_row", fast == null ? null : fast.label());
            Json.putNumber(o, "fast_path_ns", Json.round(fastNs));
            Json.putNumber(o, "miss_ns", Json.round(pr.missNs()));
            Json.putNumber(o, "uncosted_moves_per_op", Json.round(pr.uncostedMovesPerOp()));
            Json.putNumber(o, "predicted_ns_per_op", Json.round(pr.predictedNs()));
            Json.putNumber(o, "predicted_ops_per_us", Json.round(pr.opsPerMicrosecond()));
            o.put("lower_bound", pr.lowerBound());
            if (at != null) {
                o.put("measured_row", at.label());
                Json.putNumber(o, "measured_ns_per_op", Json.round(at.nsPerOp().median()));
                if (ratio != null) {
                    ObjectNode rj = o.putObject("predicted_over_measured");
                    Json.putNumber(rj, "median", Json.round(ratio.median()));
                    Json.putNumber(rj, "lower", Json.round(ratio.lower()));
                    Json.putNumber(rj, "upper", Json.round(ratio.upper()));
                    Json.putNumber(rj, "confidence", Json.round(ratio.confidence()));
                    rj.put("forks", ratio.forks());
                }
            }
        }
        md.append(MarkdownWriter.padded(SimPredictions.table(json))).append('\n');
        for (Map.Entry<String, LatencyProfile> e : profiles.entrySet()) {
            md.append(profileText(e.getKey(), e.getValue())).append('\n');
        }
        List<String> unseen = rows.stream()
                .filter(x -> x.coherence() == null)
                .map(x -> x.spec().id().id())
                .distinct()
                .toList();
        if (!unseen.isEmpty()) {
            md.append(String.join(" and ", unseen))
                    .append(": no coherence model (their lines cannot be seen), so no prediction.\n");
        }
        md.append(
                in.fastPath() == null
                        ? "Fast path: not given, so only the miss part is predicted (--fast-path RUN: a run folder or "
                                + "jmh.json with UpdateBenchmark rows at 1 thread, measured on this machine).\n"
                        : "Fast path: " + in.fastPath().file() + ", UpdateBenchmark."
                                + "<inc | rssMix | random, by workload> at 1 thread "
                                + "(topology=host, placement=compact, cpu=lookup where the rows have them), median "
                                + "over forks, measured on the machine that ran it.\n");
        if (measured) {
            md.append(
                    "Measured: the same file's row at the simulation's thread count, ns per op of one thread (threads "
                            + "x 1000 / ops per us); predicted / measured per fork (fork i's fast path with fork i's "
                            + "measurement), median [interval] across forks.\n");
        }
        md.append('\n');
        r.json().set("prediction", json);
        return new ScenarioReport(r.name(), r.json(), md.toString(), r.results(), r.failures());
    }

    /** A replay of the JMH Update rows on this machine: pinned update workloads on the host topology. */
    private static boolean replay(SimResult x) {
        return (x.spec().workload() == WorkloadKind.INC || x.spec().workload() == WorkloadKind.RSS_MIX)
                && x.spec().map().topology().name().equals("host");
    }

    /** Predicted / measured per fork: fork i's fast path plus the misses, over fork i's measurement. */
    static ForkScores ratios(ForkScores fast, double missNs, ForkScores measured) {
        double[] f = fast.perFork();
        double[] m = measured.perFork();
        int n = Math.min(f.length, m.length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = (f[i] + missNs) / m[i];
        }
        return new ForkScores(r);
    }

    /** "remote 0.0192, same-node 0.0011" (classes with moves only), "0" when none. */
    static String movesText(double[] moves) {
        List<String> parts = new ArrayList<>();
        for (LatencyClass c : LatencyClass.values()) {
            if (moves[c.ordinal()] > 0) {
                parts.add(c.key() + " " + significant(moves[c.ordinal()]));
            }
        }
        return parts.isEmpty() ? "0" : String.join(", ", parts);
    }

    /** Three significant digits, never in exponent form: 0.0000425, 0.0185, 1.25. */
    static String significant(double v) {
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String profileText(String topology, LatencyProfile p) {
        StringBuilder b = new StringBuilder("Latency profile for ")
                .append(topology)
                .append(": ")
                .append(p.name())
                .append(". ")
                .append(p.source())
                .append(p.source().endsWith(".") ? "" : ".");
        for (LatencyClass c : LatencyClass.values()) {
            LatencyProfile.Figure f = p.figures().get(c);
            b.append("\n- ").append(c.key()).append(": ");
            b.append(
                    f == null
                            ? "no figure (moves here are uncosted)"
                            : String.format(Locale.ROOT, "%.1f ns one-way; source: %s", f.oneWayNs(), f.source()));
        }
        return b.append('\n').toString();
    }

    static ObjectNode profileJson(LatencyProfile p) {
        ObjectNode o = Json.object();
        o.put("name", p.name());
        o.put("source", p.source());
        ObjectNode f = o.putObject("one_way_ns");
        for (LatencyClass c : LatencyClass.values()) {
            LatencyProfile.Figure x = p.figures().get(c);
            if (x == null) {
                f.putNull(c.key());
            } else {
                ObjectNode e = f.putObject(c.key());
                e.put("ns", Json.round(x.oneWayNs()));
                e.put("source", x.source());
            }
        }
        return o;
    }
}
