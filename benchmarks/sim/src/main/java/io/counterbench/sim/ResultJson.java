package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.Json;

/** One {@link SimResult} as a JSON object (everything but "timing" is deterministic for a seed). */
final class ResultJson {
    private ResultJson() {}

    static ObjectNode of(SimResult r) {
        SimSpec s = r.spec();
        ObjectNode o = Json.object();
        o.put("counter", s.id().id());
        o.put("label", s.label());
        o.put("topology", s.map().topology().name());
        o.put("pus", s.map().cpuCount());
        o.put("batch", r.batch());
        o.put("tasks", s.tasks());
        o.put("workload", s.workload().label());
        o.put("pages", s.pages());
        o.put("migration", s.migration().label());
        o.put("seed", s.seed());
        o.put("ops", r.ops());
        ObjectNode bound = o.putObject("bound");
        bound.put("under", r.boundUnder());
        bound.put("over", r.boundOver());
        if (r.reachableUnder() != null) {
            o.put("reachable_under", r.reachableUnder());
        } else {
            o.putNull("reachable_under");
        }
        ObjectNode worst = o.putObject("worst_deviation");
        worst.put("under", r.worstUnder());
        worst.put("over", r.worstOver());
        Json.putNumber(o, "mean_abs_deviation", Json.round(r.meanAbsDeviation()));
        o.put("final_deviation", r.finalDeviation());
        o.put("violations", r.violations());
        if (r.firstViolation() != null) {
            o.put("first_violation", r.firstViolation());
        }
        o.put("precise_checks", r.preciseChecks());
        o.put("precise_mismatches", r.preciseMismatches());
        o.put("migrations", r.migrations());
        if (r.exits() > 0) {
            o.put("processes_exited", r.exits());
            o.put("worst_exit_deviation", r.worstExitDeviation());
        }
        o.set("coherence", coherence(r.coherence()));
        if (s.reads().any()) {
            ObjectNode reads = o.putObject("reads");
            reads.put("read", s.reads().kind().label());
            reads.put("updates_per_read", s.reads().updatesPerRead());
            if (r.coherence() != null) {
                CoherenceStats c = r.coherence();
                reads.put("reads", c.reads());
                reads.put(
                        "line_moves_per_read",
                        Json.round(
                                c.reads() == 0
                                        ? 0
                                        : java.util.Arrays.stream(c.readMoves()).sum() / (double) c.reads()));
            }
        }
        ObjectNode timing = o.putObject("timing");
        timing.put("elapsed_s", Json.round(r.elapsedNanos() / 1e9));
        timing.put("ops_per_s", Json.round(r.opsPerSecond()));
        return o;
    }

    /** {@link #of} plus the run's drift over time ("drift"), for scenarios whose charts plot it. */
    static ObjectNode withDrift(SimResult r) {
        ObjectNode o = of(r);
        if (r.drift() != null) {
            o.set("drift", r.drift().json());
        }
        return o;
    }

    /** Per million operations; null for counters whose lines cannot be seen (adder, jctools). */
    static ObjectNode coherence(CoherenceStats c) {
        if (c == null) {
            return null;
        }
        ObjectNode o = Json.object();
        o.put("slow_path_writes_per_mop", Json.round(c.upperWritesPerMop()));
        ObjectNode moves = o.putObject("line_moves_per_mop");
        moves.put("from_other_core", Json.round(c.otherCorePerMop()));
        moves.put("from_other_llc", Json.round(c.otherLlcPerMop()));
        moves.put("from_other_node", Json.round(c.otherNodePerMop()));
        moves.put("from_other_package", Json.round(c.otherPackagePerMop()));
        o.put("note", "cumulative: a move from another package also counts as from another node, LLC and core");
        return o;
    }
}
