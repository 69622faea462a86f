package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.counterbench.topology.Topology;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random add sequences over random topologies and batches, for every id: after each add precise()
 * equals the shadow and the approximation is within accuracy(); jqwik shrinks a failure to a
 * minimal sequence.
 */
class ShadowPropertyTest {

    record Add(int cpuIndex, int task, long delta) {}

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyIdTracksItsShadow(
            @ForAll CounterId id,
            @ForAll("sizes") int size,
            @ForAll("batches") long batch,
            @ForAll("sequences") List<Add> adds) {
        Topology t = TestTopologies.of(size);
        int[] cpus = t.cpus();
        long b = id == CounterId.ATOMIC || id == CounterId.ADDER || id == CounterId.JCTOOLS ? 0 : batch;
        Counter c = id.factory(t, b).create();
        long shadow = 0;
        for (Add add : adds) {
            c.add(cpus[add.cpuIndex() % cpus.length], add.task(), add.delta());
            shadow += add.delta();
            assertEquals(shadow, c.precise(), () -> "after " + add);
            long approx = c.approximate();
            if (!c.accuracy().admits(approx, shadow)) {
                fail("approximate " + approx + " outside " + c.accuracy() + " of " + shadow + " after " + add);
            }
            assertEquals(0, c.preciseCompare(shadow));
            assertEquals(0, c.approximateCompare(shadow));
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.of(1, 2, 3, 8, 250, 256);
    }

    @Provide
    Arbitrary<Long> batches() {
        return Arbitraries.of(0L, 2L, 4L, 64L);
    }

    @Provide
    Arbitrary<List<Add>> sequences() {
        Arbitrary<Long> deltas = Arbitraries.oneOf(
                Arbitraries.of(1L, -1L),
                Arbitraries.longs().between(-50_000, 50_000),
                Arbitraries.longs().between(-(1L << 40), 1L << 40));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.integers().between(0, 7),
                        deltas)
                .as(Add::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(200);
    }
}
