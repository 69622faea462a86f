package io.counterbench.sim;

import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.LatencyProfile;

/**
 * The cost model: what the coherence model's line moves cost in time.
 *
 * <pre>
 *   predicted ns/op = fast path + sum over distance classes c of (line moves per op at c) x (one-way latency of c)
 * </pre>
 *
 * The fast path is what one add costs when no line has to come from another CPU (measured: the
 * JMH Update row at 1 thread, carries and flushes included); a line move is one transfer, charged
 * the class's one-way core-to-core latency (half a ping-pong round trip). Assumptions, each a way
 * the prediction can be wrong: misses never overlap each other or the fast path (an out-of-order
 * core hides some); nothing queues (no two CPUs wait for one line at once: contention on a hot
 * line costs more than its transfers); line moves are exactly those the simulator's coherence
 * model counts (one line per slot or tree item, last writer wins, no prefetch, no false sharing);
 * the latency of a class is one number (the median over its pairs) whatever the two CPUs are.
 * Moves at a class the profile has no figure for are left out and reported as uncosted, so a
 * prediction with uncosted moves is a lower bound.
 */
final class CostModel {
    private CostModel() {}

    /**
     * Line moves per operation at each class (index = {@link LatencyClass#ordinal()}, = CpuMap's class).
     * An operation is one add; in a read/update mix the moves the reads caused are shared out over the
     * adds (a read every N adds puts 1/N of its moves on each).
     */
    static double[] movesPerOp(CoherenceStats s) {
        double[] m = new double[CpuMap.CLASSES];
        if (s == null || s.ops() == 0) {
            return m;
        }
        for (int c = 0; c < CpuMap.CLASSES; c++) {
            m[c] = (s.slotMoves()[c] + s.upperMoves()[c] + s.readMoves()[c]) / (double) s.ops();
        }
        return m;
    }

    /** Line moves per add, the reads' left out: what an update pays (the advisor prices reads apart). */
    static double[] updateMovesPerOp(CoherenceStats s) {
        double[] m = new double[CpuMap.CLASSES];
        if (s == null || s.ops() == 0) {
            return m;
        }
        for (int c = 0; c < CpuMap.CLASSES; c++) {
            m[c] = (s.slotMoves()[c] + s.upperMoves()[c]) / (double) s.ops();
        }
        return m;
    }

    /**
     * @param fastPathNs ns per op of the fast path, NaN when unknown (then only the miss part is known)
     * @param movesPerOp line moves per op per class
     * @param profile latency per class
     * @param tasks threads running at once (throughput = tasks x 1000 / ns per op, in ops/us)
     */
    static Prediction predict(double fastPathNs, double[] movesPerOp, LatencyProfile profile, int tasks) {
        double miss = 0;
        double uncosted = 0;
        double[] cost = new double[CpuMap.CLASSES];
        for (LatencyClass c : LatencyClass.values()) {
            double moves = movesPerOp[c.ordinal()];
            if (moves == 0) {
                continue;
            }
            double ns = profile.oneWayNs(c);
            if (Double.isNaN(ns)) {
                uncosted += moves;
            } else {
                cost[c.ordinal()] = moves * ns;
                miss += cost[c.ordinal()];
            }
        }
        return new Prediction(fastPathNs, movesPerOp.clone(), cost, miss, uncosted, fastPathNs + miss, tasks);
    }

    /**
     * One prediction.
     *
     * @param fastPathNs the fast path, ns per op (NaN: unknown)
     * @param movesPerOp line moves per op per class
     * @param missNsPerClass ns per op each class's moves cost (0 where uncosted)
     * @param missNs their sum
     * @param uncostedMovesPerOp moves at classes without a figure
     * @param predictedNs fast path + misses, ns per op of one thread (NaN when the fast path is unknown)
     * @param tasks threads running at once
     */
    record Prediction(
            double fastPathNs,
            double[] movesPerOp,
            double[] missNsPerClass,
            double missNs,
            double uncostedMovesPerOp,
            double predictedNs,
            int tasks) {

        /** Operations per microsecond of all threads together, if they never wait for each other. */
        double opsPerMicrosecond() {
            return tasks * 1000.0 / predictedNs;
        }

        /** True when some moves had no figure: the prediction is then a lower bound. */
        boolean lowerBound() {
            return uncostedMovesPerOp > 0;
        }
    }
}
