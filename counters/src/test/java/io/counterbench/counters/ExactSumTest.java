package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * precise(), set() and approximate() sum with wrapping arithmetic and count the wraps: a partial
 * sum may leave the long range, only a true value that does not fit throws.
 */
class ExactSumTest {
    private static final Topology T8 = TestTopologies.of(8);

    /** Slots {MAX - 5, +10, -20} on three CPUs (tasks for per-thread): the total MAX - 15 fits. */
    private static Counter nearTheTop(CounterId id) {
        Counter c = id.create(T8);
        c.add(0, 0, Long.MAX_VALUE - 5);
        c.add(3, 1, 10);
        c.add(5, 2, -20);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO", "PER_THREAD", "FLAT", "PER_NODE"})
    void aPartialSumOutsideTheRangeIsFine(CounterId id) {
        Counter c = nearTheTop(id);
        assertEquals(Long.MAX_VALUE - 15, c.precise());
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
        assertEquals(0, c.preciseCompare(Long.MAX_VALUE - 15));
        assertEquals(-1, c.preciseCompare(Long.MAX_VALUE));
        c.set(3);
        assertEquals(3, c.precise());
        assertTrue(c.accuracy().admits(c.approximate(), 3));
    }

    /**
     * The same below zero: slots {MIN + 5, -10, +20}. (Not the tree: its root is at or below the
     * precise sum, so near Long.MIN_VALUE it refuses the add that would take the root out of range.)
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"PER_THREAD", "FLAT", "PER_NODE"})
    void aPartialSumBelowTheRangeIsFine(CounterId id) {
        Counter c = id.create(T8);
        c.add(0, 0, Long.MIN_VALUE + 5);
        c.add(3, 1, -10);
        c.add(5, 2, 20);
        assertEquals(Long.MIN_VALUE + 15, c.precise());
        c.set(-3);
        assertEquals(-3, c.precise());
    }

    /**
     * Two task caches near MAX: the sum does not fit, but a bias can still bring it to MAX. (The
     * tree refuses the second add instead: its root would leave the range.)
     */
    @Test
    void aTotalThatDoesNotFitThrowsAndABiasCanBringItBack() {
        Counter c = CounterId.PER_THREAD.create(T8);
        c.add(0, 0, Long.MAX_VALUE);
        c.add(7, 1, Long.MAX_VALUE - 32);
        assertThrows(ArithmeticException.class, c::precise);
        assertThrows(ArithmeticException.class, () -> c.set(0));
        c.set(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, c.precise());
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
    }
}
