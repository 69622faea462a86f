package io.counterbench.results.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demonstration of docs/trend.md, recorded on the 2-vCPU AMD EPYC VM: 11 commits (main's head
 * b8a413f, then ten scratch commits, the sixth of which, fd26be1, puts a full fence after every
 * add of the atomic counter) measured with ab against the jar of b8a413f, and recorded with trend
 * --record. Checks that the file reads as one series of 11 commits and 2 rows, and that trend
 * still says about it what docs/trend.md reports.
 */
class DemoHistoryTest {
    static final String FILE = "trend/demo-history.jsonl";

    @Test
    void theDemonstrationsHistory() {
        List<SeriesPoint> h = SeriesFile.read(Fixtures.resource(FILE));
        assertEquals(22, h.size());
        assertEquals(11, h.stream().map(SeriesPoint::commit).distinct().count());
        TrendResult r = Trend.analyze(h, TrendOptions.defaults());
        assertEquals(2, r.rows().size());
        assertEquals(r, Trend.analyze(h, TrendOptions.defaults()), "the same answer every time");
        RowTrend atomic = r.rows().stream()
                .filter(x -> x.row().contains("counter=atomic"))
                .findFirst()
                .orElseThrow();
        RowTrend adder = r.rows().stream()
                .filter(x -> x.row().contains("counter=adder"))
                .findFirst()
                .orElseThrow();
        assertTrue(atomic.points().size() == 11 && adder.points().size() == 11);
        // at the default p <= 0.01 no change point: atomic's best split is before fd26be1, the slowdown commit, at p
        // 0.011
        assertTrue(atomic.changes().isEmpty() && adder.changes().isEmpty());
        assertEquals("fd26be1", atomic.points().get(atomic.rejected().index()).shortCommit());
        assertEquals(0.011, atomic.rejected().p(), 1e-9);
        assertTrue(adder.rejected().p() > 0.5, adder.rejected().toString());
        // at p <= 0.05 it is reported there, 61% slower, and fails
        TrendResult loose = Trend.analyze(h, new TrendOptions(new EDivisive.Options(0.05, 999, 1), 0.02, null));
        RowTrend a = loose.rows().stream()
                .filter(x -> x.row().contains("counter=atomic"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, a.changes().size());
        ChangePoint c = a.changes().getFirst();
        assertEquals("fd26be1", c.first().shortCommit());
        assertEquals("05b029b", c.lastBefore().shortCommit());
        assertEquals(1.611, c.ratio(), 0.001);
        assertTrue(c.lower() > 1.2 && c.upper() < 2.4, c.toString());
        assertTrue(loose.failed());
    }
}
