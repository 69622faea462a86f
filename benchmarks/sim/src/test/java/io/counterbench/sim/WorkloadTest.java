package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.results.report.write.Block;
import io.counterbench.topology.TopologySources;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static final CpuMap MAP = CpuMap.of(TopologySources.load("small-8"));

    private static Workload create(WorkloadKind kind, int tasks, long ops, long pages) {
        return kind.create(new WorkloadSetup(
                MAP, CounterId.FLAT.factory(MAP.topology(), 0), tasks, ops, pages, new SplittableRandom(11)));
    }

    @Test
    void rssGrowsToTheTargetChurnsAroundItAndShrinksToZero() {
        Workload w = create(WorkloadKind.RSS, 5, 10_000, 1_000);
        Op op = new Op();
        long exact = 0;
        long ops = 0;
        long peak = 0;
        while (w.next(op, exact)) {
            assertTrue(op.task >= 0 && op.task < 5);
            assertEquals(1, Math.abs(op.delta), "single pages");
            exact += op.delta;
            ops++;
            peak = Math.max(peak, exact);
            if (ops == 1_000) {
                assertEquals(1_000, exact);
            }
            if (ops > 1_000 && ops <= 9_000) {
                assertTrue(exact >= 900 && exact <= 1_100, "churn within 10%: " + exact);
            }
        }
        assertEquals(0, exact);
        assertTrue(ops >= 9_900 && ops <= 10_100, "" + ops);
    }

    @Test
    void hopFaultsPageByPageAndUnmapsTheRegion() {
        Workload w = create(WorkloadKind.HOP, 1, 10, 4);
        Op op = new Op();
        long[] deltas = new long[10];
        for (int i = 0; i < 10; i++) {
            assertTrue(w.next(op, 0));
            deltas[i] = op.delta;
        }
        assertFalse(w.next(op, 0));
        assertEquals("[1, 1, 1, 1, -4, 1, 1, 1, 1, -4]", java.util.Arrays.toString(deltas));
    }

    @Test
    void forkExitEndsEachProcessAtZero() {
        Workload w = create(WorkloadKind.FORK_EXIT, 2, 5_000, 64);
        Op op = new Op();
        long exact = 0;
        int exits = 0;
        while (w.next(op, exact)) {
            exact += op.delta;
            if (op.exit) {
                assertEquals(0, exact);
                exits++;
            } else {
                assertEquals(1, op.delta);
                assertTrue(exact <= 64);
            }
        }
        assertEquals(0, exact, "stops after an exit");
        assertTrue(exits > 100, "" + exits);
    }

    @Test
    void markdownEscapesPipes() {
        String t =
                Block.Table.numbers("counter", "mean |dev|").row("tree", "a|b").render();
        assertTrue(t.startsWith("| counter | mean \\|dev\\| |\n"), t);
        assertTrue(t.contains("a\\|b"), t);
    }
}
