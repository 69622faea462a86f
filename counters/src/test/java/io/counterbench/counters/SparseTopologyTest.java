package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologyBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A topology whose CPU ids have holes (CPUs 0, 2, 4, 6 online; 1, 3, 5 offline or outside the
 * cgroup), as a host topology can be. Counter.add(cpu, ...) accepts every id below cpuIdLimit()
 * (7), and add(delta) folds the caller's real CPU into that range, so the holes are used too; the
 * bound must still hold.
 */
class SparseTopologyTest {
    static final Topology SPARSE = sparse();

    private static Topology sparse() {
        TopologyBuilder b = new TopologyBuilder("sparse4", "test");
        for (int cpu : new int[] {0, 2, 4, 6}) {
            b.pu(cpu, 0, 0, 0, 0, cpu);
        }
        return b.build();
    }

    /** batch - 1 on every id below cpuIdLimit, then -(batch - 1) on every id: the worst on both sides. */
    private static void driveEveryCpuId(Counter c, long step) {
        long shadow = 0;
        for (int cpu = 0; cpu < SPARSE.cpuIdLimit(); cpu++) {
            c.add(cpu, 0, step);
            shadow += step;
            assertEquals(shadow, c.precise());
            long approx = c.approximate();
            assertTrue(
                    c.accuracy().admits(approx, shadow),
                    () -> c.id() + ": approximate " + approx + " outside " + c.accuracy() + " of " + c.precise());
        }
    }

    @ParameterizedTest
    @EnumSource(value = CounterId.class, names = "TREE_TOPO", mode = EnumSource.Mode.EXCLUDE)
    void holesInTheCpuIdsKeepTheBound(CounterId id) {
        assertEquals(7, SPARSE.cpuIdLimit());
        assertEquals(4, SPARSE.puCount());
        driveEveryCpuId(id.factory(SPARSE, 0).create(), 31);
        driveEveryCpuId(id.factory(SPARSE, 0).create(), -31);
        driveEveryCpuId(id.factory(SPARSE, 0).create(), 1000);
    }

    /**
     * BUG (tree-topo): TreeShape.topology counts level 0 as the topology's PUs (4) but the counter
     * has cpuIdLimit() level-0 slots (7) and accepts adds on all of them; each hole keeps up to
     * batch - 1 that the accuracy multiplier does not cover. 31 on each of the 7 ids leaves
     * approximate() at 0 and precise() at 217, outside Accuracy(128, 124) (the check fails at the
     * fifth id: 155).
     */
    @ParameterizedTest
    @EnumSource(value = CounterId.class, names = "TREE_TOPO")
    void treeTopoKeepsTheBoundWithHoles(CounterId id) {
        driveEveryCpuId(id.factory(SPARSE, 0).create(), 31);
    }
}
