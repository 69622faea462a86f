package io.counterbench.results.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link ChartSpec} as SVG with JFreeChart and JFreeSVG.
 *
 * <p>Why JFreeChart 1.5.6 + JFreeSVG 5.0.6 and not XChart 3.8.8 (both tried on a log-log chart with
 * error bars): JFreeChart takes asymmetric intervals (the across-fork intervals are not symmetric
 * about the median), lets a renderer mark an interval that leaves the frame, and JFreeSVG writes
 * text as text (about 150 KB a chart, searchable, styled by the browser's sans-serif); XChart
 * takes symmetric error bars only, refuses to draw at all when a bar reaches 0 on a log axis, writes
 * SVG through VectorGraphics2D with every glyph as an outline (about 600 KB a chart), and brings
 * pdfbox and junit-jupiter onto the compile classpath. Both libraries are maintained; JFreeChart and
 * JFreeSVG have no dependencies.
 *
 * <p>The renderer chooses the axes: log axes step by powers of two over short spans (CPU and
 * thread counts read as 8, 16, 32...) and by powers of ten over long ones; a y axis covers the
 * points and their intervals up to a limit, and an interval beyond it ends in an arrowhead at the
 * frame with a note under the title. Output is deterministic (stable ids), so regenerated reports
 * diff cleanly.
 */
public final class ChartRenderer {
    static final int WIDTH = 820;
    static final int HEIGHT = 520;
    static final String CLIPPED_NOTE = "\u25B2\u25BC an interval continues beyond the frame";
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDDDDDD);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {}

    /** A legend key: the series name, unique by index (two series may share a name). */
    private record Key(int index, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The chart as a standalone SVG element (no XML prolog), its ids prefixed with {@code id}. */
    public static String svg(String id, ChartSpec spec) {
        List<ChartSpec.Point> all = spec.series().stream()
                .flatMap(s -> s.points().stream())
                .filter(spec::drawable)
                .toList();
        String prefix = id.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        if (all.isEmpty()) {
            return empty(prefix, spec);
        }
        AxisRange x = AxisRange.of(
                all.stream().mapToDouble(ChartSpec.Point::x).toArray(), new double[0], spec.xLog(), false, true);
        double[] ends = all.stream()
                .filter(ChartSpec.Point::hasInterval)
                .flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.lo(), p.hi()))
                .toArray();
        double[] ys = all.stream().mapToDouble(ChartSpec.Point::y).toArray();
        boolean fromZero = !spec.yLog() && java.util.Arrays.stream(ys).allMatch(y -> y >= 0);
        AxisRange y = AxisRange.of(ys, ends, spec.yLog(), fromZero, false);
        boolean clipped = all.stream().anyMatch(p -> p.hasInterval() && (y.outside(p.lo()) || y.outside(p.hi())));

        TreeSet<Double> grid = new TreeSet<>();
        all.forEach(p -> grid.add(p.x()));
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        IntervalLineRenderer renderer = new IntervalLineRenderer();
        int i = 0;
        for (ChartSpec.Series s : spec.series()) {
            List<ChartSpec.Point> ps = s.points().stream()
                    .filter(spec::drawable)
                    .sorted(Comparator.comparingDouble(ChartSpec.Point::x))
                    .toList();
            if (ps.isEmpty()) {
                continue; // nothing to draw: no legend entry either (the chart's subtitle says what is left out)
            }
            YIntervalSeries ys2 = new YIntervalSeries(new Key(i, s.name()), false, true);
            for (ChartSpec.Point p : s.style().kind() == SeriesStyle.Kind.MEASURED ? withGaps(ps, grid) : ps) {
                ys2.add(p.x(), p.y(), p.hasInterval() ? p.lo() : Double.NaN, p.hasInterval() ? p.hi() : Double.NaN);
            }
            data.addSeries(ys2);
            style(renderer, i, s.style());
            renderer.setSeriesVisibleInLegend(i, !s.name().isEmpty());
            i++;
        }
        XYPlot plot =
                new XYPlot(data, axis(spec.xLabel(), x, spec.xLog()), axis(spec.yLabel(), y, spec.yLog()), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlinePaint(new Color(0x444444));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (fromZero || !spec.yLog() && y.lower < 0) {
            plot.setRangeZeroBaselineVisible(true);
        }

        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 8, 6, 14));
        TextTitle title = new TextTitle(spec.title(), TITLE);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setTextAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(title);
        String sub = spec.subtitle() + (clipped ? (spec.subtitle().isEmpty() ? "" : " ") + CLIPPED_NOTE + "." : "");
        if (!sub.isEmpty()) {
            TextTitle t = new TextTitle(sub, SUBTITLE);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setTextAlignment(HorizontalAlignment.LEFT);
            t.setPaint(new Color(0x444444));
            t.setPadding(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(t);
        }
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 10));
        chart.addSubtitle(legend);

        int legendRows = legendRows(spec);
        int height = HEIGHT + Math.max(0, legendRows - 2) * 18;
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        g2.setDefsKeyPrefix(prefix);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
        String svg = g2.getSVGElement(prefix + "svg", true, new ViewBox(0, 0, WIDTH, height), null, null);
        int close = svg.indexOf('>');
        return svg.substring(0, close + 1) + "<title>" + Markup.esc(spec.title()) + "</title>"
                + svg.substring(close + 1) + "\n";
    }

    /**
     * The points (sorted by x) with a NaN point inserted wherever the chart's {@code grid} (every x
     * some series measured) has an x between two consecutive points: JFreeChart draws no segment
     * to or from a NaN, so no line crosses an x value this series did not measure.
     */
    static List<ChartSpec.Point> withGaps(List<ChartSpec.Point> sorted, java.util.NavigableSet<Double> grid) {
        List<ChartSpec.Point> out = new ArrayList<>();
        ChartSpec.Point prev = null;
        for (ChartSpec.Point p : sorted) {
            if (prev != null) {
                Double between = grid.higher(prev.x());
                if (between != null && between < p.x()) {
                    out.add(ChartSpec.Point.of(between, Double.NaN));
                }
            }
            out.add(p);
            prev = p;
        }
        return out;
    }

    /** About how many legend rows the series need (the chart grows to keep the plot its size). */
    private static int legendRows(ChartSpec spec) {
        int chars = 0;
        int rows = 1;
        for (ChartSpec.Series s : spec.series()) {
            int w = s.name().length() + 8;
            if (chars + w > 100) {
                rows++;
                chars = 0;
            }
            chars += w;
        }
        return rows;
    }

    private static ValueAxis axis(String label, AxisRange r, boolean log) {
        ValueAxis a;
        if (log) {
            boolean narrow = !r.integers && NarrowLogAxis.wanted(r.lower, r.upper, r.base);
            LogAxis l = narrow ? new NarrowLogAxis(label) : new LogAxis(label);
            l.setBase(r.base);
            l.setSmallestValue(r.lower / 2);
            l.setAutoTickUnitSelection(false);
            l.setTickUnit(new NumberTickUnit(r.step));
            l.setMinorTickCount(r.base == 10 && r.step == 1 ? 10 : 1);
            l.setMinorTickMarksVisible(r.base == 10 && r.step == 1);
            l.setNumberFormatOverride(new TickFormat());
            a = l;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            n.setNumberFormatOverride(new TickFormat());
            // about eight ticks: 1, 2 or 5 times a power of ten (whole steps for counts)
            double step = AxisRange.nice((r.upper - r.lower) / 8);
            n.setTickUnit(new NumberTickUnit(r.integers ? Math.max(1, Math.rint(step)) : step));
            a = n;
        }
        a.setRange(r.lower, r.upper);
        a.setAutoRange(false);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(new Color(0x333333));
        return a;
    }

    private static void style(IntervalLineRenderer r, int i, SeriesStyle s) {
        r.setSeriesPaint(i, s.color());
        r.setSeriesFillPaint(i, s.hollow() ? Color.WHITE : s.color());
        r.setSeriesOutlinePaint(i, s.color());
        float width = switch (s.kind()) {
            case MEASURED -> 2.0f;
            case BOUND -> 1.4f;
            case REFERENCE -> 1.6f;
        };
        r.setSeriesStroke(i, stroke(width, s.kind() == SeriesStyle.Kind.BOUND ? 1 : s.dash()));
        r.setSeriesOutlineStroke(i, new BasicStroke(1.4f));
        boolean markers = s.marker() != null;
        r.setSeriesShapesVisible(i, markers);
        if (markers) {
            r.setSeriesShape(i, shape(s.marker()));
        }
    }

    /** Line styles: solid, dashed, dotted, dash-dotted, then again. */
    static Stroke stroke(float width, int dash) {
        float[][] dashes = {null, {7f, 4f}, {1.5f, 3f}, {8f, 3f, 1.5f, 3f}};
        float[] d = dashes[Math.floorMod(dash, dashes.length)];
        return d == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }

    static Shape shape(CounterStyle.Marker m) {
        float s = 4.2f;
        return switch (m) {
            case CIRCLE -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case SQUARE -> new Rectangle2D.Double(-s * 0.9, -s * 0.9, 1.8 * s, 1.8 * s);
            case DIAMOND -> ShapeUtils.createDiamond(s * 1.2f);
            case UP_TRIANGLE -> ShapeUtils.createUpTriangle(s * 1.1f);
            case DOWN_TRIANGLE -> ShapeUtils.createDownTriangle(s * 1.1f);
            case LEFT_TRIANGLE -> leftTriangle(s * 1.1f);
            case CROSS -> ShapeUtils.createDiagonalCross(s, 1.2f);
            case PLUS -> ShapeUtils.createRegularCross(s * 1.2f, 1.2f);
        };
    }

    private static Shape leftTriangle(float s) {
        java.awt.geom.GeneralPath p = new java.awt.geom.GeneralPath();
        p.moveTo(-s, 0);
        p.lineTo(s, -s);
        p.lineTo(s, s);
        p.closePath();
        return p;
    }

    private static String empty(String prefix, ChartSpec spec) {
        return String.format(
                Locale.ROOT,
                "<svg id=\"%ssvg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"120\" viewBox=\"0 0 %d "
                        + "120\"><title>%s</title><rect width=\"%d\" height=\"120\" fill=\"white\"/>"
                        + "<text x=\"10\" y=\"24\" font-family=\"sans-serif\" font-size=\"15\" "
                        + "font-weight=\"bold\">%s</text><text x=\"10\" y=\"60\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">no data to draw</text></svg>%n",
                prefix,
                WIDTH,
                WIDTH,
                Markup.esc(spec.title()),
                WIDTH,
                Markup.esc(spec.title()));
    }

    /** The legend line: long enough to show a dash pattern. */
    static Shape legendLine() {
        return new Line2D.Double(-14, 0, 14, 0);
    }

    /** A chart's axis: its range, and for log axes the base and the tick step in powers of it. */
    static final class AxisRange {
        final double lower;
        final double upper;
        final double base;
        final double step;
        final boolean integers;

        private AxisRange(double lower, double upper, double base, double step, boolean integers) {
            this.lower = lower;
            this.upper = upper;
            this.base = base;
            this.step = step;
            this.integers = integers;
        }

        /**
         * The range for {@code values}, widened for interval {@code ends} by at most half the axis'
         * own extent on each side (a third of it, at least a factor of 4, on a log axis), so that one
         * wild interval does not flatten every line; ends beyond that are drawn clipped and marked.
         * {@code counts}: the values are CPU or thread counts (a log axis steps by powers of two).
         */
        static AxisRange of(double[] values, double[] ends, boolean log, boolean fromZero, boolean counts) {
            double lo = java.util.Arrays.stream(values).min().orElseThrow();
            double hi = java.util.Arrays.stream(values).max().orElseThrow();
            boolean integers = java.util.Arrays.stream(values).allMatch(v -> v == Math.rint(v));
            if (log) {
                double l0 = Math.log(lo);
                double h0 = Math.log(hi);
                double reach = Math.max((h0 - l0) / 3, Math.log(4));
                double l = l0;
                double h = h0;
                for (double e : ends) {
                    if (e > 0) {
                        l = Math.min(l, Math.max(Math.log(e), l0 - reach));
                        h = Math.max(h, Math.min(Math.log(e), h0 + reach));
                    }
                }
                double pad = Math.max((h - l) * 0.06, Math.log(1.25));
                double lower = Math.exp(l - pad);
                double upper = Math.exp(h + pad);
                double decades = Math.log10(upper / lower);
                // powers of two for short spans and for CPU and thread counts (8, 16, 32...), powers of ten otherwise
                double base = decades < 2.5 || counts && integers && lo >= 1 && upper / lower <= 1 << 16 ? 2 : 10;
                if (base == 2 && counts && integers && lo >= 1) {
                    // counts that are no power of two (384 CPUs) still get a labelled power of two on each side
                    lower = Math.min(lower, Math.pow(2, Math.floor(Math.log(lo) / Math.log(2))) * (1 - 1e-9));
                    upper = Math.max(upper, Math.pow(2, Math.ceil(Math.log(hi) / Math.log(2))) * (1 + 1e-9));
                }
                if (base == 10) {
                    // snap to the decade when it is near, so that the ends carry a label (0.1, 1,000)
                    double down = Math.pow(10, Math.floor(Math.log10(lower)));
                    double up = Math.pow(10, Math.ceil(Math.log10(upper)));
                    // a hair beyond the decade: JFreeChart's LogAxis leaves out a tick that sits exactly on the range's
                    // end
                    lower = lower / down < 2.5 ? down * (1 - 1e-9) : lower;
                    upper = up / upper < 2.5 ? up * (1 + 1e-9) : upper;
                }
                double powers = Math.log(upper / lower) / Math.log(base);
                double step = Math.max(1, Math.ceil(powers / 12));
                return new AxisRange(lower, upper, base, step, integers);
            }
            // intervals may reach half the axis' own extent beyond the points (a tenth of the largest value at least)
            double span = fromZero ? hi - Math.min(0, lo) : hi - lo;
            double reach = Math.max(span / 2, Math.max(Math.abs(hi), Math.abs(lo)) / 10);
            reach = reach > 0 ? reach : 1;
            double l = lo;
            double h = hi;
            for (double e : ends) {
                if (Double.isFinite(e)) {
                    l = Math.min(l, Math.max(e, lo - reach));
                    h = Math.max(h, Math.min(e, hi + reach));
                }
            }
            if (fromZero) {
                l = Math.min(0, l);
            }
            boolean nonNegative = l >= 0;
            double pad = h > l ? (h - l) * 0.06 : Math.max(Math.abs(h), 1) * 0.5;
            if (integers && h - l < 12) {
                pad = Math.max(pad, 0.35);
            }
            double lower = fromZero && l >= 0 ? 0 : l - pad;
            if (nonNegative && lower < 0 && !(integers && h - l < 12)) {
                lower = 0; // a count or a time axis does not start below zero
            }
            return new AxisRange(lower, h + pad, 10, 1, integers);
        }

        static double nice(double raw) {
            if (!(raw > 0)) {
                return 1;
            }
            double e = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / e;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
        }

        boolean outside(double v) {
            return !(v >= lower && v <= upper);
        }
    }
}
