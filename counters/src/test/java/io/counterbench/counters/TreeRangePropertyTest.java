package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.counterbench.topology.Topology;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * For the tree ids no add sequence takes the approximation above the precise sum or further below it
 * than TreeShape.reachableUnder: the carry rule keeps a non-negative residual at every level.
 */
class TreeRangePropertyTest {

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void approximationStaysInTheReachableRange(
            @ForAll("trees") CounterId id,
            @ForAll("sizes") int size,
            @ForAll("batches") long batch,
            @ForAll("sequences") List<Tuple2<Integer, Long>> adds) {
        Topology t = TestTopologies.of(size);
        int[] cpus = t.cpus();
        CounterFactory f = id.factory(t, batch);
        long reachable = f.shape().reachableUnder(batch, cpus);
        Counter c = f.create();
        long shadow = 0;
        for (Tuple2<Integer, Long> add : adds) {
            c.add(cpus[add.get1() % cpus.length], 0, add.get2());
            shadow += add.get2();
            long precise = c.precise();
            assertEquals(shadow, precise);
            long deviation = c.approximate() - precise;
            if (deviation > 0 || deviation < -reachable) {
                fail("deviation " + deviation + " outside [-" + reachable + ", 0] after adding " + add);
            }
        }
    }

    @Provide
    Arbitrary<CounterId> trees() {
        return Arbitraries.of(CounterId.TREE, CounterId.TREE_TOPO);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.of(1, 2, 3, 8, 256);
    }

    @Provide
    Arbitrary<Long> batches() {
        return Arbitraries.of(2L, 4L, 8L, 32L);
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Long>>> sequences() {
        Arbitrary<Long> deltas = Arbitraries.oneOf(
                Arbitraries.longs().between(-3, 3),
                Arbitraries.longs().between(-5000, 5000),
                Arbitraries.integers()
                        .between(0, 16)
                        .flatMap(b -> Arbitraries.of((1L << b) - 1, 1L << b, -(1L << b), 1 - (1L << b))));
        Arbitrary<Integer> cpus = Arbitraries.integers().between(0, 1 << 20);
        return Arbitraries.integers()
                .between(0, 3)
                .flatMap(hot -> cpus.map(cpu -> hot == 0 ? cpu % 2 : cpu))
                .flatMap(cpu -> deltas.map(d -> Tuple.of(cpu, d)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(300);
    }
}
