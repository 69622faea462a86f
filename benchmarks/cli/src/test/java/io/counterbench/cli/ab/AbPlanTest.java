package io.counterbench.cli.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbPlanTest {
    private static AbRow row(int index, int threads) {
        return new AbRow(index, "UpdateBenchmark.inc", Map.of("counter", "adder"), threads, null, false);
    }

    private static AbRow group(int index, int... threads) {
        return new AbRow(index, "ReaderWriterBenchmark.g", Map.of("counter", "adder"), 0, threads, false);
    }

    @Test
    void rowsThatFitInHalfTheCpusRunSideBySide() {
        List<AbRow> rows = List.of(row(0, 1), row(1, 2), row(2, 4), group(3, 1, 1), group(4, 1, 2));
        AbPlan.Duet d = AbPlan.Duet.of(rows, new int[] {0, 1, 2, 3, 4, 5}, true);
        assertEquals(List.of(0, 1, 2), d.firstHalf());
        assertEquals(List.of(3, 4, 5), d.secondHalf());
        assertEquals(Set.of(0, 1, 3), d.rows(), "threads (a group's summed) below the 3 CPUs of a half");
        AbPlan.Duet four = AbPlan.Duet.of(rows, new int[] {4, 5, 8, 9}, true);
        assertEquals(List.of(4, 5), four.firstHalf());
        assertEquals(List.of(8, 9), four.secondHalf());
        assertEquals(Set.of(0), four.rows(), "one thread and a CPU to spare for the fork's own JVM");
        AbPlan.Duet odd = AbPlan.Duet.of(rows, new int[] {0, 1, 2, 3, 4}, true);
        assertEquals(List.of(0, 1), odd.firstHalf());
        assertEquals(List.of(2, 3), odd.secondHalf(), "the odd CPU out is left unused");
        assertNull(AbPlan.Duet.of(rows, new int[] {0, 1}, true), "two CPUs: a half has none to spare, back to back");
        assertEquals(
                Set.of(0),
                AbPlan.Duet.of(rows, new int[] {0, 1}, false).rows(),
                "--side-by-side on: a 1-thread row fills its one-CPU half");
        assertNull(AbPlan.Duet.of(rows, new int[] {0}, true), "one CPU: no halves");
        assertNull(AbPlan.Duet.of(List.of(row(0, 2)), new int[] {0, 1, 2, 3}, true), "no row fits");
    }

    @Test
    void sideBySidePairsCostAboutOneForkNotTwo() {
        List<AbRow> rows = List.of(row(0, 1), row(1, 2));
        AbPlan plan = AbPlan.of(rows, 4, 1, 2.0);
        assertEquals(4 * 2 * 2 * 2.0, plan.estimateSeconds(), 1e-9);
        AbPlan duet = plan.sideBySide(new int[] {0, 1, 2, 3}, true);
        assertTrue(duet.together(0));
        assertFalse(duet.together(1));
        assertEquals(plan.schedule(), duet.schedule(), "the same pairs and coins");
        assertEquals(4 * (AbPlan.DUET_PAIR_FORKS + 2) * 2.0, duet.estimateSeconds(), 1e-9);
        assertFalse(plan.sideBySide(new int[] {0, 1}, true).together(0));
    }

    @org.junit.jupiter.api.Test
    void adaptiveLooksStartWhereTheCoinTestCanFirstBoundAtTheLookLevel() {
        // the ci profile: 8 rows, alpha 0.01 over 2 looks: 1 / C(14, 7) <= 0.01 / 16 < 1 / C(12, 6)
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {14, 32}, AbPlan.looks(8, 0.01, 32));
        // 12 rows: 0.01 / 24 still needs 7 pairs each way
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {14, 32}, AbPlan.looks(12, 0.01, 32));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new int[] {2}, AbPlan.looks(1, 0.01, 2), "fewer pairs than any bound: one look");
        // one row: 1 / C(10, 5) <= 0.005
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {10, 12}, AbPlan.looks(1, 0.01, 12));
    }

    @Test
    void everyPairHasItsOwnFairCoin() {
        // independent coins (not balanced blocks): the coin test is exact at any number of pairs only so
        AbPlan plan = AbPlan.of(List.of(row(0, 1)), 4000, 7, 1.0);
        long heads = plan.schedule().stream().filter(AbPlan.Slot::baselineFirst).count();
        assertTrue(Math.abs(heads - 2000) < 150, heads + " of 4000 baseline first");
        long sameAsNext = 0;
        for (int k = 0; k + 1 < 4000; k += 2) {
            sameAsNext += plan.schedule().get(k).baselineFirst()
                            == plan.schedule().get(k + 1).baselineFirst()
                    ? 1
                    : 0;
        }
        assertTrue(Math.abs(sameAsNext - 1000) < 100, sameAsNext + " of 2000 blocks of two ran the same way round");
    }
}
