package io.counterbench.results.report.section;

import io.counterbench.results.report.Scores;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a chart's points by series name, each series with the style of its first point. */
final class SeriesSet {
    private static final String HIDDEN = "\u0000";
    private final Map<String, SeriesStyle> styles = new LinkedHashMap<>();
    private final Map<String, List<ChartSpec.Point>> points = new LinkedHashMap<>();

    void add(String name, SeriesStyle style, ChartSpec.Point p) {
        styles.putIfAbsent(name, style);
        points.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
    }

    /**
     * A point of counter {@code id}'s bound: drawn thin and dashed in its colour, without a legend entry of its own.
     */
    void addBound(String id, ChartSpec.Point p) {
        add(HIDDEN + id, SeriesStyle.bound(id), p);
    }

    /** A point with the scores' interval. */
    void add(String name, SeriesStyle style, double x, Scores s) {
        add(
                name,
                style,
                s.hasInterval()
                        ? new ChartSpec.Point(x, s.value(), s.lower(), s.upper())
                        : ChartSpec.Point.of(x, s.value()));
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    int size() {
        return points.size();
    }

    List<ChartSpec.Series> series() {
        List<ChartSpec.Series> out = new ArrayList<>();
        points.forEach(
                (name, ps) -> out.add(new ChartSpec.Series(name.startsWith(HIDDEN) ? "" : name, ps, styles.get(name))));
        return out;
    }
}
