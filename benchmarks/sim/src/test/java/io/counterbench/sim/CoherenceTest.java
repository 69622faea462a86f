package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoherenceTest {
    private static final CpuMap EPYC = CpuMap.of(TopologySources.load("epyc-9654-2s"));

    private static SimResult hop(CounterId id) {
        return Engine.run(
                new SimSpec(
                        "hop",
                        EPYC,
                        id,
                        0,
                        1,
                        WorkloadKind.HOP,
                        300_000,
                        4096,
                        MigrationRule.every(Migration.ANYWHERE, 1),
                        5),
                Progress.silent());
    }

    @Test
    void topologyTreeKeepsCarriesInsideThePackage() {
        CoherenceStats kernel = hop(CounterId.TREE).coherence();
        CoherenceStats topo = hop(CounterId.TREE_TOPO).coherence();
        // the kernel tree groups CPUs by the low bits of their numbers: CPUs 0, 64, 128... share an item across
        // packages
        assertTrue(
                kernel.otherPackagePerMop() > 20 * topo.otherPackagePerMop(),
                kernel.otherPackagePerMop() + " vs " + topo.otherPackagePerMop());
        assertTrue(kernel.otherLlcPerMop() > 5 * topo.otherLlcPerMop());
        // per-CPU level-0 lines never move: every move is a carry
        assertEquals(0, kernel.slotMoves()[CpuMap.OTHER_CORE] + kernel.slotMoves()[CpuMap.OTHER_PACKAGE]);
        assertTrue(kernel.upperWrites() > 0);
    }

    @Test
    void atomicMovesItsOneLineOnEveryHop() {
        SimResult r = hop(CounterId.ATOMIC);
        CoherenceStats c = r.coherence();
        assertEquals(r.ops(), c.slotWrites());
        assertEquals(0, c.upperWrites());
        // a new CPU every operation: every write but the first finds the line elsewhere
        long moves = 0;
        for (long m : c.slotMoves()) {
            moves += m;
        }
        assertEquals(r.ops() - 1, moves);
        // about half the CPUs are in the other package
        assertTrue(Math.abs(c.otherPackagePerMop() - 500_000) < 20_000, "" + c.otherPackagePerMop());
    }

    @Test
    void libraryCountersAreNotObservable() {
        assertNull(hop(CounterId.ADDER).coherence());
        assertNull(hop(CounterId.JCTOOLS).coherence());
        assertNotNull(hop(CounterId.FLAT).coherence());
    }

    @Test
    void distanceClassesFollowTheTopology() {
        // EPYC: SMT siblings c and c+192, 8 cores per LLC, 96 cores per package
        assertEquals(CpuMap.SIBLING, EPYC.distanceClass(0, 192));
        assertEquals(CpuMap.OTHER_CORE, EPYC.distanceClass(0, 7));
        assertEquals(CpuMap.OTHER_LLC, EPYC.distanceClass(0, 8));
        assertEquals(CpuMap.OTHER_PACKAGE, EPYC.distanceClass(0, 96));
        CpuMap snc = CpuMap.of(TopologySources.load("pack:2 numa:4 l3:1 core:4 pu:1"));
        assertEquals(CpuMap.OTHER_NODE, snc.distanceClass(0, 4));
    }

    /** The observer must not change what a counter computes: observed and plain counters agree op by op. */
    @Test
    void observationChangesNothing() {
        Topology t = TopologySources.load("small-64");
        CpuMap map = CpuMap.of(t);
        for (CounterId id : CounterId.values()) {
            Counter plain = id.factory(t, 0).create();
            int[] calls = new int[1];
            Counter observed = id.factory(t, 0).observedBy(line -> calls[0]++).create();
            SplittableRandom rng = new SplittableRandom(3);
            long approxChanges = 0;
            long before = observed.approximate();
            for (int i = 0; i < 50_000; i++) {
                int cpu = map.cpus()[rng.nextInt(map.cpuCount())];
                int task = rng.nextInt(5);
                long delta = rng.nextInt(200) - 100;
                plain.add(cpu, task, delta);
                observed.add(cpu, task, delta);
                assertEquals(plain.approximate(), observed.approximate(), id.id());
                if (observed.approximate() != before) {
                    approxChanges++;
                    before = observed.approximate();
                }
            }
            assertEquals(plain.precise(), observed.precise());
            if (id == CounterId.FLAT || id == CounterId.PER_NODE || id == CounterId.PER_THREAD) {
                assertEquals(
                        approxChanges,
                        calls[0],
                        id + ": one observed write per flush, and a flush always moves the total");
            } else if (id == CounterId.TREE || id == CounterId.TREE_TOPO) {
                assertTrue(calls[0] >= approxChanges, id + ": a root change is at least one observed write");
            } else {
                assertEquals(0, calls[0], id.id());
            }
        }
    }
}
