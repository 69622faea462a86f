package io.counterbench.results.trend;

import java.util.List;

/**
 * The change points of every row of one series (one machine, one reference jar), and the
 * regressions beyond the threshold since the --since commit, which fail a scheduled job.
 *
 * @param since the full commit given with --since, null when none was
 */
public record TrendResult(String machine, String reference, List<RowTrend> rows, TrendOptions options, String since) {
    public TrendResult {
        rows = List.copyOf(rows);
    }

    /** Change points since --since (all without it) that made the row slower by more than the threshold. */
    public List<ChangePoint> regressions() {
        return rows.stream()
                .flatMap(r -> r.changes().stream())
                .filter(c -> c.since() && c.ratio() - 1 > options.threshold())
                .toList();
    }

    public boolean failed() {
        return !regressions().isEmpty();
    }

    /** The commits of the series, each once. */
    public long commits() {
        return rows.stream()
                .flatMap(r -> r.points().stream())
                .map(SeriesPoint::commit)
                .distinct()
                .count();
    }
}
