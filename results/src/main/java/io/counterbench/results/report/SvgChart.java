package io.counterbench.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws a {@link ChartSpec} as a standalone SVG document (no fonts, scripts or links to load), so
 * that it can sit inline in report.html and as charts/ID.svg next to report.md.
 */
public final class SvgChart {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"};
    private static final int WIDTH = 720;
    private static final int LEFT = 78;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int PLOT_HEIGHT = 280;
    private static final int LEGEND_ENTRY_WIDTH = 150;
    private static final int LEGEND_ROW = 18;
    private static final int LEGEND_CHARS = 80;

    private SvgChart() {
    }

    public static String render(ChartSpec spec) {
        List<ChartSpec.Point> pts = new ArrayList<>();
        for (ChartSpec.Series s : spec.series()) {
            for (ChartSpec.Point p : s.points()) {
                if (drawable(spec, p)) {
                    pts.add(p);
                }
            }
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int longest = spec.series().stream().mapToInt(s -> Math.min(LEGEND_CHARS, s.name().length())).max().orElse(0);
        int entryWidth = Math.max(LEGEND_ENTRY_WIDTH, 36 + longest * 7);
        int perRow = Math.max(1, plotWidth / entryWidth);
        int legendRows = (spec.series().size() + perRow - 1) / perRow;
        int height = TOP + PLOT_HEIGHT + 52 + legendRows * LEGEND_ROW + 8;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">%n",
                WIDTH, height, WIDTH, height));
        b.append("<title>").append(esc(spec.title())).append("</title>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", 12, esc(truncate(spec.title(), 90))));
        if (pts.isEmpty()) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no data to draw</text>%n", LEFT, TOP + PLOT_HEIGHT / 2));
            return b.append("</svg>\n").toString();
        }
        Axis x = Axis.of(pts.stream().mapToDouble(ChartSpec.Point::x).toArray(), spec.xLog(), false, LEFT, LEFT + plotWidth);
        double[] ys = pts.stream().mapToDouble(ChartSpec.Point::y).toArray();
        Axis y = Axis.of(ys, spec.yLog(), true, TOP + PLOT_HEIGHT, TOP);
        // grid and ticks
        b.append("<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
        for (double t : y.ticks) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n", LEFT, y.map(t), LEFT + plotWidth, y.map(t)));
        }
        for (double t : x.ticks) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", x.map(t), TOP, x.map(t), TOP + PLOT_HEIGHT));
        }
        b.append("</g>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, plotWidth, PLOT_HEIGHT));
        for (double t : y.ticks) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y.map(t) + 4, tick(t)));
        }
        for (double t : x.ticks) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x.map(t), TOP + PLOT_HEIGHT + 16, tick(t)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", LEFT + plotWidth / 2,
                TOP + PLOT_HEIGHT + 34, esc(spec.xLabel()), spec.xLog() ? " (log scale)" : ""));
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s%s</text>%n",
                TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2, esc(spec.yLabel()), spec.yLog() ? " (log scale)" : ""));
        // series
        for (ChartSpec.Series s : spec.series()) {
            String color = PALETTE[Math.floorMod(s.color(), PALETTE.length)];
            List<ChartSpec.Point> ps = s.points().stream().filter(p -> drawable(spec, p))
                    .sorted(Comparator.comparingDouble(ChartSpec.Point::x)).toList();
            if (ps.isEmpty()) {
                continue;
            }
            b.append("<g>\n");
            b.append("<title>").append(esc(s.name())).append("</title>\n");
            StringBuilder path = new StringBuilder();
            for (ChartSpec.Point p : ps) {
                path.append(path.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x.map(p.x()), y.map(p.y())));
            }
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n", color,
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : "", path));
            for (ChartSpec.Point p : ps) {
                double px = x.map(p.x());
                double py = y.map(p.y());
                if (Double.isFinite(p.lo()) && Double.isFinite(p.hi())) {
                    double lo = y.clamp(p.lo());
                    double hi = y.clamp(p.hi());
                    b.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fh8M%.1f %.1fh8\" stroke=\"%s\" stroke-width=\"1\"/>%n",
                            px, y.map(lo), y.map(hi), px - 4, y.map(lo), px - 4, y.map(hi), color));
                }
                if (s.dashed()) {
                    b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"white\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                            px - 3, py - 3, color));
                } else {
                    b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px, py, color));
                }
            }
            b.append("</g>\n");
        }
        // legend
        int ly = TOP + PLOT_HEIGHT + 52;
        for (int i = 0; i < spec.series().size(); i++) {
            ChartSpec.Series s = spec.series().get(i);
            String color = PALETTE[Math.floorMod(s.color(), PALETTE.length)];
            int lx = LEFT + (i % perRow) * entryWidth;
            int row = ly + (i / perRow) * LEGEND_ROW;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    lx, row - 4, lx + 22, row - 4, color, s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 28, row, esc(truncate(s.name(), LEGEND_CHARS))));
        }
        return b.append("</svg>\n").toString();
    }

    private static boolean drawable(ChartSpec spec, ChartSpec.Point p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!spec.xLog() || p.x() > 0) && (!spec.yLog() || p.y() > 0);
    }

    /** Tick label: 12, 0.5, 1.5k, 20M. */
    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** One axis: data range to pixels, and its ticks. */
    private static final class Axis {
        final boolean log;
        final double min;
        final double max;
        final double p0;
        final double p1;
        final List<Double> ticks;

        private Axis(boolean log, double min, double max, double p0, double p1, List<Double> ticks) {
            this.log = log;
            this.min = min;
            this.max = max;
            this.p0 = p0;
            this.p1 = p1;
            this.ticks = ticks;
        }

        static Axis of(double[] values, boolean log, boolean fromZero, double p0, double p1) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (log) {
                TreeSet<Double> distinct = new TreeSet<>();
                for (double v : values) {
                    distinct.add(v);
                }
                boolean powersOfTwo = distinct.stream().allMatch(v -> v >= 1 && v == Math.rint(v) && Long.bitCount((long) (double) v) == 1);
                if (powersOfTwo && !fromZero) {
                    double mn = lo == hi ? lo / 2 : lo;
                    double mx = lo == hi ? hi * 2 : hi;
                    List<Double> t = new ArrayList<>();
                    int e0 = (int) Math.round(Math.log(Math.max(1, mn)) / Math.log(2));
                    int e1 = (int) Math.round(Math.log(mx) / Math.log(2));
                    int step = Math.max(1, (e1 - e0 + 11) / 12);
                    for (int e = e0; e <= e1; e += step) {
                        t.add(Math.pow(2, e));
                    }
                    return new Axis(true, mn, mx, p0, p1, t);
                }
                double mn = Math.pow(10, Math.floor(Math.log10(lo)));
                double mx = Math.pow(10, Math.ceil(Math.log10(hi)));
                if (mn == mx) {
                    mx = mn * 10;
                }
                List<Double> t = new ArrayList<>();
                boolean fine = Math.log10(mx / mn) <= 2;
                for (double d = mn; d <= mx * 1.0001; d *= 10) {
                    t.add(d);
                    if (fine && d * 2 < mx) {
                        t.add(d * 2);
                        t.add(d * 5);
                    }
                }
                return new Axis(true, mn, mx, p0, p1, t);
            }
            TreeSet<Double> distinct = new TreeSet<>();
            for (double v : values) {
                distinct.add(v);
            }
            if (!fromZero && distinct.size() <= 12 && distinct.stream().allMatch(v -> v == Math.rint(v))) {
                double mn = lo == hi ? lo - 1 : lo - (hi - lo) * 0.05;
                double mx = lo == hi ? hi + 1 : hi + (hi - lo) * 0.05;
                return new Axis(false, mn, mx, p0, p1, List.copyOf(distinct));
            }
            if (fromZero && lo > 0) {
                lo = 0;
            }
            if (lo == hi) {
                hi = lo == 0 ? 1 : lo + Math.abs(lo);
            }
            double step = nice((hi - lo) / 5);
            double mn = Math.floor(lo / step) * step;
            double mx = Math.ceil(hi * 1.02 / step) * step;
            List<Double> t = new ArrayList<>();
            for (double v = mn; v <= mx + step / 2; v += step) {
                t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return new Axis(false, mn, mx, p0, p1, t);
        }

        static double nice(double raw) {
            double e = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / e;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
        }

        double map(double v) {
            double f = log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
            return p0 + f * (p1 - p0);
        }

        double clamp(double v) {
            if (log && v <= 0) {
                return min;
            }
            return Math.max(min, Math.min(max, v));
        }
    }
}
