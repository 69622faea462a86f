package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the topology, counter, workload and scheduler: the deviation never leaves the bound, precise() is exact. */
class BoundPropertiesTest {

    @Provide
    Arbitrary<String> topologies() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.of("linear", "smt-split"))
                .as((pack, numa, l3, core, pu, numbering) -> "pack:" + pack + " numa:" + numa + " l3:" + l3 + " core:"
                        + core + " pu:" + pu + " numbering:" + numbering);
    }

    @Provide
    Arbitrary<MigrationRule> rules() {
        return Combinators.combine(
                        Arbitraries.of(Migration.values()),
                        Arbitraries.longs().between(0, 20),
                        Arbitraries.of(0.0, 0.01, 0.3, 1.0))
                .as(MigrationRule::new);
    }

    @Property(tries = 300)
    void deviationStaysWithinTheBound(
            @ForAll("topologies") String topology,
            @ForAll CounterId id,
            @ForAll WorkloadKind workload,
            @ForAll("rules") MigrationRule rule,
            @ForAll @IntRange(min = 1, max = 6) int tasks,
            @ForAll @LongRange(min = 1, max = 3_000) long ops,
            @ForAll @LongRange(min = 1, max = 700) long pages,
            @ForAll("batches") long batch,
            @ForAll long seed) {
        CpuMap map = CpuMap.of(TopologySources.load(topology));
        SimResult r = Engine.run(
                new SimSpec("property", map, id, batch, tasks, workload, ops, pages, rule, seed), Progress.silent());
        assertEquals(0, r.violations(), () -> r.firstViolation());
        assertEquals(0, r.preciseMismatches());
        assertTrue(r.worstUnder() <= r.boundUnder() && r.worstOver() <= r.boundOver(), r.toString());
        if (r.reachableUnder() != null) {
            assertTrue(r.worstUnder() <= r.reachableUnder(), "the tree never goes below reachableUnder: " + r);
            assertEquals(0, r.worstOver(), "the tree never reads above the precise sum");
        }
        assertTrue(r.ops() > 0);
    }

    @Provide
    Arbitrary<Long> batches() {
        return Arbitraries.of(0L, 2L, 4L, 8L, 64L);
    }
}
