package io.counterbench.results.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Reports;
import io.counterbench.results.report.ForkedRun;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report --compare on two recorded-shape runs: a row slowed by 10% in every fork is shown slower with
 * an interval that excludes 0, identical rows show no difference, rows with 3 forks a side cannot
 * reach a 95% interval and say how many forks would, labels name the sides, machines that differ
 * are refused.
 */
class ComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTenPercentSlowerRowIsShownSlowerAndIdenticalRowsAreNot(@TempDir Path tmp) throws Exception {
        Path base = ForkedRun.write(tmp, "base");
        Path cur = ForkedRun.write(tmp, "cur");
        label(base, "v1");
        label(cur, "v2");
        scale(cur, "UpdateBenchmark.inc", "TREE", 1, 0.9);
        Reports.Compared c = Reports.compare(base, cur, false);
        String table = c.table();
        String treeRow = line(table, "^UpdateBenchmark\\.inc\\s+tree\\s+1\\s.*topology=host$");
        assertTrue(treeRow.contains("-10.0% ["), treeRow);
        assertTrue(treeRow.contains("]  slower "), treeRow);
        String adderRow = line(table, "^UpdateBenchmark\\.inc\\s+adder\\s+1\\s.*topology=host$");
        assertTrue(adderRow.contains("+0.0% [+0.0%, +0.0%]"), adderRow);
        assertTrue(adderRow.contains("]  no difference shown "), adderRow);
        assertTrue(table.contains("BASE v1") && table.contains("CURRENT v2"), table);
        // the reader/writer rows have 3 forks a side: no 95% interval, and the table says what would give one
        assertTrue(table.contains("[too few forks]"), table);
        assertTrue(table.contains("at least 4 forks on each side are needed"), table);
        // the report written from it starts with the comparison
        List<Path> written = Reports.write(c.report(), tmp.resolve("out"));
        String md = Files.readString(written.stream()
                .filter(p -> p.toString().endsWith("report.md"))
                .findFirst()
                .orElseThrow());
        assertTrue(md.indexOf("## Comparison") < md.indexOf("## Benchmarks"), md);
    }

    @Test
    void aFasterTimeRowIsFasterThoughItsScoreFell(@TempDir Path tmp) throws Exception {
        Path base = ForkedRun.write(tmp, "base");
        Path cur = ForkedRun.write(tmp, "cur");
        scale(cur, "ReadBenchmark.approximate", "TREE", 1, 0.5);
        String row = line(
                Reports.compare(base, cur, false).table(), "^ReadBenchmark\\.approximate\\s+tree\\s+1\\s.*cpus=64$");
        assertTrue(row.contains("-50.0% ["), row);
        assertTrue(row.contains("]  faster "), row);
    }

    @Test
    void runsOfDifferentMachinesAreRefusedUnlessAsked(@TempDir Path tmp) throws Exception {
        Path base = ForkedRun.write(tmp, "base");
        Path cur = ForkedRun.write(tmp, "cur");
        ObjectNode run = (ObjectNode) JSON.readTree(cur.resolve("run.json").toFile());
        ((ObjectNode) run.get("environment")).put("cpuModel", "Intel(R) Xeon(R) Platinum 8480+");
        JSON.writeValue(cur.resolve("run.json").toFile(), run);
        InputException e = assertThrows(InputException.class, () -> Reports.compare(base, cur, false));
        assertTrue(e.getMessage().contains("different machines"), e.getMessage());
        assertTrue(Reports.compare(base, cur, true).table().contains("UpdateBenchmark.inc"));
    }

    @Test
    void labelledRunsAreToldApartByTheirLabelsInAMergedReport(@TempDir Path tmp) throws Exception {
        Path base = ForkedRun.write(tmp, "20261206T071503Z-vm");
        Path cur = ForkedRun.write(tmp, "20261206T071525Z-vm");
        label(base, "mine-v1");
        label(cur, "mine-v3");
        List<Path> written = Reports.write(List.of(base, cur), tmp.resolve("merged"));
        String md = Files.readString(written.stream()
                .filter(p -> p.toString().endsWith("report.md"))
                .findFirst()
                .orElseThrow());
        assertTrue(md.contains("| AMD EPYC / 2 CPUs (mine-v1) |"), md);
        assertTrue(md.contains("| AMD EPYC / 2 CPUs (mine-v3) |"), md);
        String svgs = written.stream()
                .filter(p -> p.toString().endsWith(".svg"))
                .map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .reduce("", String::concat);
        assertTrue(svgs.contains("mine-v1") && svgs.contains("mine-v3"), "chart legends name the runs by label");
        String csv = Files.readString(written.stream()
                .filter(p -> p.toString().endsWith("report.csv"))
                .findFirst()
                .orElseThrow());
        assertTrue(csv.contains(",mine-v1,") && csv.contains(",mine-v3,"), "report.csv has a label column");
    }

    @Test
    void theChangeIsTheShiftOfLogForkScores() {
        Comparison.Change c =
                Comparison.change(new double[] {100, 101, 99, 100, 100}, new double[] {110, 111, 109, 110, 110});
        assertEquals(0.10, c.estimate(), 0.002);
        assertTrue(c.lower() > 0 && c.upper() < 0.13, c.toString());
        assertEquals("faster", c.verdict(true));
        assertEquals("slower", c.verdict(false));
        Comparison.Change few = Comparison.change(new double[] {100, 101, 99}, new double[] {110, 111, 109});
        assertEquals("not known", few.verdict(true));
    }

    private static String line(String table, String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        return table.lines()
                .filter(l -> p.matcher(l).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError(regex + " in\n" + table))
                .stripTrailing();
    }

    private static void label(Path run, String label) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(run.resolve("run.json").toFile());
        n.put("label", label);
        JSON.writeValue(run.resolve("run.json").toFile(), n);
    }

    /** Multiplies every raw value of one row (benchmark suffix, counter, threads) by {@code factor}. */
    private static void scale(Path run, String benchmark, String counter, int threads, double factor) throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree(run.resolve("jmh.json").toFile());
        int changed = 0;
        for (var r : rows) {
            if (r.get("benchmark").asText().endsWith(benchmark)
                    && r.at("/params/counter").asText().equals(counter)
                    && r.get("threads").asInt() == threads) {
                for (var fork : r.at("/primaryMetric/rawData")) {
                    ArrayNode f = (ArrayNode) fork;
                    for (int i = 0; i < f.size(); i++) {
                        f.set(i, f.get(i).asDouble() * factor);
                    }
                }
                changed++;
            }
        }
        assertTrue(changed > 0, "no row " + benchmark + " " + counter);
        JSON.writeValue(run.resolve("jmh.json").toFile(), rows);
    }
}
