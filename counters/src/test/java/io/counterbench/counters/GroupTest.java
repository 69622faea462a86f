package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Counters of one group share per-CPU lines but are independent counters. */
class GroupTest {

    static Stream<Arguments> idsAndTopologies() {
        return Stream.of(CounterId.values())
                .flatMap(id -> Stream.of(2, 8, 256).map(n -> Arguments.of(id, TestTopologies.of(n))));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void membersOfAGroupAreIndependent(CounterId id, Topology t) {
        SplittableRandom r = new SplittableRandom(t.puCount() * 17L + id.ordinal());
        int[] cpus = t.cpus();
        CounterFactory f = id.factory(t, 0);
        Counter[] group = f.createGroup(4);
        Counter[] other = f.createGroup(4);
        long[] shadow = new long[group.length];
        for (int step = 0; step < 3000; step++) {
            int k = r.nextInt(group.length);
            long delta = ShadowTest.randomDelta(r);
            group[k].add(cpus[r.nextInt(cpus.length)], r.nextInt(8), delta);
            shadow[k] += delta;
            if (step % 7 == 0) {
                other[k].add(cpus[r.nextInt(cpus.length)], 0, 1000);
            }
            assertEquals(shadow[k], group[k].precise());
            if (step % 50 == 0) {
                for (int j = 0; j < group.length; j++) {
                    assertEquals(shadow[j], group[j].precise(), "member " + j);
                    assertTrue(group[j].accuracy().admits(group[j].approximate(), shadow[j]), "member " + j);
                }
            }
        }
        // set on one member leaves the others alone
        group[2].set(42);
        for (int j = 0; j < group.length; j++) {
            assertEquals(j == 2 ? 42 : shadow[j], group[j].precise(), "member " + j);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void aFullGroupOfSixteen(CounterId id, Topology t) {
        Counter[] group = id.factory(t, 0).createGroup(Slots.MAX_GROUP);
        int[] cpus = t.cpus();
        for (int k = 0; k < group.length; k++) {
            for (int cpu : cpus) {
                group[k].add(cpu, k % 8, k + 1);
            }
        }
        for (int k = 0; k < group.length; k++) {
            assertEquals((long) (k + 1) * cpus.length, group[k].precise(), "member " + k);
            assertTrue(group[k].accuracy().admits(group[k].approximate(), group[k].precise()));
            assertEquals(id, group[k].id());
        }
    }
}
