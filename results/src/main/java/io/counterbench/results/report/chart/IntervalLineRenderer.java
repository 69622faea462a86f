package io.counterbench.results.report.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Lines and markers (JFreeChart's own), plus each point's interval as a vertical bar with caps in
 * the series colour. An interval end outside the plot is drawn to the frame and ends in an
 * arrowhead pointing on, so a clipped interval never passes for a short one. Items whose y is NaN
 * break the line (JFreeChart draws no segment to or from them).
 */
final class IntervalLineRenderer extends XYLineAndShapeRenderer {
    private static final double CAP = 3.5;
    private static final double ARROW = 4.5;

    IntervalLineRenderer() {
        super(true, true);
        setUseFillPaint(true);
        setUseOutlinePaint(true);
        setDrawOutlines(true);
        setDefaultShapesFilled(true);
        setDrawSeriesLineAsPath(false);
        setLegendLine(ChartRenderer.legendLine());
    }

    @Override
    public void drawItem(
            Graphics2D g2,
            XYItemRendererState state,
            Rectangle2D dataArea,
            PlotRenderingInfo info,
            XYPlot plot,
            ValueAxis domainAxis,
            ValueAxis rangeAxis,
            XYDataset dataset,
            int series,
            int item,
            CrosshairState crosshairState,
            int pass) {
        if (pass == 0 && dataset instanceof IntervalXYDataset d && getItemVisible(series, item)) {
            drawInterval(g2, dataArea, plot, domainAxis, rangeAxis, d, series, item);
        }
        super.drawItem(
                g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
    }

    private void drawInterval(
            Graphics2D g2,
            Rectangle2D area,
            XYPlot plot,
            ValueAxis xAxis,
            ValueAxis yAxis,
            IntervalXYDataset d,
            int series,
            int item) {
        double x = d.getXValue(series, item);
        double y = d.getYValue(series, item);
        double lo = d.getStartYValue(series, item);
        double hi = d.getEndYValue(series, item);
        if (Double.isNaN(y) || Double.isNaN(lo) || Double.isNaN(hi)) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double px = xAxis.valueToJava2D(x, area, xEdge);
        boolean loClipped = lo < yAxis.getLowerBound() || lo <= 0 && yAxis instanceof org.jfree.chart.axis.LogAxis;
        boolean hiClipped = hi > yAxis.getUpperBound();
        double pLo = loClipped ? area.getMaxY() : yAxis.valueToJava2D(lo, area, yEdge);
        double pHi = hiClipped ? area.getMinY() : yAxis.valueToJava2D(hi, area, yEdge);
        Paint paint = lookupSeriesPaint(series);
        g2.setPaint(paint);
        g2.setStroke(new BasicStroke(1.3f));
        g2.draw(new Line2D.Double(px, pLo, px, pHi));
        if (loClipped) {
            g2.fill(arrow(px, area.getMaxY(), 1));
        } else {
            g2.draw(new Line2D.Double(px - CAP, pLo, px + CAP, pLo));
        }
        if (hiClipped) {
            g2.fill(arrow(px, area.getMinY(), -1));
        } else {
            g2.draw(new Line2D.Double(px - CAP, pHi, px + CAP, pHi));
        }
    }

    /** An arrowhead at the frame, pointing down (dir 1) or up (dir -1). */
    private static GeneralPath arrow(double x, double y, int dir) {
        GeneralPath p = new GeneralPath();
        p.moveTo(x - ARROW, y - dir * ARROW * 1.6);
        p.lineTo(x + ARROW, y - dir * ARROW * 1.6);
        p.lineTo(x, y);
        p.closePath();
        return p;
    }
}
