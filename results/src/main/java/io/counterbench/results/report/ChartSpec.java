package io.counterbench.results.report;

import java.util.List;

/**
 * A line chart: series of (x, y) points with optional error bars, on linear or logarithmic axes.
 * Points whose value cannot be drawn (NaN, or not positive on a log axis) are left out by the renderer.
 */
public record ChartSpec(String title, String xLabel, String yLabel, boolean xLog, boolean yLog, List<Series> series) {

    public ChartSpec {
        series = List.copyOf(series);
    }

    /** One line; {@code color} picks the palette entry so that related series (worst, bound) share one. */
    public record Series(String name, List<Point> points, boolean dashed, int color) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A point; lo and hi are the error bar's ends (NaN: no bar). */
    public record Point(double x, double y, double lo, double hi) {
        public static Point of(double x, double y) {
            return new Point(x, y, Double.NaN, Double.NaN);
        }

        /** y +- err, no bar when err is NaN or infinite. */
        public static Point withError(double x, double y, double err) {
            return Double.isFinite(err) ? new Point(x, y, y - err, y + err) : of(x, y);
        }
    }

    /** True when at least one point can be drawn. */
    public boolean drawable() {
        return series.stream().flatMap(s -> s.points().stream())
                .anyMatch(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!xLog || p.x() > 0) && (!yLog || p.y() > 0));
    }
}
