package io.counterbench.results.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demonstration on main's own history (docs/trend.md), recorded on the 2-vCPU AMD EPYC VM with CPU 0 reserved:
 * 13 first-parent commits of main, cd52874 to 5152387, each measured once with ab against cd52874's jar (tree, flat
 * and adder inc at 1 thread, 8 pairs). The ninth, 0e38ef8, merged the change that moved the tree's carry out of
 * TreeCounter.add's line; the others left the counters alone. Checks that trend still says about it what
 * docs/trend.md reports: one change point, on the tree's row, before 0e38ef8, at the default significance.
 */
class MainHistoryTest {
    static final String FILE = "trend/main-history.jsonl";

    @Test
    void theTreesCarryChangeIsFoundAtItsCommitAndNothingElse() {
        List<SeriesPoint> h = SeriesFile.read(Fixtures.resource(FILE));
        assertEquals(39, h.size());
        assertEquals(13, h.stream().map(SeriesPoint::commit).distinct().count());
        TrendResult r = Trend.analyze(h, TrendOptions.defaults());
        assertEquals(3, r.rows().size());
        RowTrend tree = row(r, "counter=tree");
        assertEquals(1, tree.changes().size(), tree.toString());
        ChangePoint c = tree.changes().getFirst();
        assertEquals("0e38ef8", c.first().shortCommit());
        assertEquals("942e91a", c.lastBefore().shortCommit());
        assertEquals(8, c.index());
        assertFalse(c.slower(), "the change made the tree's add cheaper");
        assertTrue(c.ratio() > 0.75 && c.ratio() < 0.85, c.toString());
        assertTrue(c.upper() < 0.9, "the interval excludes no change: " + c);
        assertTrue(c.p() <= 0.01, c.toString());
        assertTrue(row(r, "counter=flat").changes().isEmpty());
        assertTrue(row(r, "counter=adder").changes().isEmpty());
        assertFalse(r.failed(), "an improvement is no regression");
    }

    private static RowTrend row(TrendResult r, String counter) {
        return r.rows().stream()
                .filter(x -> x.row().contains(counter))
                .findFirst()
                .orElseThrow();
    }
}
