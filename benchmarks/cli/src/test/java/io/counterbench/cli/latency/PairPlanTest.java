package io.counterbench.cli.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Domain;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairPlanTest {

    /** Every class some pair of the topology's CPUs is at, from the tree itself. */
    private static Set<LatencyClass> classes(Topology t) {
        Set<LatencyClass> out = EnumSet.noneOf(LatencyClass.class);
        int[] cpus = t.cpus();
        for (int a : cpus) {
            for (int b : cpus) {
                if (a < b) {
                    out.add(LatencyClass.of(t.distance(a, b)));
                }
            }
        }
        return out;
    }

    @Test
    void fewCpusMeasureEveryPairInTopologyOrder() {
        Topology t = TopologySources.load("small-16"); // siblings c and c+8: topology order puts them side by side
        PairPlan p = PairPlan.of(t, t.cpus(), 1_000, 1);
        int n = t.puCount();
        assertEquals((long) n * (n - 1) / 2, p.total());
        assertEquals(p.total(), p.pairs().size());
        assertFalse(p.sampled());
        int[] order = t.domains(Level.PU).stream().mapToInt(Domain::osIndex).toArray();
        assertEquals(java.util.Arrays.toString(order), java.util.Arrays.toString(p.cpus()));
        assertEquals(8, p.cpus()[1], "CPU 0's SMT sibling comes next");
        for (PairPlan.Pair x : p.pairs()) {
            assertEquals(LatencyClass.of(t.distance(x.a(), x.b())), x.cls());
        }
    }

    @Test
    void bigBoxesAreSampledWithEveryDistanceClassCovered() {
        for (String name : List.of("small-64", "epyc-9654-2s", "synthetic-1024")) {
            Topology t = TopologySources.load(name);
            Set<LatencyClass> all = classes(t);
            PairPlan p = PairPlan.of(t, t.cpus(), 40, 3);
            assertTrue(p.sampled());
            assertEquals(40, p.pairs().size(), name);
            Set<LatencyClass> seen = EnumSet.noneOf(LatencyClass.class);
            Set<Long> distinct = new HashSet<>();
            for (PairPlan.Pair x : p.pairs()) {
                assertNotEquals(x.a(), x.b());
                seen.add(x.cls());
                assertTrue(distinct.add((long) Math.min(x.a(), x.b()) << 32 | Math.max(x.a(), x.b())), "no pair twice");
                assertEquals(LatencyClass.of(t.distance(x.a(), x.b())), x.cls());
            }
            assertEquals(all, seen, name + ": every class the machine has, SMT siblings included");
            assertEquals(p.pairs(), PairPlan.of(t, t.cpus(), 40, 3).pairs(), "the same seed, the same sample");
        }
    }

    @Test
    void aSampleSmallerThanTheClassCountStillTakesOneOfEach() {
        Topology t = TopologySources.load("small-64");
        PairPlan p = PairPlan.of(t, t.cpus(), 2, 1);
        assertEquals(classes(t).size(), p.pairs().size());
    }

    @Test
    void oneCpuIsNoPair() {
        Topology t = TopologySources.load("small-8");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PairPlan.of(t, new int[] {3}, 10, 1));
        assertTrue(e.getMessage().contains("at least two CPUs"), e.getMessage());
    }
}
