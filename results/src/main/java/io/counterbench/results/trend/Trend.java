package io.counterbench.results.trend;

import io.counterbench.results.stats.RankSum;
import io.counterbench.results.stats.Shift;
import io.counterbench.results.util.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change points over a history: the points are ordered by commit time, then by their order in the
 * files (a stable sort), split by row, and each row's log ratios go through {@link EDivisive}.
 * Each change point's magnitude compares the segment after it with the segment before it (up to
 * the neighbouring change points): the ratio of their medians, with the Hodges-Lehmann shift's
 * exact bounds ({@link RankSum}) from at most {@link RankSum#MAX_SAMPLE} points on each side,
 * those nearest the change.
 *
 * <p>With a --since commit, a change point counts as new when the history as it stood at that
 * commit (every point up to its last one) did not already show it at the same first commit: a
 * step at an older commit that more runs have only now made significant is new too.
 */
public final class Trend {

    private Trend() {}

    public static TrendResult analyze(List<SeriesPoint> history, TrendOptions o) {
        if (history.isEmpty()) {
            throw new InputException("the history has no point");
        }
        SeriesFile.checkOneSeries(history, "the history");
        List<SeriesPoint> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparing(SeriesPoint::time)); // stable: file order within one commit time
        int sinceIndex = -1;
        String since = null;
        if (o.since() != null) {
            since = resolve(ordered, o.since());
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).commit().equals(since)) {
                    sinceIndex = i;
                }
            }
        }
        Map<String, List<Integer>> byRow = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byRow.computeIfAbsent(ordered.get(i).row(), k -> new ArrayList<>()).add(i);
        }
        List<RowTrend> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byRow.entrySet()) {
            List<Integer> at = e.getValue();
            List<SeriesPoint> pts = at.stream().map(ordered::get).toList();
            double[] y = pts.stream().mapToDouble(SeriesPoint::estimate).toArray();
            EDivisive.Result r = EDivisive.detect(y, o.detector());
            List<Integer> idx = r.indices();
            java.util.Set<Integer> known = java.util.Set.of();
            if (o.since() != null) {
                final int last = sinceIndex;
                int prefix = (int) at.stream().filter(i -> i <= last).count();
                known = java.util.Set.copyOf(
                        EDivisive.detect(Arrays.copyOf(y, prefix), o.detector()).indices());
            }
            List<ChangePoint> changes = new ArrayList<>();
            for (int k = 0; k < idx.size(); k++) {
                int from = k == 0 ? 0 : idx.get(k - 1);
                int cp = idx.get(k);
                int to = k + 1 < idx.size() ? idx.get(k + 1) : y.length;
                EDivisive.Split s = r.changes().stream()
                        .filter(c -> c.index() == cp)
                        .findFirst()
                        .orElseThrow();
                boolean after = !known.contains(cp);
                changes.add(magnitude(pts, y, from, cp, to, s, after));
            }
            rows.add(new RowTrend(e.getKey(), pts, changes, r.rejected()));
        }
        return new TrendResult(ordered.getFirst().machine(), ordered.getFirst().reference(), rows, o, since);
    }

    static ChangePoint magnitude(
            List<SeriesPoint> pts, double[] y, int from, int cp, int to, EDivisive.Split s, boolean since) {
        double[] before = Arrays.copyOfRange(y, Math.max(from, cp - RankSum.MAX_SAMPLE), cp);
        double[] after = Arrays.copyOfRange(y, cp, Math.min(to, cp + RankSum.MAX_SAMPLE));
        double shift = median(after) - median(before);
        Shift hl = RankSum.shift(before, after, (1 - TrendOptions.INTERVAL) / 2);
        double confidence = hl.bounded() ? 2 * hl.confidence() - 1 : Double.NaN;
        return new ChangePoint(
                cp,
                pts.get(cp - 1),
                pts.get(cp),
                Math.exp(shift),
                Math.exp(hl.lower()),
                Math.exp(hl.upper()),
                confidence,
                s.q(),
                s.p(),
                since);
    }

    /**
     * The full commit that {@code given} (a commit or a unique prefix of at least 4 hex digits) names in the history.
     */
    static String resolve(List<SeriesPoint> points, String given) {
        String g = given.strip().toLowerCase(java.util.Locale.ROOT);
        if (!g.matches("[0-9a-f]{4,40}")) {
            throw new InputException("--since '" + given + "' is not a commit (4 to 40 hex digits)");
        }
        List<String> matches = points.stream()
                .map(SeriesPoint::commit)
                .filter(c -> c.startsWith(g))
                .distinct()
                .toList();
        if (matches.isEmpty()) {
            throw new InputException("--since " + given + ": no such commit in the history ("
                    + points.stream().map(SeriesPoint::commit).distinct().count() + " commits recorded)");
        }
        if (matches.size() > 1) {
            throw new InputException("--since " + given + " is ambiguous: " + matches.size()
                    + " commits start with it (e.g. " + matches.get(0) + ", " + matches.get(1) + ")");
        }
        return matches.getFirst();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
