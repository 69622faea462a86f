package io.counterbench.results.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.util.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordering, magnitudes, --since and the regression verdict on synthetic histories. */
class TrendTest {
    static final String MACHINE = "AMD EPYC, 2/2 CPUs, pack 1, core 2, pu 2";
    static final String REF = "ab".repeat(32);
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static String commit(int i) {
        return (String.format("%08x", i * 0x9E3779B1) + "c0ffee").repeat(3).substring(0, 40);
    }

    static SeriesPoint point(String row, int i, double log) {
        return new SeriesPoint(
                SeriesPoint.SCHEMA,
                row,
                commit(i),
                T0.plusSeconds(3600L * i).toString(),
                MACHINE,
                REF,
                log,
                log - 0.01,
                log + 0.01,
                0.99,
                12,
                "host",
                "run-" + i);
    }

    /** Two rows over 40 commits: "tree" gets 3% slower at commit 30, "adder" stays. */
    static List<SeriesPoint> history() {
        double[] tree = EDivisiveTest.series(11, 40, 10, 0.03);
        double[] adder = EDivisiveTest.series(12, 40, 0, 0);
        List<SeriesPoint> h = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            h.add(point("inc counter=tree threads=1", i, tree[i]));
            h.add(point("inc counter=adder threads=1", i, adder[i]));
        }
        return h;
    }

    @Test
    void namesTheCommitAndTheMagnitude() {
        TrendResult r = Trend.analyze(history(), TrendOptions.defaults());
        RowTrend tree = r.rows().getFirst();
        assertEquals("inc counter=tree threads=1", tree.row());
        assertEquals(1, tree.changes().size());
        ChangePoint c = tree.changes().getFirst();
        assertEquals(commit(30), c.first().commit());
        assertEquals(commit(29), c.lastBefore().commit());
        assertEquals(1.03, c.ratio(), 0.006);
        assertTrue(c.lower() > 1.01 && c.lower() < 1.03 && c.upper() > 1.03 && c.upper() < 1.05, c.toString());
        assertEquals(0.95, c.confidence(), 0.02);
        assertTrue(r.rows().get(1).changes().isEmpty());
        assertTrue(r.failed());
        assertEquals(List.of(c), r.regressions());
        assertEquals(40, r.commits());
    }

    @Test
    void ordersByCommitTimeThenFileOrder() {
        List<SeriesPoint> shuffled = new ArrayList<>(history());
        Collections.shuffle(shuffled, new java.util.Random(3));
        TrendResult a = Trend.analyze(history(), TrendOptions.defaults());
        TrendResult b = Trend.analyze(shuffled, TrendOptions.defaults());
        assertEquals(
                a.rows().getFirst().changes().getFirst().first(),
                b.rows().stream()
                        .filter(x -> x.row().contains("tree"))
                        .findFirst()
                        .orElseThrow()
                        .changes()
                        .getFirst()
                        .first());
        // two points of one commit time keep their file order
        SeriesPoint p = point("r", 1, 0.5);
        SeriesPoint q = new SeriesPoint(
                p.schema(), "r", commit(2), p.commitTime(), MACHINE, REF, 0.7, null, null, null, 3, null, null);
        SeriesPoint early = point("r", 0, 0.1);
        List<SeriesPoint> pts = Trend.analyze(List.of(q, p, early), TrendOptions.defaults())
                .rows()
                .getFirst()
                .points();
        assertEquals(List.of(early, q, p), pts);
    }

    @Test
    void sinceCountsOnlyLaterChangePoints() {
        TrendOptions before =
                new TrendOptions(EDivisive.Options.DEFAULT, 0.02, commit(29).substring(0, 10));
        TrendResult r = Trend.analyze(history(), before);
        assertTrue(r.failed(), "the step at commit 30 came after commit 29");
        TrendOptions one = new TrendOptions(EDivisive.Options.DEFAULT, 0.02, commit(30));
        assertTrue(
                Trend.analyze(history(), one).failed(), "one run after the step could not show it: it appeared later");
        TrendOptions after = new TrendOptions(EDivisive.Options.DEFAULT, 0.02, commit(36));
        assertFalse(Trend.analyze(history(), after).failed(), "the history up to commit 36 already showed the step");
        TrendOptions high = new TrendOptions(EDivisive.Options.DEFAULT, 0.05, null);
        assertFalse(Trend.analyze(history(), high).failed(), "3% is below a 5% threshold");
    }

    @Test
    void anImprovementIsNoRegression() {
        List<SeriesPoint> h = new ArrayList<>();
        double[] y = EDivisiveTest.series(13, 40, 10, -0.03);
        for (int i = 0; i < 40; i++) {
            h.add(point("row", i, y[i]));
        }
        TrendResult r = Trend.analyze(h, TrendOptions.defaults());
        assertEquals(1, r.rows().getFirst().changes().size());
        assertFalse(r.rows().getFirst().changes().getFirst().slower());
        assertFalse(r.failed());
    }

    @Test
    void badSinceAndMixedSeries() {
        List<SeriesPoint> h = history();
        InputException e = assertThrows(
                InputException.class,
                () -> Trend.analyze(h, new TrendOptions(EDivisive.Options.DEFAULT, 0.02, "deadbeef")));
        assertTrue(e.getMessage().contains("no such commit"), e.getMessage());
        assertThrows(
                InputException.class,
                () -> Trend.analyze(h, new TrendOptions(EDivisive.Options.DEFAULT, 0.02, "main")));
        List<SeriesPoint> mixed = new ArrayList<>(h);
        SeriesPoint p = h.getFirst();
        mixed.add(new SeriesPoint(
                p.schema(),
                p.row(),
                p.commit(),
                p.commitTime(),
                "Intel Xeon, 4/4 CPUs",
                REF,
                0,
                null,
                null,
                null,
                1,
                null,
                null));
        assertTrue(assertThrows(InputException.class, () -> Trend.analyze(mixed, TrendOptions.defaults()))
                .getMessage()
                .contains("mixes machines"));
        List<SeriesPoint> refs = new ArrayList<>(h);
        refs.add(new SeriesPoint(
                p.schema(),
                p.row(),
                p.commit(),
                p.commitTime(),
                MACHINE,
                "cd".repeat(32),
                0,
                null,
                null,
                null,
                1,
                null,
                null));
        assertTrue(assertThrows(InputException.class, () -> Trend.analyze(refs, TrendOptions.defaults()))
                .getMessage()
                .contains("mixes reference jars"));
    }

    @Test
    void textNamesCommitAndVerdict() {
        TrendResult r = Trend.analyze(history(), TrendOptions.defaults());
        String t = TrendText.text(r);
        assertTrue(t.contains("change before " + commit(30).substring(0, 7)), t);
        assertTrue(t.contains("REGRESSION"), t);
        assertTrue(t.contains("1 regression(s) beyond 2.00%"), t);
        assertTrue(t.contains("no change point"), t);
        String md = TrendText.markdown(r);
        assertTrue(
                md.contains("| inc counter=tree threads=1 | 40 | `" + commit(30).substring(0, 7) + "`"), md);
    }
}
