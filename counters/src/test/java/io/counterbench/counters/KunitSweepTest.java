package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's KUnit test of percpu_counter_tree (lib/tests/percpu_counter_tree_kunit.c), for tree,
 * tree-topo and flat (with flat's own bound): two counters, each shadowed by an exact value.
 * <ul>
 *   <li>batch sweep: batch 2^2..2^9 x increments per CPU 1, 2, 4 .. 512 x increment 1, 10 .. 10^4;
 *       counter 0 gets them on every CPU, counter 1 on a CPU chosen by one of four patterns (the
 *       same CPU, its even sibling {@code cpu & ~1}, the first CPU, a random CPU);</li>
 *   <li>random walk: batch 32, steps of a random count (0-1023) of a random increment in (-512, 512)
 *       on random CPUs.</li>
 * </ul>
 * After each case: precise() equals the shadow, the compare helpers agree with it, and the
 * approximation lies in [shadow - under, shadow + over], tight to 1: the compare helpers decide a
 * value one outside the range. The kernel runs the adds from one kthread per CPU; here they run
 * from this thread with explicit CPUs, which leaves the same state at quiescence (a level's carries
 * depend only on its own count's bit transitions).
 */
class KunitSweepTest {
    /** Sweep sizes: 1 CPU, small ones (3 is not a power of two), and a 2-socket 256. */
    private static final int[] SWEEP_SIZES = {1, 2, 3, 8, 256};
    /** Random-walk sizes: also 250 CPUs (not a power of two: the kernel tree has absent CPUs). */
    private static final int[] WALK_SIZES = {1, 2, 3, 8, 250, 256};

    enum Pattern {
        SAME,
        EVEN,
        FIRST,
        RANDOM
    }

    static Stream<Arguments> sweepCases() {
        return cases(SWEEP_SIZES);
    }

    static Stream<Arguments> walkCases() {
        return cases(WALK_SIZES);
    }

    private static Stream<Arguments> cases(int[] sizes) {
        return Stream.of(CounterId.TREE, CounterId.TREE_TOPO, CounterId.FLAT)
                .flatMap(id -> IntStream.of(sizes).mapToObj(n -> Arguments.of(id, TestTopologies.of(n))));
    }

    private static void addMany(Counter c, int cpu, int count, long increment) {
        for (int i = 0; i < count; i++) {
            c.add(cpu, 0, increment);
        }
    }

    /** check_counters of the KUnit test, for counters a and b with exact values va and vb. */
    static void check(Counter a, long va, Counter b, long vb, String what) {
        for (Counter c : new Counter[] {a, b}) {
            long v = c == a ? va : vb;
            assertEquals(v, c.precise(), what);
            assertEquals(0, c.preciseCompare(v), what);
            assertEquals(0, c.approximateCompare(v), what);
            long approx = c.approximate();
            Accuracy acc = c.accuracy();
            assertTrue(acc.admits(approx, v), () -> what + ": approximate " + approx + " outside " + acc + " of " + v);
            // the range of precise values the approximation admits is [approx - over, approx + under], tight to 1
            long min = approx - acc.over();
            long max = approx + acc.under();
            assertTrue(min <= v && v <= max, what);
            assertEquals(0, c.approximateCompare(min), what);
            assertEquals(0, c.approximateCompare(max), what);
            assertEquals(1, c.approximateCompare(min - 1), what);
            assertEquals(-1, c.approximateCompare(max + 1), what);
        }
        if (va == vb) {
            assertEquals(a.precise(), b.precise(), what);
            assertEquals(0, a.preciseCompare(b), what);
            assertEquals(0, a.approximateCompare(b), what);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("sweepCases")
    void batchSweep(CounterId id, Topology t) {
        int[] cpus = t.cpus();
        SplittableRandom r = new SplittableRandom(t.puCount() * 131L + id.ordinal());
        for (int order = 2; order < 10; order++) {
            CounterFactory f = id.factory(t, 1L << order);
            for (int count = 1; count < 1024; count *= 2) {
                for (long increment = 1; increment < 100_000; increment *= 10) {
                    for (Pattern p : Pattern.values()) {
                        Counter[] two = f.createGroup(2);
                        long v = 0;
                        for (int cpu : cpus) {
                            addMany(two[0], cpu, count, increment);
                            int other = switch (p) {
                                case SAME -> cpu;
                                case EVEN -> cpu & ~1;
                                case FIRST -> cpus[0];
                                case RANDOM -> cpus[r.nextInt(cpus.length)];
                            };
                            addMany(two[1], other, count, increment);
                            v += count * increment;
                        }
                        check(
                                two[0],
                                v,
                                two[1],
                                v,
                                id + " batch " + (1L << order) + ", " + count + " x " + increment + ", " + p);
                        two[0].close();
                        two[1].close();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("walkCases")
    void randomWalk(CounterId id, Topology t) {
        int[] cpus = t.cpus();
        SplittableRandom r = new SplittableRandom(t.puCount() * 7L + id.ordinal());
        CounterFactory f = id.factory(t, 32);
        for (int loop = 0; loop < 10; loop++) {
            Counter[] two = f.createGroup(2);
            long v = 0;
            for (int step = 0; step < 200; step++) {
                long increment = r.nextLong(-511, 512);
                int count = r.nextInt(1024);
                addMany(two[0], cpus[r.nextInt(cpus.length)], count, increment);
                addMany(two[1], cpus[r.nextInt(cpus.length)], count, increment);
                v += count * increment;
            }
            check(two[0], v, two[1], v, id + " random walk " + loop);
            two[0].close();
            two[1].close();
        }
    }
}
