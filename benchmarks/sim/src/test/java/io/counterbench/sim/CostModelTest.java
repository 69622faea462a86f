package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.LatencyProfile;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic, on line-move counts the simulator makes and on profiles built here. */
class CostModelTest {

    private static LatencyProfile profile(double... oneWay) {
        Map<LatencyClass, LatencyProfile.Figure> f = new EnumMap<>(LatencyClass.class);
        for (LatencyClass c : LatencyClass.values()) {
            if (!Double.isNaN(oneWay[c.ordinal()])) {
                f.put(c, new LatencyProfile.Figure(oneWay[c.ordinal()], "test"));
            }
        }
        return new LatencyProfile("test", "test", f);
    }

    private static SimResult run(String topology, CounterId id, WorkloadKind w, int tasks, long ops) {
        CpuMap map = CpuMap.of(TopologySources.load(topology));
        return Engine.run(new SimSpec("t", map, id, 0, tasks, w, ops, 0, MigrationRule.STAY, 7), Progress.silent());
    }

    @Test
    void predictedIsTheFastPathPlusEachClassMovesTimesItsLatency() {
        SimResult r = run("small-64", CounterId.TREE, WorkloadKind.RSS_MIX, 64, 200_000);
        double[] moves = CostModel.movesPerOp(r.coherence());
        double[] lat = {3, 20, 60, 110, 250};
        CostModel.Prediction p = CostModel.predict(4.5, moves, profile(lat), 64);
        double expected = 4.5;
        for (int c = 0; c < lat.length; c++) {
            expected += moves[c] * lat[c];
            assertEquals(moves[c] * lat[c], p.missNsPerClass()[c], 1e-12);
        }
        assertEquals(expected, p.predictedNs(), 1e-9);
        assertEquals(expected - 4.5, p.missNs(), 1e-9);
        assertEquals(64 * 1000 / expected, p.opsPerMicrosecond(), 1e-9);
        assertFalse(p.lowerBound());
        // the moves are the coherence model's own counts, per operation
        long total = 0;
        for (int c = 0; c < CpuMap.CLASSES; c++) {
            total += r.coherence().slotMoves()[c] + r.coherence().upperMoves()[c];
        }
        assertEquals(total / (double) r.ops(), Arrays.stream(moves).sum(), 1e-12);
        assertTrue(
                Arrays.stream(moves).filter(m -> m > 0).count() >= 3,
                "64 tasks on 2 packages move lines at several distances");
    }

    @Test
    void movesAtAClassWithoutAFigureAreUncostedAndMakeALowerBound() {
        double[] moves = {0.25, 0.5, 0, 0, 0.125};
        CostModel.Prediction p = CostModel.predict(2, moves, profile(Double.NaN, 30, Double.NaN, Double.NaN, 200), 1);
        assertEquals(0.25, p.uncostedMovesPerOp(), 1e-12);
        assertEquals(2 + 0.5 * 30 + 0.125 * 200, p.predictedNs(), 1e-12);
        assertTrue(p.lowerBound());
        CostModel.Prediction none = CostModel.predict(Double.NaN, moves, profile(1, 30, 2, 3, 200), 1);
        assertTrue(Double.isNaN(none.predictedNs()), "no fast path: no whole prediction");
        assertEquals(0.25 + 15 + 25, none.missNs(), 1e-12, "but the miss part is known");
    }

    @Test
    void twoPinnedThreadsTakingRandomTurnsMoveAnAtomicsLineHalfTheTime() {
        long ops = 400_000;
        SimResult r = run("small-2", CounterId.ATOMIC, WorkloadKind.INC, 2, ops);
        double[] moves = CostModel.movesPerOp(r.coherence());
        // the next add is the other thread's with probability (T - 1) / T = 1/2; both CPUs share the LLC
        double p = 0.5;
        double sigma = Math.sqrt(p * (1 - p) / ops);
        assertEquals(p, moves[LatencyClass.SAME_LLC.ordinal()], 6 * sigma);
        assertEquals(
                moves[LatencyClass.SAME_LLC.ordinal()],
                Arrays.stream(moves).sum(),
                1e-12,
                "small-2 has one distance class");
    }

    @Test
    void perCpuCountersOnlyMoveTheirFlushTotal() {
        // inc: each CPU flushes its slot every batch adds, so at most 1/batch of the adds write the shared total
        SimResult r = run("small-2", CounterId.FLAT, WorkloadKind.INC, 2, 400_000);
        double moves = Arrays.stream(CostModel.movesPerOp(r.coherence())).sum();
        assertTrue(moves > 0 && moves <= 1.0 / r.batch() + 1e-9, moves + " vs 1/" + r.batch());
        assertEquals(0, Arrays.stream(r.coherence().slotMoves()).sum(), "per-CPU slots never move");
    }

    @Test
    void theSimulatorsDistanceClassesAreTheLatencyClassesInOrder() {
        for (String name : List.of("small-64", "epyc-9654-2s", "xeon-8480-2s-snc4", "small-8")) {
            Topology t = TopologySources.load(name);
            CpuMap map = CpuMap.of(t);
            int[] cpus = t.cpus();
            for (int i = 0; i < cpus.length; i += Math.max(1, cpus.length / 24)) {
                for (int b : cpus) {
                    if (b != cpus[i]) {
                        assertEquals(
                                LatencyClass.of(t.distance(cpus[i], b)).ordinal(),
                                map.distanceClass(cpus[i], b),
                                name + " " + cpus[i] + "," + b);
                    }
                }
            }
        }
        assertEquals(CpuMap.CLASSES, LatencyClass.values().length);
        assertEquals(
                Arrays.stream(LatencyClass.values()).map(LatencyClass::key).toList(),
                LatencyRun.CLASSES,
                "latency.json's class keys are the topology's");
        assertEquals(
                Arrays.stream(LatencyClass.values()).map(LatencyClass::label).toList(), LatencyRun.LABELS);
    }

    @Test
    void predictedOverMeasuredPairsForkByFork() {
        ForkScores fast = new ForkScores(new double[] {2, 3, 4});
        ForkScores measured = new ForkScores(new double[] {10, 12, 20, 99});
        ForkScores r = CostReport.ratios(fast, 6, measured);
        assertEquals(3, r.forks(), "only forks both rows have");
        double[] expected = {(2 + 6) / 10.0, (3 + 6) / 12.0, (4 + 6) / 20.0};
        Arrays.sort(expected);
        assertEquals(expected[1], r.median(), 1e-12);
        assertEquals(expected[0], r.lower(), 1e-12);
        assertEquals(expected[2], r.upper(), 1e-12);
    }
}
