package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every pinning policy hands out distinct CPUs of the topology, the first n of its full order. */
class PlacementPropertiesTest {
    private final Topology t = SyntheticSource.parse("pack:2 numa:2 l3:2 core:3 pu:2 numbering:smt-split");

    @Property
    void distinctCpusOfTheTopology(@ForAll @IntRange(min = 1, max = 48) int threads) {
        for (Placement p : new Placement[] {Placement.COMPACT, Placement.SPREAD}) {
            int[] cpus = p.cpusFor(t, threads);
            assertEquals(threads, cpus.length);
            assertEquals(threads, Arrays.stream(cpus).distinct().count(), p + " " + Arrays.toString(cpus));
            assertTrue(Arrays.stream(cpus).allMatch(t::hasCpu));
            int[] all = p.cpusFor(t, t.puCount());
            assertTrue(Arrays.equals(cpus, Arrays.copyOf(all, threads)), "prefix of the full order");
        }
    }

    @Property
    void spreadBalancesPackages(@ForAll @IntRange(min = 1, max = 48) int threads) {
        int[] perPackage = new int[2];
        for (int cpu : Placement.SPREAD.cpusFor(t, threads)) {
            perPackage[t.domainId(cpu, Level.PACKAGE)]++;
        }
        assertTrue(Math.abs(perPackage[0] - perPackage[1]) <= 1, Arrays.toString(perPackage));
    }
}
