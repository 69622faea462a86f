package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad batches, topologies, CPUs, tasks and group sizes are rejected with a message that names them. */
class BadInputTest {

    private static void assertRejected(String expectedInMessage, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(
                e.getMessage() != null && e.getMessage().contains(expectedInMessage),
                () -> "message '" + e.getMessage() + "' should contain '" + expectedInMessage + "'");
    }

    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO"})
    void treeBatchMustBeAPowerOfTwo(CounterId id) {
        Topology t = TestTopologies.of(8);
        assertRejected("3", () -> id.factory(t, 3));
        assertRejected("48", () -> id.factory(t, 48));
        assertRejected("1000", () -> id.factory(t, 1000));
        assertRejected(String.valueOf(1L << 31), () -> id.factory(t, 1L << 31));
        assertEquals(1L << 30, id.factory(t, 1L << 30).batch());
        assertEquals(2, id.factory(t, 2).batch());
    }

    @ParameterizedTest
    @EnumSource(CounterId.class)
    void batchOneAndNegativeBatchesAreRejected(CounterId id) {
        Topology t = TestTopologies.of(8);
        assertRejected("batch 1", () -> id.factory(t, 1));
        assertRejected("-5", () -> id.factory(t, -5));
        assertRejected(String.valueOf(Long.MIN_VALUE), () -> id.factory(t, Long.MIN_VALUE));
    }

    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "PER_NODE", "PER_THREAD"})
    void anyBatchAboveOneWorksWhereNoPowerOfTwoIsNeeded(CounterId id) {
        Topology t = TestTopologies.of(8);
        Counter c = id.factory(t, 3).create();
        for (int i = 0; i < 100; i++) {
            c.add(i % 8, i % 3, 1);
        }
        assertEquals(100, c.precise());
        assertEquals(3, id.factory(t, 3).batch());
    }

    @ParameterizedTest
    @EnumSource(CounterId.class)
    void nullTopologyIsRejected(CounterId id) {
        assertRejected("topology", () -> id.factory(null, 0));
        assertRejected("topology", () -> id.create(null));
        assertRejected("topology", () -> id.factory(null, 64));
    }

    @Test
    void shapesRejectBadSizes() {
        assertRejected("0", () -> TreeShape.kernel(0));
        assertRejected("-4", () -> TreeShape.kernel(-4));
        assertRejected(String.valueOf(1 << 21), () -> TreeShape.kernel(1 << 21));
        assertEquals(5, TreeShape.kernel(1 << 20).levels());
        assertRejected("topology", () -> TreeShape.topology(null));
    }

    /** Ids that place updates by CPU check the CPU against the topology. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void cpuOutsideTheTopologyIsRejected(Topology t) {
        for (CounterId id : new CounterId[] {CounterId.FLAT, CounterId.PER_NODE, CounterId.TREE, CounterId.TREE_TOPO}) {
            Counter c = id.create(t);
            c.add(t.cpus()[0], 0, 7);
            assertRejected("9999", () -> c.add(9999, 0, 1));
            assertRejected(String.valueOf(t.cpuIdLimit()), () -> c.add(t.cpuIdLimit(), 0, 1));
            assertRejected("-1", () -> c.add(-1, 0, 1));
            assertRejected(String.valueOf(Integer.MIN_VALUE), () -> c.add(Integer.MIN_VALUE, 0, 1));
            assertEquals(7, c.precise(), id + ": a rejected add changes nothing");
        }
    }

    /**
     * BUG: Counter.add(cpu, task, delta) documents IllegalArgumentException for a CPU outside the
     * topology, but atomic, adder, jctools and per-thread ignore the CPU and take the add.
     */
    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"ATOMIC", "ADDER", "JCTOOLS", "PER_THREAD"})
    void cpuOutsideTheTopologyIsRejectedByEveryId(CounterId id) {
        Counter c = id.create(TestTopologies.of(8));
        assertRejected("9999", () -> c.add(9999, 0, 1));
        assertEquals(0, c.precise());
    }

    @Test
    void perThreadTaskOutOfRangeIsRejected() {
        Counter c = CounterId.PER_THREAD.create(TestTopologies.of(8));
        c.add(0, 5, 3);
        assertRejected("-1", () -> c.add(0, -1, 1));
        assertRejected(String.valueOf(1 << 22), () -> c.add(0, 1 << 22, 1));
        assertRejected(String.valueOf(Integer.MAX_VALUE), () -> c.add(0, Integer.MAX_VALUE, 1));
        assertEquals(3, c.precise());
        // the largest task id is fine
        c.add(0, (1 << 22) - 1, 4);
        assertEquals(7, c.precise());
    }

    @ParameterizedTest
    @EnumSource(CounterId.class)
    void groupSizeMustBeOneToSixteen(CounterId id) {
        CounterFactory f = id.factory(TestTopologies.of(8), 0);
        assertRejected("0", () -> f.createGroup(0));
        assertRejected("17", () -> f.createGroup(17));
        assertRejected("-3", () -> f.createGroup(-3));
        assertEquals(1, f.createGroup(1).length);
        assertEquals(Slots.MAX_GROUP, f.createGroup(16).length);
    }

    @Test
    void idsParseByNameAndConstant() {
        for (CounterId id : CounterId.values()) {
            assertEquals(id, CounterId.parse(id.id()));
            assertEquals(id, CounterId.parse(id.name()));
            assertEquals(id, CounterId.parse(" " + id.id().toUpperCase() + " "));
            assertEquals(id.id(), id.toString());
        }
        assertEquals(CounterId.TREE_TOPO, CounterId.parse("tree-topo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterId.parse("treetop"));
        assertTrue(e.getMessage().contains("treetop") && e.getMessage().contains("tree-topo"), e.getMessage());
    }

    @Test
    void accuracyRejectsNegativeBounds() {
        assertRejected("-1", () -> new Accuracy(-1, 0));
        assertRejected("-2", () -> new Accuracy(0, -2));
        assertEquals(5, new Accuracy(5, 3).worst());
        assertEquals(7, new Accuracy(5, 7).worst());
    }

    /**
     * CounterFactory.batch() documents "0 for ids that have none"; an explicit batch given to an id
     * without one (atomic) is reported back as if it were in use.
     */
    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"ATOMIC", "ADDER", "JCTOOLS"})
    void batchIsZeroForIdsWithoutOne(CounterId id) {
        assertEquals(0, id.factory(TestTopologies.of(8), 0).batch());
        assertEquals(0, id.factory(TestTopologies.of(8), 64).batch());
    }
}
