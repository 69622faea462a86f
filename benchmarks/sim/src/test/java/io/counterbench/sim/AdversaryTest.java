package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adversarial workload reaches each counter's worst case exactly. */
class AdversaryTest {

    private static SimResult adversary(CpuMap map, CounterId id, long batch, int tasks) {
        return Engine.run(
                new SimSpec("adversary", map, id, batch, tasks, WorkloadKind.ADVERSARIAL, 0, 0, MigrationRule.STAY, 1),
                Progress.silent());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "small-2",
                "small-8",
                "small-16",
                "small-64",
                "rss-250",
                "epyc-9654-2s",
                "xeon-8480-2s-snc4",
                "altra-max-2s",
                "synthetic-1024"
            })
    void flatReachesExactlyItsBoundOnBothSides(String preset) {
        CpuMap map = CpuMap.of(TopologySources.load(preset));
        for (long batch : new long[] {0, 2, 100}) {
            SimResult r = adversary(map, CounterId.FLAT, batch, 1);
            assertEquals(r.boundUnder(), r.worstUnder(), preset + " batch " + batch);
            assertEquals(r.boundOver(), r.worstOver(), preset + " batch " + batch);
            assertEquals((r.batch() - 1) * map.topology().cpuIdLimit(), r.boundUnder());
            assertEquals(0, r.violations());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "small-2",
                "small-8",
                "small-16",
                "small-64",
                "rss-250",
                "epyc-9654-2s",
                "xeon-8480-2s-snc4",
                "altra-max-2s",
                "synthetic-1024",
                "synthetic-4096"
            })
    void treesReachExactlyReachableUnder(String preset) {
        CpuMap map = CpuMap.of(TopologySources.load(preset));
        for (CounterId id : new CounterId[] {CounterId.TREE, CounterId.TREE_TOPO}) {
            for (long batch : new long[] {0, 2, 64}) {
                CounterFactory f = id.factory(map.topology(), batch);
                long expected =
                        f.shape().reachableUnder(f.batch(), map.topology().cpus());
                SimResult r = adversary(map, id, batch, 1);
                assertEquals(expected, r.worstUnder(), preset + " " + id + " batch " + batch);
                assertEquals(expected, r.reachableUnder());
                assertEquals(0, r.worstOver());
                assertEquals(0, r.violations());
            }
        }
    }

    @Property(tries = 60)
    void treesReachExactlyReachableUnderOnAnySyntheticBox(
            @ForAll @IntRange(min = 1, max = 3) int pack,
            @ForAll @IntRange(min = 1, max = 2) int numa,
            @ForAll @IntRange(min = 1, max = 5) int l3,
            @ForAll @IntRange(min = 1, max = 6) int core,
            @ForAll @IntRange(min = 1, max = 2) int pu,
            @ForAll @IntRange(min = 1, max = 7) int batchOrder) {
        CpuMap map = CpuMap.of(TopologySources.load("pack:" + pack + " numa:" + numa + " l3:" + l3 + " core:" + core
                + " pu:" + pu + " numbering:smt-split"));
        for (CounterId id : new CounterId[] {CounterId.TREE, CounterId.TREE_TOPO}) {
            CounterFactory f = id.factory(map.topology(), 1L << batchOrder);
            SimResult r = adversary(map, id, 1L << batchOrder, 1);
            assertEquals(f.shape().reachableUnder(f.batch(), map.topology().cpus()), r.worstUnder());
            assertEquals(0, r.violations());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-8", "xeon-8480-2s-snc4", "synthetic-4096"})
    void perNodeAndPerThreadReachTheirBounds(String preset) {
        CpuMap map = CpuMap.of(TopologySources.load(preset));
        SimResult node = adversary(map, CounterId.PER_NODE, 0, 1);
        assertEquals(node.boundUnder(), node.worstUnder());
        assertEquals(node.boundOver(), node.worstOver());
        SimResult thread = adversary(map, CounterId.PER_THREAD, 0, 7);
        assertEquals(63 * 7, thread.boundUnder());
        assertEquals(thread.boundUnder(), thread.worstUnder());
        assertEquals(thread.boundOver(), thread.worstOver());
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "adder", "jctools"})
    void exactCountersCannotDeviate(String id) {
        SimResult r = adversary(CpuMap.of(TopologySources.load("small-16")), CounterId.parse(id), 0, 1);
        assertEquals(0, r.worst());
        assertEquals(0, r.boundUnder());
    }
}
