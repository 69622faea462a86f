package io.counterbench.results.report.section;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.jmh.Speedup;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.table.BenchmarkTable;
import io.counterbench.results.report.table.DataTable;
import io.counterbench.results.report.table.FlameGraphs;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import io.counterbench.results.util.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark results of jmh.json: one table per benchmark class and mode (every row with its
 * forks, median and across-fork interval, speedup vs LongAdder and accuracy columns; merged runs
 * get a machine column), the charts the data allows (throughput and speedup against threads per
 * update mix, read cost against N, OOM selection time against N), the accuracy view against CPU
 * count, and report.csv's data table.
 */
final class JmhSection implements ReportSection {

    @Override
    public String title() {
        return "Benchmarks";
    }

    @Override
    public String inputFile() {
        return RunLoader.JMH_FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.jmhFile() != null;
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JmhResult r : runs.get(i).results()) {
                rows.add(new ResultRow(runs.get(i), i, r));
            }
        }
        checkModes(runs);
        out.paragraph(
                "The JVM fork is the unit of replication: each fork's score is the mean of its measurement iterations, "
                        + "a row shows the median of its fork scores and [an interval for that median computed across "
                        + "forks] (the order-statistic interval, whose confidence each table states; iterations are "
                        + "never pooled). "
                        + Fmt.WIDE_MARK + " marks an interval wider than 10% of the median. "
                        + Character.toUpperCase(Speedup.DEFINITION.charAt(0)) + Speedup.DEFINITION.substring(1) + ". "
                        + "Reader/writer rows show the reader's and the writers' scores separately, never their sum. "
                        + "Accuracy columns (counts), checked with writers quiescent against the truth (the exact sum "
                        + "the writers tallied): worst = largest |approximate - truth|, bound = the counter's "
                        + "analytic bound under / over, violations = probes where approximate left the bound or "
                        + "precise differed from the truth, lost = largest |precise - truth| (both must be 0).");
        FlameGraphs flames = new FlameGraphs();
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            JmhResult j = r.result();
            groups.computeIfAbsent(
                            j.className() + "\u0000" + j.mode().shortName() + "\u0000"
                                    + j.primary().unit(),
                            k -> new ArrayList<>())
                    .add(r);
        }
        Map<String, Integer> perClass = new HashMap<>();
        groups.values().forEach(g -> perClass.merge(g.getFirst().result().className(), 1, Integer::sum));
        for (List<ResultRow> g : groups.values()) {
            JmhResult first = g.getFirst().result();
            out.heading(
                    3,
                    first.className() + " (" + first.mode().shortName() + ", "
                            + first.primary().unit() + ", " + (first.mode().higherIsBetter() ? "higher" : "lower")
                            + " is better)");
            out.add(BenchmarkTable.build(ctx, g, flames));
            if (first.mode() == Mode.THROUGHPUT) {
                ThroughputCharts.add(ctx, g, out);
            } else {
                ReadCostCharts.add(ctx, g, out);
                SelectionCharts.add(ctx, g, out);
            }
        }
        AccuracyView.add(ctx, rows, out);
        out.setData(DataTable.build(ctx, rows));
    }

    /** Runs that measured the same benchmark in different modes cannot share a table. */
    private static void checkModes(List<RunInput> runs) {
        Map<String, Set<Mode>> modes = new HashMap<>();
        Map<String, RunInput> where = new HashMap<>();
        for (RunInput run : runs) {
            Map<String, Set<Mode>> mine = new java.util.LinkedHashMap<>();
            for (JmhResult r : run.results()) {
                mine.computeIfAbsent(r.benchmark(), k -> new TreeSet<>()).add(r.mode());
            }
            for (Map.Entry<String, Set<Mode>> e : mine.entrySet()) {
                Set<Mode> before = modes.get(e.getKey());
                if (before != null && before.stream().noneMatch(e.getValue()::contains)) {
                    throw InputException.of(
                            run.jmhFile(),
                            "mixed modes: " + e.getKey() + " is " + e.getValue() + " here but " + before + " in "
                                    + where.get(e.getKey()).jmhFile()
                                    + "; runs to merge must measure a benchmark in the same mode");
                }
                if (before == null) {
                    modes.put(e.getKey(), e.getValue());
                    where.put(e.getKey(), run);
                }
            }
        }
    }
}
