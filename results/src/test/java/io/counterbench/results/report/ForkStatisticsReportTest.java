package io.counterbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Reports;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.write.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables and CSV from a run with several forks per row: medians, intervals, speedups, reader and writer apart. */
class ForkStatisticsReportTest {

    @Test
    void rowsShowTheMedianOfForkScoresAndAnIntervalAcrossForks(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("| counter | threads | forks | ops/us [interval] | speedup vs LongAdder |"), md);
        assertTrue(md.contains("| tree | 1 | 5 | 50.00 [49.00, 51.00] | 0.50x [0.49, 0.51] |"), md);
        assertTrue(md.contains("| adder | 1 | 5 | 100.0 [100.0, 100.0] | 1 (reference) |"), md);
        assertTrue(md.contains("min-max of the 5 fork scores, a 93.8% interval for the median"), md);
    }

    @Test
    void anIntervalWiderThanTenPercentIsMarked(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("| tree | 2 | 5 | 80.00 [80.00, 120.0] \u2020 | 0.80x [0.80, 1.20] \u2020 |"), md);
        assertTrue(md.contains("\u2020 interval wider than 10% of the median"), md);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<td class=\"num wide\">80.00 [80.00, 120.0] \u2020</td>"), "wide cells are tinted");
        assertTrue(html.contains("<div class=\"scroll\"><table>"), "tables scroll inside their box");
    }

    @Test
    void speedupIsHigherIsBetterInTimeModesToo(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        // the same time-mode rows under a benchmark that has a speedup (ReadBenchmark has none, see below)
        Path jmh = run.resolve("jmh.json");
        Files.writeString(
                jmh, Files.readString(jmh).replace("ReadBenchmark.approximate", "LifecycleBenchmark.createAddRead"));
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        // tree takes 5 ns where LongAdder takes 10: twice as fast, not "0.5x"
        assertTrue(md.contains("| tree | 8 | 1 | 5 | 5 [5, 5] | 2.00x [2.00, 2.00] |"), md);
        assertTrue(md.contains("so higher is better in every mode"), "defined once, in the section's introduction");
    }

    @Test
    void readRowsHaveNoSpeedupAndSayWhy(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        // a 4096-CPU counter's read against this box's LongAdder is no ratio at all
        assertTrue(md.contains("| tree | 8 | 1 | 5 | 5 [5, 5] |"), md);
        assertFalse(md.contains("| tree | 8 | 1 | 5 | 5 [5, 5] | 2.00x"), md);
        assertTrue(md.contains("no speedup vs LongAdder: LongAdder's cells follow this box's CPU count"), md);
        List<List<String>> csv = Csv.parse(Files.readString(run.resolve("report.csv")));
        int bench = csv.getFirst().indexOf("benchmark");
        int speedup = csv.getFirst().indexOf("speedup_vs_adder");
        for (List<String> row : csv.subList(1, csv.size())) {
            if (row.get(bench).contains("ReadBenchmark")) {
                assertEquals("", row.get(speedup), row.toString());
            }
        }
    }

    @Test
    void readerAndWriterScoresStayApartAndAreNeverSummed(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(
                md.contains("| counter | threads | forks | reader ops/us [interval] | reader speedup vs LongAdder "
                        + "| writer ops/us [interval] | writer speedup vs LongAdder |"),
                md);
        assertTrue(
                md.contains(
                        "| tree | 2 | 3 | 30.00 [30.00, 30.00] | 3.00x [3.00, 3.00] | 20.00 [20.00, 20.00] | 0.50x [0.50, 0.50] |"),
                md);
        assertFalse(md.contains("| 50.00 [50.00, 50.00] |"), "JMH's sum over the group is not a column");
        assertTrue(md.contains("a 75.0% interval for the median"), "3 forks: the interval says its confidence");
    }

    @Test
    void theCsvCarriesForkStatistics(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Reports.write(List.of(run), run);
        List<List<String>> csv = Csv.parse(Files.readString(run.resolve("report.csv")));
        List<String> h = csv.getFirst();
        List<String> tree2 = csv.stream()
                .filter(r -> r.get(h.indexOf("benchmark")).endsWith("UpdateBenchmark.inc")
                        && r.get(h.indexOf("counter")).equals("tree")
                        && r.get(h.indexOf("threads")).equals("2"))
                .findFirst()
                .orElseThrow();
        assertEquals("5", tree2.get(h.indexOf("forks")));
        assertEquals(80, Double.parseDouble(tree2.get(h.indexOf("median"))), 1e-9);
        assertEquals(120, Double.parseDouble(tree2.get(h.indexOf("ci_high"))), 1e-9);
        assertEquals(0.9375, Double.parseDouble(tree2.get(h.indexOf("ci_confidence"))), 1e-12);
        assertEquals(0.8, Double.parseDouble(tree2.get(h.indexOf("speedup_vs_adder"))), 1e-9);
        List<String> rw = csv.stream()
                .filter(r -> r.get(h.indexOf("benchmark")).endsWith("ReaderWriterBenchmark.approximate")
                        && r.get(h.indexOf("counter")).equals("tree"))
                .findFirst()
                .orElseThrow();
        assertEquals(30, Double.parseDouble(rw.get(h.indexOf("reader_median"))), 1e-9);
        assertEquals(0.5, Double.parseDouble(rw.get(h.indexOf("writer_speedup_vs_adder"))), 1e-9);
    }

    @Test
    void chartsCarryTheIntervals(@TempDir Path tmp) throws Exception {
        Path run = ForkedRun.write(tmp, "forked");
        Report r = Reports.build(List.of(run));
        ChartSpec vsAdder = r.charts().stream()
                .filter(c -> c.id().endsWith("-vs-adder"))
                .findFirst()
                .orElseThrow()
                .spec();
        ChartSpec.Point tree2 =
                vsAdder.series().stream()
                        .filter(s -> s.name().equals("tree"))
                        .findFirst()
                        .orElseThrow()
                        .points()
                        .stream()
                        .filter(p -> p.x() == 2)
                        .findFirst()
                        .orElseThrow();
        assertEquals(0.8, tree2.y(), 1e-9);
        assertEquals(0.8, tree2.lo(), 1e-9);
        assertEquals(1.2, tree2.hi(), 1e-9);
    }
}
