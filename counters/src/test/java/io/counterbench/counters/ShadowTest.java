package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.counterbench.topology.Topology;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Like the kernel's KUnit test: every counter is shadowed by an exact value through random
 * explicit-placement adds, and after each add precise() equals the shadow and the approximation
 * lies within accuracy() of it; the compare helpers agree with the shadow.
 */
class ShadowTest {
    private static final int STEPS = 1500;

    static Stream<Arguments> idsAndTopologies() {
        return Stream.of(CounterId.values()).flatMap(id -> TestTopologies.all().map(t -> Arguments.of(id, t)));
    }

    static long randomDelta(SplittableRandom r) {
        int kind = r.nextInt(10);
        if (kind < 4) {
            return 1;
        }
        if (kind < 7) {
            return -1;
        }
        return r.nextLong(-50_000, 50_001);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void preciseEqualsShadowAfterEveryAdd(CounterId id, Topology t) {
        SplittableRandom r = new SplittableRandom(id.ordinal() * 7919L + t.puCount());
        int[] cpus = t.cpus();
        Counter c = id.create(t);
        long shadow = 0;
        for (int step = 0; step < STEPS; step++) {
            int cpu = cpus[r.nextInt(cpus.length)];
            int task = r.nextInt(8);
            long delta = randomDelta(r);
            c.add(cpu, task, delta);
            shadow += delta;
            assertEquals(shadow, c.precise(), "precise after step " + step);
            long approx = c.approximate();
            Accuracy acc = c.accuracy();
            if (!acc.admits(approx, shadow)) {
                fail("approximate " + approx + " outside " + acc + " of " + shadow + " at step " + step);
            }
            assertEquals(Math.max(0, approx), c.approximatePositive());
            assertEquals(0, c.approximateCompare(shadow), "approximateCompare(shadow)");
            assertEquals(0, c.preciseCompare(shadow), "preciseCompare(shadow)");
            assertEquals(-1, c.preciseCompare(shadow + 1));
            assertEquals(1, c.preciseCompare(shadow - 1));
            if (step % 100 == 0) {
                long width = acc.under() + acc.over();
                assertEquals(1, c.approximateCompare(shadow - width - 1), "certainly above");
                assertEquals(-1, c.approximateCompare(shadow + width + 1), "certainly below");
                assertEquals(1, c.preciseCompare(shadow - width - 1));
                assertEquals(-1, c.preciseCompare(shadow + width + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void twoCountersFedTheSameSequenceOnDifferentCpusCompareEqual(CounterId id, Topology t) {
        SplittableRandom r = new SplittableRandom(id.ordinal() * 104729L + t.puCount());
        int[] cpus = t.cpus();
        CounterFactory f = id.factory(t, 0);
        Counter a = f.create();
        Counter b = f.create();
        long shadow = 0;
        for (int step = 0; step < STEPS; step++) {
            int i = r.nextInt(cpus.length);
            int task = r.nextInt(8);
            long delta = randomDelta(r);
            a.add(cpus[i], task, delta);
            b.add(cpus[(i + 1 + cpus.length / 2) % cpus.length], (task + 3) % 8, delta);
            shadow += delta;
            assertEquals(0, a.preciseCompare(b), "a vs b at step " + step);
            assertEquals(0, b.preciseCompare(a), "b vs a at step " + step);
            assertEquals(0, a.approximateCompare(b), "approximate a vs b at step " + step);
            assertEquals(0, b.approximateCompare(a), "approximate b vs a at step " + step);
        }
        assertEquals(shadow, a.precise());
        assertEquals(shadow, b.precise());

        // a third counter certainly above both: the compares decide it, approximately and precisely
        Counter above = f.create();
        long gap = a.accuracy().under()
                + a.accuracy().over()
                + above.accuracy().under()
                + above.accuracy().over()
                + 1;
        above.set(shadow + gap);
        assertEquals(-1, a.approximateCompare(above));
        assertEquals(1, above.approximateCompare(a));
        assertEquals(-1, a.preciseCompare(above));
        assertEquals(1, above.preciseCompare(b));
        // one more than the shadow: only the precise compare can tell
        Counter onePlus = f.create();
        onePlus.set(shadow + 1);
        assertEquals(-1, a.preciseCompare(onePlus));
        assertEquals(1, onePlus.preciseCompare(b));
    }
}
