package io.counterbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Reports;
import io.counterbench.results.latency.LatencyFixtures;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.report.chart.HeatmapRenderer;
import io.counterbench.results.report.chart.HeatmapSpec;
import io.counterbench.results.report.chart.TickFormat;
import io.counterbench.results.report.table.LatencyTables;
import io.counterbench.results.run.RunLoader;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latency.json in a report: the summary per class and the CPU x CPU heatmaps, drawn through the chart code. */
class LatencyReportTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithOnlyLatencyJsonGetsItsOwnSectionAndHeatmaps() throws Exception {
        LatencyFixtures.write(dir, LatencyFixtures.eightCpus(5));
        List<Path> written = Reports.write(List.of(dir), dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Core-to-core latency"), md);
        assertTrue(md.contains("> jmh.json is missing from"), "the JMH section says it has nothing: " + md);
        assertTrue(
                md.contains("| same-llc (same LLC, other core) | 4 |"),
                "4 same-LLC pairs among 8 CPUs of 4 LLCs: " + md);
        assertTrue(md.contains("| remote (other package) | 16 |"), md);
        assertTrue(
                md.contains(
                        "![How long does one cache line take to go from one CPU to another and back?](charts/latency-cas.svg)"),
                md);
        assertTrue(written.contains(dir.resolve("charts").resolve("latency-cas.svg")), written.toString());
        assertTrue(written.contains(dir.resolve("charts").resolve("latency-store-load.svg")), written.toString());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<figure id=\"chart-latency-cas\">\n<svg "), "inline heatmap");
    }

    @Test
    void anIncompleteRunIsShownAsAPartialRun() throws Exception {
        LatencyRun run = LatencyFixtures.eightCpus(5);
        LatencyRun part = new LatencyRun(
                        run.host(),
                        run.cpuModel(),
                        run.topology(),
                        run.topologySource(),
                        run.cpus(),
                        run.settings(),
                        run.pairs().subList(0, 3),
                        run.started(),
                        run.wallSeconds())
                .incomplete("interrupted (SIGINT/SIGTERM) after 3 of 28 pairs");
        LatencyFixtures.write(dir, part);
        Reports.write(List.of(dir), dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(
                md.contains(
                        "PARTIAL RUN (latency.json status: incomplete, interrupted (SIGINT/SIGTERM) after 3 of 28 pairs): "
                                + "only the 3 pair(s) finished before it stopped are below"),
                md);
        Path whole = Files.createDirectories(dir.resolve("whole"));
        LatencyFixtures.write(whole, run);
        Reports.write(List.of(whole), whole);
        assertFalse(
                Files.readString(whole.resolve("report.md")).contains("PARTIAL RUN"), "a complete run is not partial");
    }

    @Test
    void theGateStillWantsJmhJson() {
        LatencyFixtures.write(dir, LatencyFixtures.eightCpus(2));
        InputException e = assertThrows(InputException.class, () -> RunLoader.load(dir));
        assertTrue(e.getMessage().contains("no jmh.json in this folder"), e.getMessage());
    }

    @Test
    void theHeatmapWritesEachCellsMedianInTopologyOrder() throws Exception {
        LatencyRun run = LatencyFixtures.eightCpus(3);
        HeatmapSpec h = LatencyTables.heatmap(run, true);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), h.labels());
        String svg = HeatmapRenderer.svg("h", h);
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(h.title(), doc.getElementsByTagName("title").item(0).getTextContent());
        // small matrices carry their values: every off-diagonal median, as the tick format writes it
        for (var p : run.pairs()) {
            assertTrue(svg.contains(">" + TickFormat.text(p.casStats().median()) + "<"), "cell " + p.a() + "," + p.b());
        }
        assertEquals(svg, HeatmapRenderer.svg("h", h), "deterministic");
    }

    @Test
    void bigMatricesAreBinnedToTheMedianOfEachBlock() {
        int n = 300;
        int bins = 100; // binned() takes any count; the renderer bins to MAX_CELLS
        double[][] v = new double[n][n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(String.valueOf(i));
            for (int j = 0; j < n; j++) {
                v[i][j] = i == j ? Double.NaN : 10 * (i / 3) + j % 3;
            }
        }
        HeatmapSpec b = HeatmapRenderer.binned(new HeatmapSpec("t", "", "CPU", labels, v, "ns"), bins);
        assertEquals(bins, b.size());
        for (int bi = 0; bi < bins; bi += 17) {
            for (int bj = 0; bj < bins; bj += 13) {
                // bin k holds items 3k, 3k+1, 3k+2: the cell is the median of the block's finite values
                List<Double> block = new ArrayList<>();
                for (int i = 3 * bi; i < 3 * bi + 3; i++) {
                    for (int j = 3 * bj; j < 3 * bj + 3; j++) {
                        if (i != j) {
                            block.add(v[i][j]);
                        }
                    }
                }
                double[] s =
                        block.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
                assertEquals(median, b.at(bi, bj), 1e-9, bi + "," + bj);
            }
        }
        assertEquals("0-2", b.labels().getFirst());
        assertTrue(b.subtitle().contains("Binned: 300 items in 100 runs"), b.subtitle());
        HeatmapSpec big = new HeatmapSpec("t", "", "CPU", labels, v, "ns");
        String svg = HeatmapRenderer.svg("big", big);
        assertEquals(
                HeatmapRenderer.svg("big", HeatmapRenderer.binned(big, HeatmapRenderer.MAX_CELLS)),
                svg,
                "a 300 x 300 matrix is drawn binned to " + HeatmapRenderer.MAX_CELLS + " per side");
        assertTrue(svg.contains("Binned: 300 items in " + HeatmapRenderer.MAX_CELLS + " runs"), "the subtitle says so");
    }

    @Test
    void theColourBarTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(5, HeatmapRenderer.tickStep(21.0 / 6), 1e-12, "101-122 ns: ticks every 5");
        assertEquals(0.2, HeatmapRenderer.tickStep(0.12), 1e-12);
        assertEquals(10, HeatmapRenderer.tickStep(10), 1e-12);
        assertEquals(100, HeatmapRenderer.tickStep(51), 1e-12);
    }

    @Test
    void nothingMeasuredDrawsAnEmptyChartThatSaysSo() {
        double[][] v = new double[2][2];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        HeatmapSpec h = new HeatmapSpec("t", "", "CPU", List.of("0", "1"), v, "ns");
        assertFalse(h.drawable());
        assertTrue(HeatmapRenderer.svg("e", h).contains("no data to draw"));
    }
}
