package io.counterbench.results.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ChartRendererTest {

    @Test
    void everyCounterIdHasItsOwnColourAndMarkerWhateverTheSeriesOrder() {
        List<String> ids = List.of("atomic", "adder", "jctools", "per-thread", "per-node", "flat", "tree", "tree-topo");
        Set<Integer> colours = new HashSet<>();
        Set<CounterStyle.Marker> markers = new HashSet<>();
        for (String id : ids) {
            colours.add(CounterStyle.of(id).color().getRGB());
            markers.add(CounterStyle.of(id).marker());
        }
        assertEquals(ids.size(), colours.size(), "no two counters share a colour");
        assertEquals(ids.size(), markers.size(), "no two counters share a marker");
        assertEquals(CounterStyle.of("tree-topo"), CounterStyle.of("TREE_TOPO"), "JMH's enum name and the id alike");
        assertEquals(CounterStyle.of("mine"), CounterStyle.of("mine"), "another id: stable too");
        assertFalse(CounterStyle.known("mine"));
        // the style follows the id into the SVG, in whichever order the series come
        String treeRgb = rgb(CounterStyle.of("tree").color());
        String a = ChartRenderer.svg("a", spec(List.of("tree", "flat")));
        String b = ChartRenderer.svg("b", spec(List.of("flat", "tree", "adder")));
        assertTrue(a.contains(treeRgb) && b.contains(treeRgb), treeRgb);
    }

    @Test
    void mergedRunsDifferByLineStyle() {
        SeriesStyle first = SeriesStyle.counter("tree", 0);
        SeriesStyle second = SeriesStyle.counter("tree", 1);
        assertEquals(first.color(), second.color());
        assertEquals(first.marker(), second.marker());
        assertNotEquals(ChartRenderer.stroke(2, first.dash()), ChartRenderer.stroke(2, second.dash()));
    }

    @Test
    void noLineCrossesAnXValueTheSeriesDidNotMeasure() {
        TreeSet<Double> grid = new TreeSet<>(List.of(1.0, 2.0, 4.0, 8.0));
        List<ChartSpec.Point> measured =
                List.of(ChartSpec.Point.of(1, 10), ChartSpec.Point.of(2, 20), ChartSpec.Point.of(8, 80));
        List<ChartSpec.Point> drawn = ChartRenderer.withGaps(measured, grid);
        assertEquals(4, drawn.size());
        assertEquals(4.0, drawn.get(2).x());
        assertTrue(Double.isNaN(drawn.get(2).y()), "a break at 4, which other series measured");
        assertEquals(
                measured, ChartRenderer.withGaps(measured, new TreeSet<>(List.of(1.0, 2.0, 8.0))), "nothing to break");
    }

    @Test
    void anIntervalBeyondTheFrameIsClippedAndMarked() {
        // points 10..20 on an axis from 0, one interval up to 1000: the axis stops well short of it
        ChartRenderer.AxisRange y =
                ChartRenderer.AxisRange.of(new double[] {10, 20}, new double[] {9, 1000}, false, true, false);
        assertTrue(y.upper < 40, "upper " + y.upper);
        assertFalse(y.outside(28), "an interval half the axis above the points still fits");
        assertTrue(y.outside(1000));
        ChartSpec s = new ChartSpec(
                "clipped",
                "",
                "threads",
                "ops/us",
                false,
                false,
                List.of(new ChartSpec.Series(
                        "tree",
                        List.of(new ChartSpec.Point(1, 10, 9, 11), new ChartSpec.Point(2, 20, 15, 1000)),
                        SeriesStyle.counter("tree", 0))));
        assertTrue(ChartRenderer.svg("c", s).contains(ChartRenderer.CLIPPED_NOTE), "the chart says so under its title");
        ChartSpec fits = new ChartSpec(
                "fits",
                "",
                "threads",
                "ops/us",
                false,
                false,
                List.of(new ChartSpec.Series(
                        "tree",
                        List.of(new ChartSpec.Point(1, 10, 9, 11), new ChartSpec.Point(2, 20, 15, 28)),
                        SeriesStyle.counter("tree", 0))));
        assertFalse(ChartRenderer.svg("d", fits).contains(ChartRenderer.CLIPPED_NOTE));
        // on a log axis an interval reaching 0 is clipped
        ChartRenderer.AxisRange log =
                ChartRenderer.AxisRange.of(new double[] {10, 100}, new double[] {0, 120}, true, false, false);
        assertTrue(log.outside(0));
    }

    @Test
    void countsThatAreNoPowerOfTwoGetALabelledPowerOfTwoOnEachSide() {
        // the selection chart's 256 and 384 CPUs: a range ending before 512 labelled 256 alone
        ChartRenderer.AxisRange x =
                ChartRenderer.AxisRange.of(new double[] {256, 384}, new double[0], true, false, true);
        assertEquals(2, x.base);
        assertTrue(x.lower <= 256 && x.upper >= 512, x.lower + " .. " + x.upper);
        ChartRenderer.AxisRange one = ChartRenderer.AxisRange.of(new double[] {384}, new double[0], true, false, true);
        assertTrue(one.lower <= 256 && one.upper >= 512, one.lower + " .. " + one.upper);
    }

    @Test
    void logAxesOfCountsStepByPowersOfTwo() {
        ChartRenderer.AxisRange x =
                ChartRenderer.AxisRange.of(new double[] {8, 64, 4096}, new double[0], true, false, true);
        assertEquals(2, x.base);
        ChartRenderer.AxisRange y =
                ChartRenderer.AxisRange.of(new double[] {0.5, 3e7}, new double[0], true, false, false);
        assertEquals(
                10,
                ChartRenderer.AxisRange.of(new double[] {64, 262_144}, new double[0], true, false, false).base,
                "bytes step by tens");
        assertEquals(10, y.base);
        assertEquals("1,024", TickFormat.text(1024));
        assertEquals("65,536", TickFormat.text(65_536));
        assertEquals("200k", TickFormat.text(200_000));
        assertEquals("1.5M", TickFormat.text(1_500_000));
        assertEquals("0.25", TickFormat.text(0.25));
    }

    @Test
    void theSvgIsAWellFormedStandaloneDocumentWithATitle() throws Exception {
        String svg = ChartRenderer.svg("x", spec(List.of("tree", "flat")));
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getAttribute("xmlns"));
        assertEquals("q?", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(svg, ChartRenderer.svg("x", spec(List.of("tree", "flat"))), "deterministic");
    }

    @Test
    void aLogAxisSpanningLessThanTwoPowersGetsRoundTicks() {
        // a trend's costs relative to the reference, 0.8 to 1.02: powers of two would label 1 alone
        ChartRenderer.AxisRange y = ChartRenderer.AxisRange.of(
                new double[] {1.0, 1.02, 0.99, 0.81, 0.8}, new double[0], true, false, false);
        assertTrue(NarrowLogAxis.wanted(y.lower, y.upper, y.base), y.lower + " .. " + y.upper);
        List<Double> ticks = NarrowLogAxis.ticks(y.lower, y.upper);
        assertTrue(ticks.size() >= 4, ticks.toString());
        assertTrue(ticks.getFirst() >= y.lower && ticks.getLast() <= y.upper, ticks.toString());
        assertFalse(NarrowLogAxis.wanted(0.1, 1000, 10), "four decades keep their powers of ten");
        ChartSpec s = new ChartSpec(
                "trend",
                "",
                "run",
                "cost / reference (log scale)",
                false,
                true,
                List.of(new ChartSpec.Series(
                        "tree",
                        List.of(
                                ChartSpec.Point.of(1, 1.0),
                                ChartSpec.Point.of(2, 1.02),
                                ChartSpec.Point.of(3, 0.81),
                                ChartSpec.Point.of(4, 0.8)),
                        SeriesStyle.counter("tree", 0))));
        String svg = ChartRenderer.svg("n", s);
        assertTrue(svg.contains(">0.8<") && svg.contains(">0.9<") && svg.contains(">1<"), "labelled 0.8, 0.9 and 1");
    }

    private static ChartSpec spec(List<String> ids) {
        return new ChartSpec(
                "q?",
                "sub",
                "threads",
                "ops/us",
                false,
                false,
                ids.stream()
                        .map(id -> new ChartSpec.Series(
                                id,
                                List.of(ChartSpec.Point.of(1, 10 + id.length()), ChartSpec.Point.of(2, 20)),
                                SeriesStyle.counter(id, 0)))
                        .toList());
    }

    private static String rgb(java.awt.Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
