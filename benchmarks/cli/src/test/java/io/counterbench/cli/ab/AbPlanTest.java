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
        AbPlan.Duet d = AbPlan.Duet.of(rows, new int[] {0, 1, 2, 3});
        assertEquals(List.of(0, 1), d.firstHalf());
        assertEquals(List.of(2, 3), d.secondHalf());
        assertEquals(Set.of(0, 1, 3), d.rows(), "threads (a group's summed) of at most 2 of 4 CPUs");
        AbPlan.Duet two = AbPlan.Duet.of(rows, new int[] {4, 9});
        assertEquals(List.of(4), two.firstHalf());
        assertEquals(List.of(9), two.secondHalf());
        assertEquals(Set.of(0), two.rows());
        AbPlan.Duet odd = AbPlan.Duet.of(rows, new int[] {0, 1, 2});
        assertEquals(List.of(0), odd.firstHalf());
        assertEquals(List.of(1), odd.secondHalf(), "the odd CPU out is left unused");
        assertNull(AbPlan.Duet.of(rows, new int[] {0}), "one CPU: no halves");
        assertNull(AbPlan.Duet.of(List.of(row(0, 2)), new int[] {0, 1}), "no row fits");
    }

    @Test
    void sideBySidePairsCostAboutOneForkNotTwo() {
        List<AbRow> rows = List.of(row(0, 1), row(1, 2));
        AbPlan plan = AbPlan.of(rows, 4, 1, 2.0);
        assertEquals(4 * 2 * 2 * 2.0, plan.estimateSeconds(), 1e-9);
        AbPlan duet = plan.sideBySide(new int[] {0, 1});
        assertTrue(duet.together(0));
        assertFalse(duet.together(1));
        assertEquals(plan.schedule(), duet.schedule(), "the same pairs and coins");
        assertEquals(4 * (AbPlan.DUET_PAIR_FORKS + 2) * 2.0, duet.estimateSeconds(), 1e-9);
        assertFalse(plan.sideBySide(new int[] {0}).together(0));
    }

    @org.junit.jupiter.api.Test
    void adaptiveLooksStartWhereTheFirstBoundExistsAtTheLookLevel() {
        // the ci profile: 12 rows, alpha 0.01 over 3 looks: 2^-12 <= 0.01 / 36 < 2^-11
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {12, 22, 32}, AbPlan.looks(12, 0.01, 32));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new int[] {2}, AbPlan.looks(1, 0.01, 2), "fewer pairs than any bound: one look");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {9, 10}, AbPlan.looks(1, 0.01, 10));
    }
}
