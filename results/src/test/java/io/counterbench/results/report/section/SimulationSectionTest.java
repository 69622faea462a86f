package io.counterbench.results.report.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import io.counterbench.results.Reports;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.CounterStyle;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation section as simulate prints it, and its charts. */
class SimulationSectionTest {

    @Test
    void tablesUseMbWhereTheHeadingSaysMbAndThousandsSeparators(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/with-simulation", tmp, "run");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        // rss-250 per-thread: bound 315 pages = 1.23 MB, worst under 292 pages = 1.14 MB, published beside it
        assertTrue(md.contains("| per-thread | 64 | 1.23 | 1.14 | 1.13 |"), md);
        assertTrue(md.contains("error bounded by 64 x nr_threads pages (320 pages for 5 threads) |"), md);
        // hop-384 flat: bound 294,528 pages = 1150.5 MB, worst 250,703 pages = 979.3 MB
        assertTrue(md.contains("| random hop | flat | 768 | 1,150.5 | = bound | 979.3 |"), md);
        assertTrue(md.contains("| about 1 GB of drift |"), "the published figure beside the simulated row");
        // scale: counts with separators
        assertTrue(md.contains("| 4,096 |"), md);
        assertTrue(md.contains("simulate --seed 1 --quick: every scenario derives its own random stream"), md);
        assertFalse(
                md.contains("-8755178357687326807"),
                "the row seeds derived from --seed 1 are not shown as if they were it");
        assertFalse(md.matches("(?s).*\\d\\.\\d+E\\d.*"), "no exponent notation");
    }

    @Test
    void theScaleScenarioIsChartedAgainstNOnLogLogAxes(@TempDir Path tmp) {
        Path run = Fixtures.copy("runs/with-simulation", tmp, "run");
        Report r = Reports.build(List.of(run));
        ChartSpec scale = chart(r, "scale-bound");
        assertTrue(scale.xLog() && scale.yLog());
        assertTrue(scale.title().contains("O(N\u00b2)"), scale.title());
        ChartSpec.Series flat = scale.series().stream()
                .filter(s -> s.name().equals("flat"))
                .findFirst()
                .orElseThrow();
        assertEquals(12, flat.points().size(), "N = 8 .. 4096 with 250 and 384");
        // flat's bound at 4096 CPUs: (2N - 1) x N
        ChartSpec.Series bounds = scale.series().stream()
                .filter(s -> s.style().kind() == SeriesStyle.Kind.BOUND
                        && s.style().color().equals(CounterStyle.of("flat").color()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                8191.0 * 4096,
                bounds.points().stream().mapToDouble(ChartSpec.Point::y).max().orElseThrow());
        assertTrue(
                scale.subtitle().contains("Exact counters (bound 0, not drawn): atomic, adder, jctools"),
                scale.subtitle());
    }

    @Test
    void anIncompleteSimulationIsShownAsAPartialRunAndAWhollyOneIsNot(@TempDir Path tmp) throws Exception {
        Path whole = Fixtures.copy("runs/with-simulation", tmp, "whole");
        Reports.write(List.of(whole), whole);
        assertFalse(
                Files.readString(whole.resolve("report.md")).contains("PARTIAL RUN"),
                "a file without status is a whole run");
        Path run = Fixtures.edit(Fixtures.copy("runs/with-simulation", tmp, "run"), "simulation.json", n -> {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) n;
            com.fasterxml.jackson.databind.node.ArrayNode scenarios =
                    (com.fasterxml.jackson.databind.node.ArrayNode) o.get("scenarios");
            while (scenarios.size() > 1) {
                scenarios.remove(scenarios.size() - 1);
            }
            o.put("status", "incomplete");
            o.put("reason", "interrupted (SIGINT/SIGTERM) after 1 of 4 scenarios");
            o.putArray("scenarios_missing").add("hop-384").add("oom-select").add("scale");
        });
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(
                md.contains(
                        "PARTIAL RUN (simulation.json status: incomplete, interrupted (SIGINT/SIGTERM) after 1 of 4 "
                                + "scenarios): only the 1 scenario(s) finished before it stopped are below; missing: hop-384, oom-select, scale"),
                md);
        assertTrue(md.contains("checks of the finished scenarios only"), md);
    }

    @Test
    void aStatusThatIsNeitherCompleteNorIncompleteIsRefused(@TempDir Path tmp) {
        Path run = Fixtures.edit(
                Fixtures.copy("runs/with-simulation", tmp, "run"),
                "simulation.json",
                n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("status", "running"));
        io.counterbench.results.util.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.counterbench.results.util.InputException.class, () -> Reports.build(List.of(run)));
        assertTrue(
                e.getMessage().endsWith("simulation.json: status is \"running\": complete or incomplete"),
                e.getMessage());
    }

    @Test
    void anOldSimulationFileGetsANoteInsteadOfDriftCharts(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/with-simulation", tmp, "run");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("No drift chart: this simulation.json predates drift traces"), md);
    }

    @Test
    void driftTracesBecomeChartsAgainstTheBounds(@TempDir Path tmp) {
        Path run = Fixtures.copy("runs/with-drift", tmp, "run");
        Report r = Reports.build(List.of(run));
        ChartSpec hop = chart(r, "hop-384-random-hop-drift");
        ChartSpec.Series flat = hop.series().stream()
                .filter(s -> s.name().equals("flat"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                flat.points().size() > 100 && flat.points().size() <= 200,
                "downsampled: " + flat.points().size());
        // the envelope is exact: its peak is the run's worst drift, 250,703 pages
        double peak =
                flat.points().stream().mapToDouble(ChartSpec.Point::y).max().orElseThrow();
        assertEquals(250_703 * 4096.0 / (1 << 20), peak, 1e-9);
        assertTrue(
                hop.series().stream().anyMatch(s -> s.name().equals("flat bound 1,150.5 MB")),
                hop.series().stream().map(ChartSpec.Series::name).toList().toString());
        assertTrue(r.charts().stream().anyMatch(c -> c.id().equals("rss-250-rss-drift")));
        assertTrue(r.charts().stream().anyMatch(c -> c.id().equals("hop-384-sequential-hop-drift")));
    }

    private static ChartSpec chart(Report r, String id) {
        return r.charts().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + id + " in "
                        + r.charts().stream().map(Block.Chart::id).toList()))
                .spec();
    }
}
