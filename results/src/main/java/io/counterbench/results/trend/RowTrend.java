package io.counterbench.results.trend;

import java.util.List;

/**
 * One row's series in commit order and its change points (ascending); {@code rejected} is the
 * best split that the permutation test did not accept (null when there was none to test).
 */
public record RowTrend(String row, List<SeriesPoint> points, List<ChangePoint> changes, EDivisive.Split rejected) {
    public RowTrend {
        points = List.copyOf(points);
        changes = List.copyOf(changes);
    }
}
