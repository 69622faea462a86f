package io.counterbench.results.report.chart;

import java.util.List;

/**
 * A line chart in the report: a title that asks the chart's question, a subtitle saying what is
 * drawn and what it cannot tell, two axes (linear or logarithmic) and series of points with
 * optional intervals. {@link ChartRenderer} draws it; points it cannot draw (NaN, or not positive
 * on a log axis) are left out, and no line joins two points across an x value that other series
 * measured and this one did not.
 */
public record ChartSpec(
        String title, String subtitle, String xLabel, String yLabel, boolean xLog, boolean yLog, List<Series> series) {

    public ChartSpec {
        series = List.copyOf(series);
        subtitle = subtitle == null ? "" : subtitle;
    }

    /** One line; its style says colour, marker and line style (see {@link SeriesStyle}). */
    public record Series(String name, List<Point> points, SeriesStyle style) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A point; lo and hi are the interval's ends (NaN: no interval). */
    public record Point(double x, double y, double lo, double hi) {
        public static Point of(double x, double y) {
            return new Point(x, y, Double.NaN, Double.NaN);
        }

        /** True when the point carries an interval. */
        public boolean hasInterval() {
            return Double.isFinite(lo) && Double.isFinite(hi);
        }
    }

    /** True when at least one point can be drawn. */
    public boolean drawable() {
        return series.stream().flatMap(s -> s.points().stream()).anyMatch(this::drawable);
    }

    /** True when p can be drawn on these axes. */
    public boolean drawable(Point p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!xLog || p.x() > 0) && (!yLog || p.y() > 0);
    }
}
