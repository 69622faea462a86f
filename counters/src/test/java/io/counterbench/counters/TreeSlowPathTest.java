package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tree's slow path writes what the kernel's writes, seen through the simulator's LineObserver:
 * a level whose mask's low bits a carry does not touch is skipped (no atomic on its item), items
 * wrap instead of overflowing, and a 1-CPU tree never writes anything above level 0.
 */
class TreeSlowPathTest {
    /** Kernel tree for 256 CPUs, batch 32: order 8, arity {3, 3, 2}; masks 32, 256, 2048; 32 + 4 items and the root. */
    private static final Topology N256 = TestTopologies.of(256);

    private static Counter observed(CounterId id, Topology t, List<Integer> lines) {
        return id.factory(t, 32).observedBy(lines::add).create();
    }

    @Test
    void aCarryWithNoLowBitsSkipsTheIntermediateLevels() {
        List<Integer> lines = new ArrayList<>();
        Counter c = observed(CounterId.TREE, N256, lines);
        TreeShape shape = TreeShape.kernel(256);
        assertEquals(3, shape.levels());
        // 4096 pages (a 16 MB munmap's size) is a multiple of 256 and 2048: straight to the root
        c.add(0, 0, 4096);
        assertEquals(List.of(shape.rootLine()), lines);
        assertEquals(4096, c.approximate());
        lines.clear();
        c.add(0, 0, -4096);
        assertEquals(List.of(shape.rootLine()), lines);
        assertEquals(0, c.approximate());
        lines.clear();
        // 4128 = 4096 + 32: level 1 (mask 256) sees the 32 and is written; level 2 (mask 2048) is not
        c.add(1, 0, 4128);
        assertEquals(List.of(shape.item(1, 1), shape.rootLine()), lines);
        assertEquals(4096, c.approximate());
        assertEquals(4128, c.precise());
        lines.clear();
        // 2048 + 256 + 32 touches every level's low bits: one write per level
        c.add(2, 0, 2048 + 256 + 32);
        assertEquals(List.of(shape.item(1, 2), shape.item(2, 2), shape.rootLine()), lines);
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
    }

    /**
     * CPUs 0 and 32 share item 0 of level 1. Each adds 2^62 + 32, CPU 1 takes 2^62 away: the true
     * total (2^62 + 64) and the root (2^62) fit, but item 0 went through 2^63 + 64. Only the item's
     * low bits matter for carries, so it wraps and the add is taken, as the kernel's would be.
     */
    @Test
    void intermediateItemsWrapInsteadOfRefusing() {
        Counter c = CounterId.TREE.factory(N256, 32).create();
        long big = (1L << 62) + 32;
        c.add(0, 0, big);
        c.add(1, 0, -(1L << 62));
        c.add(32, 0, big);
        assertEquals((1L << 62) + 64, c.precise());
        assertEquals(1L << 62, c.approximate());
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
        // and back to zero, exactly
        c.add(32, 0, -big);
        c.add(1, 0, 1L << 62);
        c.add(0, 0, -big);
        assertEquals(0, c.precise());
        assertEquals(0, c.approximate());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO"})
    void aOneCpuTreeReadsItsSlotAndWritesNothingAbove(CounterId id) {
        Topology one = TestTopologies.of(1);
        List<Integer> lines = new ArrayList<>();
        Counter c = observed(id, one, lines);
        assertEquals(Accuracy.EXACT, c.accuracy());
        SplittableRandom r = new SplittableRandom(11);
        long shadow = 0;
        for (int i = 0; i < 2000; i++) {
            long d = i % 10 == 0 ? r.nextLong(-1_000_000, 1_000_000) : r.nextInt(3) - 1;
            c.add(0, 0, d);
            shadow += d;
            assertEquals(shadow, c.approximate());
            assertEquals(shadow, c.precise());
        }
        c.set(-7);
        assertEquals(-7, c.approximate());
        assertEquals(List.of(), lines, "percpu_counter_tree_add never takes the slow path for 1 CPU");
    }
}
