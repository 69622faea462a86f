package io.counterbench.results.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis that spans less than two powers of its base (a trend's 0.8x to 1.05x, say), where ticks at powers of
 * the base would leave one label or none: its ticks sit at round values (1, 2 or 5 times a power of ten apart, about
 * six to ten of them), still placed on the log scale.
 */
final class NarrowLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    NarrowLogAxis(String label) {
        super(label);
    }

    /** True when a log range from {@code lower} to {@code upper} in {@code base} would show fewer than 3 ticks. */
    static boolean wanted(double lower, double upper, double base) {
        return Math.log(upper / lower) / Math.log(base) < 2;
    }

    /** The round values between {@code lower} and {@code upper}, ascending. */
    static List<Double> ticks(double lower, double upper) {
        double step = ChartRenderer.AxisRange.nice((upper - lower) / 8);
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lower / step); k * step <= upper; k++) {
            // k x step in decimal, so that 12 x 0.1 is 1.2 and not 1.2000000000000002
            out.add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(step)).doubleValue());
        }
        return out;
    }

    @Override
    protected List<Tick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return make(edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    }

    @Override
    protected List<Tick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return make(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    private List<Tick> make(TextAnchor anchor) {
        List<Tick> out = new ArrayList<>();
        for (double v : ticks(getLowerBound(), getUpperBound())) {
            out.add(new NumberTick(v, getNumberFormatOverride().format(v), anchor, TextAnchor.CENTER, 0));
        }
        return out;
    }
}
