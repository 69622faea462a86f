package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** An adversarial sequence reaches each bound exactly: the bounds are tight, not just safe. */
class TightnessTest {

    /** Every test topology with every batch 2^1 .. 2^10: the adversary must reach exactly the structural depth for each. */
    static Stream<Arguments> treesAndTopologies() {
        return Stream.of(CounterId.TREE, CounterId.TREE_TOPO)
                .flatMap(id -> TestTopologies.all()
                        .flatMap(t -> LongStream.rangeClosed(1, 10)
                                .map(order -> 1L << order)
                                .mapToObj(b -> Arguments.of(id, t, b))));
    }

    private static long deviation(Counter c) {
        return c.approximate() - c.precise();
    }

    /** The boundary: the deviation is admitted, one more on the same side is not. */
    private static void assertOnTheBound(Counter c, long deviation) {
        long precise = c.precise();
        Accuracy acc = c.accuracy();
        assertTrue(acc.admits(precise + deviation, precise));
        assertFalse(acc.admits(precise + deviation + Long.signum(deviation), precise));
    }

    @ParameterizedTest
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void flatReachesBatchMinusOneOnEveryCpu(Topology t) {
        CounterFactory f = CounterId.FLAT.factory(t, 0);
        long batch = f.batch();
        long n = t.puCount();
        Counter under = f.create();
        Counter over = f.create();
        for (int cpu : t.cpus()) {
            under.add(cpu, 0, batch - 1);
            over.add(cpu, 0, -(batch - 1));
        }
        assertEquals(-(batch - 1) * n, deviation(under));
        assertEquals(-under.accuracy().under(), deviation(under));
        assertEquals((batch - 1) * n, deviation(over));
        assertEquals(over.accuracy().over(), deviation(over));
        assertOnTheBound(under, deviation(under));
        assertOnTheBound(over, deviation(over));
        // one more event on a CPU flushes its whole slot into the total
        under.add(t.cpus()[0], 0, 1);
        assertEquals(-(batch - 1) * (n - 1), deviation(under));
        assertEquals((batch - 1) * n + 1, under.precise());
    }

    @ParameterizedTest
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void perNodeReachesBatchMinusOneOnEveryNode(Topology t) {
        Map<Integer, Integer> cpuOfNode = new LinkedHashMap<>();
        for (int cpu : t.cpus()) {
            cpuOfNode.putIfAbsent(t.domainId(cpu, Level.NUMA), cpu);
        }
        long nodes = cpuOfNode.size();
        assertEquals(TestTopologies.nodes(t.puCount()), nodes);
        Counter under = CounterId.PER_NODE.create(t);
        Counter over = CounterId.PER_NODE.create(t);
        for (int cpu : cpuOfNode.values()) {
            under.add(cpu, 0, 31);
            over.add(cpu, 0, -31);
        }
        assertEquals(-31 * nodes, deviation(under));
        assertEquals(-under.accuracy().under(), deviation(under));
        assertEquals(31 * nodes, deviation(over));
        assertEquals(over.accuracy().over(), deviation(over));
        assertOnTheBound(under, deviation(under));
        // CPUs of one node share its slot: one more event anywhere in the first node flushes it
        int[] firstNode = t.siblings(cpuOfNode.values().iterator().next(), Level.NUMA);
        under.add(firstNode[firstNode.length - 1], 0, 1);
        assertEquals(-31 * (nodes - 1), deviation(under));
    }

    @ParameterizedTest
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void perThreadReaches63EventsPerTask(Topology t) {
        int tasks = 5;
        long d = 1000;
        Counter under = CounterId.PER_THREAD.create(t);
        Counter over = CounterId.PER_THREAD.create(t);
        int[] cpus = t.cpus();
        for (int task = 0; task < tasks; task++) {
            for (int e = 0; e < 63; e++) {
                under.add(cpus[e % cpus.length], task, d);
                over.add(cpus[e % cpus.length], task + 100, -d);
            }
        }
        assertEquals(-63 * d * tasks, deviation(under));
        assertEquals(new Accuracy(63 * d * tasks, 63 * d * tasks), under.accuracy());
        assertEquals(63 * d * tasks, deviation(over));
        assertOnTheBound(under, deviation(under));
        assertOnTheBound(over, deviation(over));
        // the 64th event of a task flushes its cache
        under.add(cpus[0], 0, d);
        assertEquals(-63 * d * (tasks - 1), deviation(under));
        assertEquals(64 * d + 63 * d * (tasks - 1), under.precise());
    }

    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"ATOMIC", "ADDER", "JCTOOLS"})
    void exactCountersNeverDeviate(CounterId id) {
        Topology t = TestTopologies.of(256);
        Counter c = id.create(t);
        for (int i = 0; i < 1000; i++) {
            c.add(t.cpus()[i % 256], i % 8, i % 3 == 0 ? -i : i);
            assertEquals(0, deviation(c));
        }
        assertEquals(Accuracy.EXACT, c.accuracy());
        long p = c.precise();
        assertTrue(c.accuracy().admits(p, p));
        assertFalse(c.accuracy().admits(p + 1, p));
        assertFalse(c.accuracy().admits(p - 1, p));
    }

    @ParameterizedTest(name = "{0} on {1}, batch {2}")
    @MethodSource("treesAndTopologies")
    void treeReachesExactlyTheReachableUnder(CounterId id, Topology t, long batch) {
        TreeModel model = TreeModel.of(id, t);
        CounterFactory f = id.factory(t, batch);
        TreeShape shape = f.shape();
        long reachable = shape.reachableUnder(batch, t.cpus());
        assertEquals(model.reachableUnder(batch), reachable);
        Counter c = f.create();
        long total = model.driveToWorst(c, batch);
        assertEquals(total, c.precise());
        assertEquals(-reachable, deviation(c));
        assertTrue(reachable <= c.accuracy().under());
        assertTrue(c.accuracy().admits(c.approximate(), c.precise()));
        if (!model.exact) {
            assertEquals(0, c.approximate(), "every residual is full and nothing reached the root");
            // one more event carries through every level: the root gets the top level's mask
            c.add(t.cpus()[0], 0, 1);
            assertEquals(model.mask(batch, model.levels() - 1), c.approximate());
            assertEquals(total + 1, c.precise());
            // and taking it back borrows through every level again
            c.add(t.cpus()[0], 0, -1);
            assertEquals(0, c.approximate());
        }
    }
}
