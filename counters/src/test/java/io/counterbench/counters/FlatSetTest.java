package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * flat and per-node set() do what percpu_counter_set does: every slot to 0 and the value into the
 * total, so the cheap read is the value right away and later flushes happen where the kernel's do.
 */
class FlatSetTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "PER_NODE"})
    void setEmptiesTheSlotsIntoTheTotal(CounterId id) {
        Topology t = TestTopologies.of(8);
        CounterFactory f = id.factory(t, 0);
        long batch = f.batch();
        Counter c = f.create();
        c.add(0, 0, 5);
        c.add(3, 0, -(batch - 1));
        c.set(100);
        assertEquals(100, c.precise());
        assertEquals(100, c.approximate(), "the kernel's percpu_counter_read() right after set(100)");
        // CPU 0's slot was emptied: batch - 1 more stays in the slot (with the +5 still there it would flush)
        c.add(0, 0, batch - 1);
        assertEquals(100, c.approximate());
        assertEquals(100 + batch - 1, c.precise());
        // one more reaches the batch: the whole slot moves into the total
        c.add(0, 0, 1);
        assertEquals(100 + batch, c.approximate());
        assertEquals(100 + batch, c.precise());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "PER_NODE"})
    void setToTheLimitsKeepsNoBias(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        c.add(2, 0, 7);
        c.set(Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, c.approximate());
        assertEquals(Long.MIN_VALUE, c.precise());
        c.add(2, 0, 1);
        assertEquals(Long.MIN_VALUE + 1, c.precise());
        c.set(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, c.approximate());
        assertEquals(Long.MAX_VALUE, c.precise());
    }
}
