package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Increments, decrements, large deltas, the long limits, and set() (the kernel's hpcc_test_set). */
class EdgeValuesTest {
    /** hpcc_test_set's values, and their negatives. */
    private static final long[] SET_VALUES = LongStream.of(5, 100, 127, 128, 255, 256, 4095, 4096, 500_000, 0)
            .flatMap(v -> LongStream.of(v, -v))
            .distinct()
            .toArray();

    private static final long GUARDED = 1L << 40;

    static Stream<Arguments> idsAndTopologies() {
        return Stream.of(CounterId.values()).flatMap(id -> TestTopologies.all().map(t -> Arguments.of(id, t)));
    }

    static Stream<Arguments> idsOnSmallTopologies() {
        return Stream.of(CounterId.values())
                .flatMap(id -> Stream.of(1, 2, 8).map(n -> Arguments.of(id, TestTopologies.of(n))));
    }

    private static void assertShadow(Counter c, long shadow) {
        assertEquals(shadow, c.precise());
        long approx = c.approximate();
        assertTrue(c.accuracy().admits(approx, shadow), () -> approx + " not within " + c.accuracy() + " of " + shadow);
        assertEquals(0, c.approximateCompare(shadow));
        assertEquals(0, c.preciseCompare(shadow));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsOnSmallTopologies")
    void incrementsDecrementsAndMixedSigns(CounterId id, Topology t) {
        Counter c = id.create(t);
        int[] cpus = t.cpus();
        long shadow = 0;
        for (int i = 0; i < 1000; i++) {
            c.add(cpus[i % cpus.length], i % 3, 1);
            shadow++;
        }
        assertShadow(c, 1000);
        for (int i = 0; i < 1500; i++) {
            c.add(cpus[(i * 7) % cpus.length], i % 5, -1);
            shadow--;
        }
        assertShadow(c, -500);
        for (int i = 0; i < 1000; i++) {
            long d = (i % 2 == 0 ? 1 : -1) * (long) (i % 97);
            c.add(cpus[(i * 3) % cpus.length], i % 4, d);
            shadow += d;
            assertShadow(c, shadow);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsOnSmallTopologies")
    void largeDeltas(CounterId id, Topology t) {
        Counter c = id.create(t);
        int[] cpus = t.cpus();
        long big = Long.MAX_VALUE / 8;
        long[] deltas = {big, big, -big, 1L << 40, -(1L << 41), 1L << 33, -1, big - 1, -big, -big, 12345, -(big - 1)};
        long shadow = 0;
        for (int i = 0; i < deltas.length; i++) {
            c.add(cpus[i % cpus.length], i % 2, deltas[i]);
            shadow += deltas[i];
            assertShadow(c, shadow);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsOnSmallTopologies")
    void anAddThatWouldLeaveTheLongRangeThrowsAndChangesNothing(CounterId id, Topology t) {
        int cpu = t.cpus()[0];
        Counter top = id.create(t);
        top.add(cpu, 0, Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, top.precise());
        long approx = top.approximate();
        assertThrows(ArithmeticException.class, () -> top.add(cpu, 0, GUARDED));
        assertThrows(ArithmeticException.class, () -> top.add(cpu, 0, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, top.precise());
        assertEquals(approx, top.approximate());
        top.add(cpu, 0, -1);
        assertEquals(Long.MAX_VALUE - 1, top.precise());

        Counter bottom = id.create(t);
        bottom.add(cpu, 0, Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, bottom.precise());
        approx = bottom.approximate();
        assertThrows(ArithmeticException.class, () -> bottom.add(cpu, 0, -GUARDED));
        assertThrows(ArithmeticException.class, () -> bottom.add(cpu, 0, Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, bottom.precise());
        assertEquals(approx, bottom.approximate());
        bottom.add(cpu, 0, Long.MAX_VALUE);
        assertEquals(-1, bottom.precise());
    }

    /**
     * A single +1 past Long.MAX_VALUE on the same CPU and task: counters whose slot would overflow
     * reject it; flat and per-node take it into a CPU (node) slot below the batch, so only the total
     * leaves the range and precise() throws; adder and jctools wrap (their documented exception).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(CounterId.class)
    void onePastTheMaximum(CounterId id) {
        Topology t = TestTopologies.of(8);
        Counter c = id.create(t);
        c.add(0, 0, Long.MAX_VALUE);
        switch (id) {
            case ATOMIC, TREE, TREE_TOPO, PER_THREAD -> {
                assertThrows(ArithmeticException.class, () -> c.add(0, 0, 1));
                assertEquals(Long.MAX_VALUE, c.precise());
            }
            case FLAT, PER_NODE -> {
                c.add(0, 0, 1);
                assertThrows(ArithmeticException.class, c::precise);
                assertEquals(Long.MAX_VALUE, c.approximate());
                c.add(0, 0, -1);
                assertEquals(Long.MAX_VALUE, c.precise());
            }
            case ADDER, JCTOOLS -> {
                c.add(0, 0, 1);
                assertEquals(Long.MIN_VALUE, c.precise());
            }
        }
    }

    /**
     * When every slot fits but the true total does not, precise() throws ArithmeticException (it sums
     * exactly); once the total fits again, precise() is exact again.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "PER_NODE", "PER_THREAD"})
    void preciseThrowsWhenTheTrueTotalDoesNotFit(CounterId id) {
        Topology t = TestTopologies.of(8);
        // CPUs 0 and 3 are on different cores, LLCs and NUMA nodes
        Counter c = id.create(t);
        c.add(0, 0, Long.MAX_VALUE - 10);
        c.add(3, 1, 20);
        assertThrows(ArithmeticException.class, c::precise);
        assertThrows(ArithmeticException.class, () -> c.preciseCompare(Long.MAX_VALUE));
        c.add(3, 1, -20);
        assertEquals(Long.MAX_VALUE - 10, c.precise());
        c.add(0, 0, -(Long.MAX_VALUE - 10));
        assertShadow(c, 0);

        Counter low = id.create(t);
        low.add(0, 0, Long.MIN_VALUE + 10);
        low.add(3, 1, -20);
        assertThrows(ArithmeticException.class, low::precise);
        low.add(0, 0, 30);
        assertEquals(Long.MIN_VALUE + 20, low.precise());
    }

    /**
     * The tree carries every add's high bits to the root at once, so an add whose carry would take
     * an item or the root out of the long range is rejected (and undone on every level) even when
     * its own slot fits: the counter never holds a total it cannot represent.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO"})
    void treeRejectsAnAddWhoseCarryLeavesTheRange(CounterId id) {
        Topology t = TestTopologies.of(8);
        Counter c = id.create(t);
        c.add(0, 0, Long.MAX_VALUE - 10);
        assertThrows(ArithmeticException.class, () -> c.add(3, 1, 1 << 20));
        assertEquals(Long.MAX_VALUE - 10, c.precise(), "nothing changed");
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
        c.add(0, 0, -(Long.MAX_VALUE - 10));
        assertShadow(c, 0);

        Counter low = id.create(t);
        low.add(0, 0, Long.MIN_VALUE + 10);
        assertThrows(ArithmeticException.class, () -> low.add(3, 1, -20));
        assertEquals(Long.MIN_VALUE + 10, low.precise(), "nothing changed");
        low.add(0, 0, 30);
        assertEquals(Long.MIN_VALUE + 40, low.precise());
        assertTrue(low.accuracy().admits(low.approximate(), low.precise()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"ATOMIC"})
    void atomicRejectsAnyAddThatLeavesTheRange(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        c.add(0, 0, Long.MAX_VALUE - 10);
        assertThrows(ArithmeticException.class, () -> c.add(3, 1, 20));
        assertEquals(Long.MAX_VALUE - 10, c.precise());
    }

    /**
     * BUG (tree, tree-topo): package-info promises that nothing wraps silently except adder and
     * jctools, and flat rejects an add whose flush would take its total out of range. The tree's
     * levels and root are updated with an unchecked getAndAdd, so two CPUs each holding
     * Long.MAX_VALUE make the root wrap: both adds succeed and approximate() returns a negative
     * number (-256 on this 8-CPU tree) while precise() throws.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO"})
    void treeRootMustNotWrapSilently(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        c.add(0, 0, Long.MAX_VALUE);
        boolean rejected = false;
        try {
            c.add(3, 0, Long.MAX_VALUE);
        } catch (ArithmeticException e) {
            rejected = true;
        }
        if (!rejected) {
            assertThrows(
                    ArithmeticException.class,
                    c::approximate,
                    "both adds were taken and approximate() returned " + c.approximate());
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void setLikeHpccTestSet(CounterId id, Topology t) {
        SplittableRandom r = new SplittableRandom(t.puCount() * 31L + id.ordinal());
        int[] cpus = t.cpus();
        Counter c = id.create(t);
        for (long v : SET_VALUES) {
            // some residue in the slots first, so the bias has something to cancel
            for (int i = 0; i < 20; i++) {
                c.add(cpus[r.nextInt(cpus.length)], r.nextInt(8), r.nextLong(-1000, 1000));
            }
            c.set(v);
            assertShadow(c, v);
            c.add(cpus[r.nextInt(cpus.length)], r.nextInt(8), v);
            assertShadow(c, 2 * v);
            c.add(cpus[r.nextInt(cpus.length)], r.nextInt(8), -2 * v);
            assertShadow(c, 0);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsOnSmallTopologies")
    void setThenAddOnTheCallersCpu(CounterId id, Topology t) {
        Counter c = id.create(t);
        for (long v : SET_VALUES) {
            c.set(v);
            assertShadow(c, v);
            c.add(v);
            assertShadow(c, 2 * v);
            c.add(-2 * v);
            assertShadow(c, 0);
            for (int i = 0; i < 100; i++) {
                c.add(1);
            }
            assertShadow(c, 100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CounterId.class)
    void setNearTheLimits(CounterId id) {
        Topology t = TestTopologies.of(8);
        Counter c = id.create(t);
        c.add(5, 2, 12345);
        c.set(Long.MAX_VALUE);
        assertShadow(c, Long.MAX_VALUE);
        c.add(2, 1, -100);
        assertShadow(c, Long.MAX_VALUE - 100);
        // back to empty slots (and root), so that any value is one bias away
        c.add(2, 1, 100);
        c.add(5, 2, -12345);
        c.set(Long.MIN_VALUE);
        assertShadow(c, Long.MIN_VALUE);
        c.add(6, 3, 100);
        assertShadow(c, Long.MIN_VALUE + 100);
        c.set(0);
        assertShadow(c, 0);
    }

    /**
     * set() stores value - (sum of the slots) as a bias: when that difference does not fit a long
     * (Long.MIN_VALUE over a positive sum), set throws ArithmeticException and changes nothing.
     * atomic, flat and per-node have no bias: they store the value (flat and per-node empty their
     * slots into it, as percpu_counter_set does).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(CounterId.class)
    void setWhoseBiasDoesNotFit(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        c.add(1, 0, 12345);
        if (id == CounterId.ATOMIC || id == CounterId.FLAT || id == CounterId.PER_NODE) {
            c.set(Long.MIN_VALUE);
            assertShadow(c, Long.MIN_VALUE);
        } else {
            assertThrows(ArithmeticException.class, () -> c.set(Long.MIN_VALUE));
            assertShadow(c, 12345);
        }
    }

    /**
     * BUG (tree, tree-topo, flat, per-node, per-thread): approximate() adds the bias with
     * Math.addExact, so when precise() is near a long limit and the approximation is off on the far
     * side (the tree is always at or below precise; flat may be above it), approximate() throws
     * ArithmeticException although precise() fits. The cheapest read should not throw where the
     * precise one does not; saturating (Sat.add) would stay within accuracy(), since clamping moves
     * the value towards precise().
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO", "FLAT"})
    void approximateDoesNotThrowWherePreciseFits(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        if (id == CounterId.FLAT) {
            // total 1000, CPU 1's slot -31: the approximation is 31 above precise
            c.add(0, 0, 1000);
            c.add(1, 0, -31);
            c.set(Long.MAX_VALUE);
        } else {
            // CPU 1 holds -1: its level-0 carried -32, the root is 31 below precise
            c.add(1, 0, -1);
            c.add(0, 0, 1);
            c.set(Long.MIN_VALUE);
        }
        long precise = c.precise();
        long approx = c.approximate();
        assertTrue(c.accuracy().admits(approx, precise), approx + " vs " + precise);
    }
}
