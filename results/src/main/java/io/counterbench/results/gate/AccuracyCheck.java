package io.counterbench.results.gate;

import io.counterbench.results.jmh.JmhResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's accuracy rules, whatever the speed did: any {@code accuracy.violations} or
 * {@code accuracy.lost} above 0 in the current run fails (the probe saw the cheap read leave its
 * bound, or the precise read disagree with the writers' exact tallies); {@code accuracy.bound}
 * may not grow, compared only where both rows measure the same structure: a counter built for a
 * named topology (preset, synthetic, a CPU count) always, one built for the host (topology=host)
 * only when both runs' machines have the same topology.
 */
final class AccuracyCheck {
    static final String VIOLATIONS = "accuracy.violations";
    static final String LOST = "accuracy.lost";
    static final String BOUND = "accuracy.bound";

    private AccuracyCheck() {}

    /** Failures of one current result on its own (new rows included). */
    static List<String> current(JmhResult cr) {
        List<String> out = new ArrayList<>();
        for (String metric : List.of(VIOLATIONS, LOST)) {
            double v = cr.secondaryScore(metric);
            if (v > 0) {
                out.add(metric + " " + count(v));
            }
        }
        return out;
    }

    /** Current's failures plus a grown bound, when the bound is comparable. */
    static List<String> compare(JmhResult br, JmhResult cr, boolean sameHostTopology) {
        List<String> out = current(cr);
        double bb = br.secondaryScore(BOUND);
        double cb = cr.secondaryScore(BOUND);
        if (cb > bb && boundComparable(cr, sameHostTopology)) {
            out.add(BOUND + " grew " + count(bb) + " -> " + count(cb));
        }
        return out;
    }

    /** A bound follows the structure the counter was built for: the host's only when both hosts match. */
    static boolean boundComparable(JmhResult r, boolean sameHostTopology) {
        String topology = r.param("topology");
        return sameHostTopology || !"host".equals(topology);
    }

    static String count(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
