package io.counterbench.results.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link HeatmapSpec} as SVG with JFreeChart's block renderer: one square per cell coloured
 * on a perceptually ordered scale (light is fast, dark is slow), a colour bar with the unit, cells
 * without a value left white, and each cell's value written in it when the matrix is small. A matrix
 * larger than {@value #MAX_CELLS} per side is binned first (consecutive items, so topology order
 * keeps its blocks) to the median of the measured cells of each bin, and the subtitle says so.
 * Output is deterministic, like {@link ChartRenderer}'s.
 */
public final class HeatmapRenderer {
    /** 64 x 64 cells keep a heatmap's SVG near 1.5 MB; 384 CPUs become 64 runs of 6. */
    public static final int MAX_CELLS = 64;
    /** Cells get their value written in them up to this many per side. */
    static final int LABELLED_CELLS = 16;

    private static final int SIZE = 720;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Light to dark: pale yellow, orange, red, purple, near black (sequential, readable in grey). */
    private static final Color[] RAMP = {
        new Color(0xFCFDBF),
        new Color(0xFEB078),
        new Color(0xF1605D),
        new Color(0xB63679),
        new Color(0x721F81),
        new Color(0x2D1160)
    };

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private HeatmapRenderer() {}

    /** The chart as a standalone SVG element, ids prefixed with {@code id}. */
    public static String svg(String id, HeatmapSpec spec) {
        String prefix = id.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        HeatmapSpec s = spec.size() > MAX_CELLS ? binned(spec, MAX_CELLS) : spec;
        int n = s.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int cells = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = s.at(i, j);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    cells++;
                }
            }
        }
        if (cells == 0) {
            return String.format(
                    Locale.ROOT,
                    "<svg id=\"%ssvg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"120\" viewBox=\"0 0 "
                            + "%d 120\"><title>%s</title><rect width=\"%d\" height=\"120\" fill=\"white\"/>"
                            + "<text x=\"10\" y=\"24\" font-family=\"sans-serif\" font-size=\"15\" "
                            + "font-weight=\"bold\">%s</text><text x=\"10\" y=\"60\" font-family=\"sans-serif\" "
                            + "font-size=\"12\">no data to draw</text></svg>%n",
                    prefix,
                    SIZE,
                    SIZE,
                    Markup.esc(spec.title()),
                    SIZE,
                    Markup.esc(spec.title()));
        }
        if (hi - lo < 0.2 * Math.abs(hi)) {
            // (nearly) one value: a scale of +-10% around it, so the colour bar reads as a plain number
            double mid = (hi + lo) / 2;
            double half = Math.max(0.1 * Math.abs(mid), 0.5);
            lo = Math.min(lo, mid - half);
            hi = Math.max(hi, mid + half);
        }
        double[] xs = new double[cells];
        double[] ys = new double[cells];
        double[] zs = new double[cells];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = s.at(i, j);
                if (Double.isFinite(v)) {
                    xs[k] = j;
                    ys[k] = i;
                    zs[k] = v;
                    k++;
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", new double[][] {xs, ys, zs});
        Scale scale = new Scale(lo, hi);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        String[] names = s.labels().toArray(String[]::new);
        SymbolAxis x = axis(s.axisLabel(), names, n);
        SymbolAxis y = axis(s.axisLabel(), names, n);
        y.setInverted(true); // row 0 at the top, as a matrix reads
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(new Color(0x444444));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (n <= LABELLED_CELLS) {
            Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 8 ? 12 : 9);
            for (int c = 0; c < cells; c++) {
                XYTextAnnotation a = new XYTextAnnotation(TickFormat.text(zs[c]), xs[c], ys[c]);
                a.setFont(cellFont);
                a.setPaint(scale.darkness(zs[c]) > 0.55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(a);
            }
        }

        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 8, 6, 14));
        TextTitle title = new TextTitle(s.title(), TITLE);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(title);
        if (!s.subtitle().isEmpty()) {
            TextTitle t = new TextTitle(s.subtitle(), SUBTITLE);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPaint(new Color(0x444444));
            t.setPadding(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(t);
        }
        NumberAxis bar = new NumberAxis(s.unit());
        bar.setRange(lo, hi);
        bar.setLabelFont(LABEL);
        bar.setTickLabelFont(TICK);
        bar.setNumberFormatOverride(new TickFormat());
        bar.setTickUnit(
                new NumberTickUnit(tickStep((hi - lo) / 6))); // about six ticks, not one per pixel row of labels
        PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 10, 4, 4));
        legend.setStripWidth(14);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);

        SVGGraphics2D g2 = new SVGGraphics2D(SIZE + 90, SIZE);
        g2.setDefsKeyPrefix(prefix);
        g2.setGeomDoubleConverter(
                HeatmapRenderer::oneDecimal); // thousands of cells: short coordinates keep the file small
        chart.draw(g2, new Rectangle(0, 0, SIZE + 90, SIZE));
        String svg = g2.getSVGElement(prefix + "svg", true, new ViewBox(0, 0, SIZE + 90, SIZE), null, null);
        int close = svg.indexOf('>');
        return svg.substring(0, close + 1) + "<title>" + Markup.esc(spec.title()) + "</title>"
                + svg.substring(close + 1) + "\n";
    }

    /** 1, 2 or 5 times a power of ten, the smallest such step at least {@code raw}. */
    public static double tickStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** 12.0 as "12", 702.6000000000013 as "702.6": locale-free, at most one decimal. */
    private static String oneDecimal(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    /** An axis of item labels; with many items only every k-th is labelled (about 32 labels). */
    private static SymbolAxis axis(String label, String[] names, int n) {
        int every = Math.max(1, (int) Math.ceil(n / 32.0));
        String[] shown = new String[n];
        for (int i = 0; i < n; i++) {
            shown[i] = i % every == 0 ? names[i] : "";
        }
        SymbolAxis a = new SymbolAxis(label, shown);
        a.setGridBandsVisible(false);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setRange(-0.5, n - 0.5);
        a.setAutoRange(false);
        return a;
    }

    /**
     * The matrix cut into {@code bins} runs of consecutive items; a bin's cell is the median of the
     * finite values in it (NaN when none), labelled by the bin's first and last item.
     */
    public static HeatmapSpec binned(HeatmapSpec s, int bins) {
        int n = s.size();
        int[] start = new int[bins + 1];
        for (int b = 0; b <= bins; b++) {
            start[b] = (int) ((long) b * n / bins);
        }
        double[][] v = new double[bins][bins];
        String[] labels = new String[bins];
        for (int bi = 0; bi < bins; bi++) {
            labels[bi] = s.labels().get(start[bi])
                    + (start[bi + 1] - 1 > start[bi] ? "-" + s.labels().get(start[bi + 1] - 1) : "");
            for (int bj = 0; bj < bins; bj++) {
                double[] vals = new double[(start[bi + 1] - start[bi]) * (start[bj + 1] - start[bj])];
                int m = 0;
                for (int i = start[bi]; i < start[bi + 1]; i++) {
                    for (int j = start[bj]; j < start[bj + 1]; j++) {
                        if (Double.isFinite(s.at(i, j))) {
                            vals[m++] = s.at(i, j);
                        }
                    }
                }
                v[bi][bj] = median(Arrays.copyOf(vals, m));
            }
        }
        return new HeatmapSpec(
                s.title(),
                (s.subtitle().isEmpty() ? "" : s.subtitle() + " ") + "Binned: " + n + " items in " + bins
                        + " runs of consecutive ones, each cell the median of its measured cells.",
                s.axisLabel(),
                java.util.List.of(labels),
                v,
                s.unit());
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Maps a value in [lo, hi] to the ramp, linearly. */
    private static final class Scale implements PaintScale {
        private final double lo;
        private final double hi;

        Scale(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        /** 0 for the lowest value, 1 for the highest. */
        double darkness(double value) {
            double t = (value - lo) / (hi - lo);
            return Math.max(0, Math.min(1, t));
        }

        @Override
        public Paint getPaint(double value) {
            double t = darkness(value) * (RAMP.length - 1);
            int i = Math.min(RAMP.length - 2, (int) Math.floor(t));
            double f = t - i;
            Color a = RAMP[i];
            Color b = RAMP[i + 1];
            return new Color(
                    mix(a.getRed(), b.getRed(), f),
                    mix(a.getGreen(), b.getGreen(), f),
                    mix(a.getBlue(), b.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
