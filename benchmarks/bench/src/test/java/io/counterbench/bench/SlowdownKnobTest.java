package io.counterbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlowdownKnobTest {

    /** Before any test sets the property: the test JVM starts without it, so the knob's branch is compiled away. */
    @BeforeAll
    static void offUnlessTheJvmStartsWithTheProperty() {
        assertFalse(SlowdownKnob.ON);
    }

    @AfterEach
    void clear() {
        System.clearProperty(SlowdownKnob.PROPERTY);
    }

    @Test
    void percentIsTheFractionOfItsOwnTimeACounterWaits() {
        System.setProperty(SlowdownKnob.PROPERTY, "tree:5,flat:2, per-thread:20,adder:10,atomic:100,jctools:2.5");
        assertEquals(0.05, SlowdownKnob.fraction("tree"), 1e-12);
        assertEquals(0.02, SlowdownKnob.fraction("flat"), 1e-12);
        assertEquals(0.20, SlowdownKnob.fraction("per-thread"), 1e-12);
        assertEquals(0.10, SlowdownKnob.fraction("adder"), 1e-12);
        assertEquals(1.00, SlowdownKnob.fraction("atomic"), 1e-12);
        assertEquals(0.025, SlowdownKnob.fraction("jctools"), 1e-12);
        assertEquals(0, SlowdownKnob.fraction("tree-topo"), "not named: no extra work");
    }

    @Test
    void emptyOrMissingMeansNoExtraWork() {
        assertEquals(0, SlowdownKnob.fraction("tree"));
        System.setProperty(SlowdownKnob.PROPERTY, "");
        assertEquals(0, SlowdownKnob.fraction("tree"));
    }

    @Test
    void malformedSpecsAreRefused() {
        for (String bad : new String[] {"tree", "tree:0", "tree:150", "tree:five"}) {
            System.setProperty(SlowdownKnob.PROPERTY, bad);
            assertThrows(IllegalArgumentException.class, () -> SlowdownKnob.fraction("tree"), bad);
        }
    }

    @Test
    void waitsOnceEveryPeriodOfAddsWhateverTheDeltas() {
        int waits = 0;
        long tally = 0;
        for (int i = 0; i < 10 * SlowdownKnob.PERIOD; i++) {
            long before = tally;
            tally += 1;
            waits += SlowdownKnob.crossed(before, tally) ? 1 : 0;
        }
        assertEquals(10, waits, "adds of 1: one wait per period");
        waits = 0;
        tally = 0;
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            long before = tally;
            tally += 1 + r.nextInt(64);
            waits += SlowdownKnob.crossed(before, tally) ? 1 : 0;
        }
        assertEquals(tally / SlowdownKnob.PERIOD, waits, "larger deltas: one wait per multiple of the period passed");
        assertTrue(
                SlowdownKnob.crossed(SlowdownKnob.PERIOD, SlowdownKnob.PERIOD - 1),
                "a negative delta that goes back across a multiple");
        assertFalse(SlowdownKnob.crossed(5, 4));
    }

    @Test
    void theWaitIsProportionalToThePeriodAndCapped() {
        assertEquals(2_000, SlowdownKnob.waitNanos(100_000, 0.02));
        assertEquals(20_000, SlowdownKnob.waitNanos(100_000, 0.20));
        assertEquals(0, SlowdownKnob.waitNanos(-5, 0.5), "a clock that went back waits nothing");
        assertEquals((long) (SlowdownKnob.MAX_ELAPSED_NANOS * 0.1), SlowdownKnob.waitNanos(Long.MAX_VALUE / 2, 0.1));
    }

    @Test
    void waitForSpinsAtLeastTheFractionOfTheElapsedTime() {
        long mark = System.nanoTime() - 2_000_000; // a period of 2 ms ago
        long before = System.nanoTime();
        long end = SlowdownKnob.waitFor(mark, 0.5);
        assertTrue(end - before >= 1_000_000, "half of at least 2 ms: waited " + (end - before) + " ns");
        assertTrue(end <= System.nanoTime());
    }
}
