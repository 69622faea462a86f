package io.counterbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.Reports;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRealRunFolderGetsMarkdownCsvAndSelfContainedHtml(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "20261121T093917Z-vm");
        List<Path> written = Reports.write(List.of(run), run);
        Path md = run.resolve("report.md");
        Path csv = run.resolve("report.csv");
        Path html = run.resolve("report.html");
        assertTrue(written.containsAll(List.of(md, csv, html)), written.toString());
        assertTrue(
                written.stream()
                                .filter(p -> p.getParent().equals(run.resolve("charts")))
                                .count()
                        >= 5,
                written.toString());

        String m = Files.readString(md);
        assertTrue(
                m.contains(
                        "Machine: AMD EPYC, 2 CPUs; topology pack 1, die 1, numa 1, l3 1, core 2, pu 2; kernel 6.18.44-fc-v669; JDK 25.0.3"),
                m);
        assertTrue(
                m.contains(
                        "| method | counter | threads | forks | ops/us [interval] | speedup vs LongAdder | worst (counts) "
                                + "| bound under / over (counts) | violations |"),
                m);
        assertTrue(m.contains("| inc | tree | 1 | 1 | 114.0 | 0.42x | 23 | 64 / 62 | 0 |"), m);
        assertTrue(m.contains("1 fork per row: no interval"), "one fork: no interval, and the table says so");
        assertTrue(m.contains("### Accuracy against CPU count"), m);
        assertTrue(m.contains("| ReadBenchmark | tree | 8 | 286 | 768 / 744 | 37% | 0 | approximate, precise |"), m);
        assertTrue(
                m.contains(
                        "![inc: how does update throughput scale with threads?](charts/updatebenchmark-inc-topology-host-throughput.svg)"),
                m);
        assertTrue(m.contains("## Footprint"), m);
        assertTrue(m.contains("| tree | 1,240 / 1,552 | 11,736 / 12,048 | 38,360 / 38,672 | 151,000 / 151,312 |"), m);
        assertTrue(
                m.contains(
                        "| kernel layout: HPCC tree | 80 / 320 | 1,856 / 7,424 | 4,416 / 17,664 | 17,728 / 70,912 |"),
                m);
        assertTrue(
                m.contains("| tree | 15.5x / 4.9x | 6.3x / 1.6x | 8.7x / 2.2x | 8.5x / 2.1x |"),
                "the JVM's padding cost");

        String h = Files.readString(html);
        assertTrue(h.startsWith("<!DOCTYPE html>"));
        assertTrue(
                h.contains("<figure id=\"chart-updatebenchmark-inc-topology-host-throughput\">\n<svg "),
                "charts inline");
        assertTrue(h.split("<svg ", -1).length - 1 >= 5);
        for (String external : List.of("<script", "<link", "src=", "href=", "@import", "url(http")) {
            assertFalse(h.contains(external), "self-contained, but has " + external);
        }
        assertTrue(h.contains("AMD EPYC, 2 CPUs"));

        List<List<String>> rows = Csv.parse(Files.readString(csv));
        List<String> header = rows.getFirst();
        assertEquals(
                List.of(
                        "machine",
                        "run",
                        "label",
                        "benchmark",
                        "mode",
                        "threads",
                        "counter",
                        "cpus",
                        "placement",
                        "processes",
                        "topology",
                        "score",
                        "error",
                        "unit",
                        "samples",
                        "forks",
                        "median",
                        "ci_low",
                        "ci_high",
                        "ci_confidence",
                        "speedup_vs_adder",
                        "speedup_low",
                        "speedup_high",
                        "reader_median",
                        "reader_ci_low",
                        "reader_ci_high",
                        "reader_speedup_vs_adder",
                        "writer_median",
                        "writer_ci_low",
                        "writer_ci_high",
                        "writer_speedup_vs_adder",
                        "accuracy.worst",
                        "accuracy.bound",
                        "accuracy.bound.under",
                        "accuracy.bound.over",
                        "accuracy.violations",
                        "accuracy.lost",
                        "accuracy.inflight.worst",
                        "gc.alloc.rate.norm"),
                header);
        assertEquals(1 + 45, rows.size());
        for (List<String> r : rows) {
            assertEquals(header.size(), r.size(), r.toString());
        }
        List<String> first = rows.get(1);
        assertEquals("io.counterbench.bench.UpdateBenchmark.inc", first.get(header.indexOf("benchmark")));
        assertEquals(113.99378152824728, Double.parseDouble(first.get(header.indexOf("score"))), 1e-12);
        assertEquals("ops/us", first.get(header.indexOf("unit")));
        assertEquals("AMD EPYC / 2 CPUs", first.get(0));
    }

    @Test
    void everySvgChartIsWellFormedXml(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        List<Path> svgs = Reports.write(List.of(run), run).stream()
                .filter(p -> p.toString().endsWith(".svg"))
                .toList();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        for (Path svg : svgs) {
            var doc = factory.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName(), svg.toString());
        }
    }

    @Test
    void aSecondReportNeverOverwritesTheFirst(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        Reports.write(List.of(run), run);
        String before = Files.readString(run.resolve("report.md"));
        List<Path> second = Reports.write(List.of(run), run);
        assertTrue(second.contains(run.resolve("report-2.md")), second.toString());
        assertTrue(second.contains(run.resolve("report-2.html")));
        assertTrue(Files.isDirectory(run.resolve("charts-2")));
        assertTrue(
                Files.readString(run.resolve("report-2.md")).contains("](charts-2/"),
                "the second report links its own charts");
        assertEquals(before, Files.readString(run.resolve("report.md")));
    }

    @Test
    void runsFromTwoMachinesMergeIntoOneTableWithAMachineColumn(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "a");
        Path b = Fixtures.copy("runs/smoke", tmp, "b");
        ObjectNode run = (ObjectNode) JSON.readTree(b.resolve("run.json").toFile());
        ((ObjectNode) run.get("environment")).put("cpuModel", "Intel(R) Xeon(R) Platinum 8480+");
        ((ObjectNode) run.get("environment").get("cpus")).put("available", 224).put("onlineCount", 224);
        JSON.writeValue(b.resolve("run.json").toFile(), run);
        Path out = tmp.resolve("merged");
        Reports.write(List.of(a, b), out);
        String m = Files.readString(out.resolve("report.md"));
        assertEquals(
                1,
                m.lines().filter(l -> l.startsWith("### UpdateBenchmark")).count(),
                "one table, not one per machine");
        assertTrue(m.contains("| machine | method | counter | threads | forks | ops/us [interval] |"), m);
        assertTrue(m.contains("| AMD EPYC / 2 CPUs | inc | tree | 1 | 1 | 114.0 |"), m);
        assertTrue(m.contains("| Intel Xeon Platinum 8480+ / 224 CPUs | inc | tree | 1 | 1 | 114.0 |"), m);
        assertTrue(
                m.contains("Machine Intel Xeon Platinum 8480+ / 224 CPUs: Intel(R) Xeon(R) Platinum 8480+, 224 CPUs"),
                m);
        List<List<String>> csv = Csv.parse(Files.readString(out.resolve("report.csv")));
        assertEquals(1 + 90, csv.size());
        assertEquals(2, csv.stream().skip(1).map(r -> r.getFirst()).distinct().count());
    }

    @Test
    void twoRunsOfOneMachineStayApart(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "run-a");
        Path b = Fixtures.copy("runs/smoke", tmp, "run-b");
        Path out = tmp.resolve("out");
        Reports.write(List.of(a, b), out);
        String m = Files.readString(out.resolve("report.md"));
        assertTrue(m.contains("| AMD EPYC / 2 CPUs (run-a) | inc | tree | 1 |"), m);
        assertTrue(m.contains("| AMD EPYC / 2 CPUs (run-b) | inc | tree | 1 |"), m);
    }

    @Test
    void runsOfOneMachineThatMeasuredDifferentBenchmarksNeedNoMachineColumn(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "run-a");
        Path b = Fixtures.copy("runs/smoke", tmp, "run-b");
        keepBenchmarks(a, true);
        keepBenchmarks(b, false);
        Path out = tmp.resolve("out");
        Reports.write(List.of(a, b), out);
        String m = Files.readString(out.resolve("report.md"));
        int from = m.indexOf("### UpdateBenchmark");
        String update = m.substring(from, m.indexOf("\n### ", from + 1));
        assertTrue(update.contains("| method | counter | threads | forks | ops/us [interval] |"), update);
        assertTrue(update.contains("| inc | tree | 1 | 1 | 114.0 |"), update);
        assertFalse(update.contains("(run-a)"), "rows of a table that all come from one run are not labelled by run");
        assertFalse(update.contains("| machine |"), update);
    }

    /** Keeps only the UpdateBenchmark rows of a run folder's jmh.json (or only the others). */
    private static void keepBenchmarks(Path run, boolean update) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode)
                JSON.readTree(run.resolve("jmh.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
        all.forEach(n -> {
            if (n.get("benchmark").asText().contains("UpdateBenchmark") == update) {
                kept.add(n);
            }
        });
        assertTrue(kept.size() > 0 && kept.size() < all.size(), "the fixture has rows of both kinds");
        JSON.writeValue(run.resolve("jmh.json").toFile(), kept);
    }

    @Test
    void aBareJmhFileFromAnotherProjectGetsAReportNextToIt(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("results.json");
        Files.copy(Fixtures.resource("jmh/sample-mode-foreign.json"), f);
        Path out = Reports.defaultOutput(List.of(f), java.time.Instant.now());
        assertEquals(tmp.toAbsolutePath().normalize(), out);
        Reports.write(List.of(f), out);
        String m = Files.readString(tmp.resolve("report.md"));
        assertTrue(m.contains("### ParserBench (sample, ns/op, lower is better)"), m);
        assertTrue(
                m.contains("| 1 | 2 | 1222 [1213, 1231] |"),
                "2 forks of histograms: median and min-max of their means");
        assertTrue(m.contains("run.json is missing from unknown machine (results.json): section skipped."), m);
        assertTrue(m.contains("footprint.json is missing from"), m);
    }

    @Test
    void foreignFilesOfEveryShapeRender(@TempDir Path tmp) {
        for (String name : List.of(
                "single-shot-nan.json",
                "two-modes.json",
                "counterbench-quick.json",
                "real-sample.json",
                "real-single-shot-gc.json")) {
            Path out = tmp.resolve(name + "-out");
            List<Path> files = Reports.write(List.of(Fixtures.resource("jmh/" + name)), out);
            assertTrue(files.contains(out.resolve("report.html")), name);
        }
    }

    @Test
    void failedBenchmarkRunsAreListedWithTheirError(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "20261121T093917Z-vm");
        Fixtures.edit(run, "run.json", root -> {
            ObjectNode failure = ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("failed")).addObject();
            failure.put("index", 3);
            failure.put("label", "UpdateBenchmark.{inc} counter=thrower threads=1");
            failure.put("error", "java.lang.IllegalStateException: boom");
        });
        Reports.write(List.of(run), run);
        String m = Files.readString(run.resolve("report.md"));
        assertTrue(
                m.contains(
                        "| AMD EPYC / 2 CPUs | UpdateBenchmark.{inc} counter=thrower threads=1 | java.lang.IllegalStateException: boom |"),
                m);
        Path clean = Fixtures.copy("runs/smoke", tmp, "clean");
        Reports.write(List.of(clean), clean);
        assertFalse(
                Files.readString(clean.resolve("report.md")).contains("Failed benchmark runs"),
                "no table when nothing failed");
    }

    @Test
    void aFolderWithoutJmhJsonIsBadInputAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        Files.delete(run.resolve("jmh.json"));
        InputException e = assertThrows(InputException.class, () -> Reports.write(List.of(run), run));
        assertTrue(
                e.getMessage()
                        .contains("no jmh.json in this folder (run.json: status complete, 21 completed, 0 failed)"),
                e.getMessage());
        try (Stream<Path> s = Files.list(run)) {
            assertEquals(
                    List.of("footprint.json", "run.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void runsThatMeasuredABenchmarkInDifferentModesCannotMerge(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "a");
        Path b = Fixtures.copy("runs/smoke", tmp, "b");
        String j = Files.readString(b.resolve("jmh.json")).replace("\"mode\":\"thrpt\"", "\"mode\":\"avgt\"");
        Files.writeString(b.resolve("jmh.json"), j);
        Path out = tmp.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Reports.write(List.of(a, b), out));
        assertTrue(
                e.getMessage()
                        .contains("mixed modes: io.counterbench.bench.UpdateBenchmark.inc is [avgt] here but [thrpt]"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingFootprintIsSkippedWithANote(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        Files.delete(run.resolve("footprint.json"));
        Reports.write(List.of(run), run);
        String m = Files.readString(run.resolve("report.md"));
        assertTrue(m.contains("> footprint.json is missing from AMD EPYC / 2 CPUs: section skipped."), m);
    }

    @Test
    void aCorruptFootprintIsBadInput(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        Files.writeString(run.resolve("footprint.json"), "{\"rows\": [");
        InputException e = assertThrows(InputException.class, () -> Reports.write(List.of(run), run));
        assertTrue(e.getMessage().contains("footprint.json: truncated JSON"), e.getMessage());
        assertFalse(Files.exists(run.resolve("report.md")));
    }

    @Test
    void simulationJsonGetsItsOwnSection(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/with-simulation", tmp, "20261121T102800Z-vm");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("## Simulated machines"), md);
        for (String scenario : List.of("rss-250", "hop-384", "oom-select", "scale")) {
            assertTrue(md.contains("#### " + scenario), scenario + " missing");
        }
        assertTrue(md.contains("Published:"), "published figures beside the simulated ones");
        assertTrue(
                md.contains("| counter | batch | bound (MB) | worst under (MB) |"),
                "laid out like simulate's rss table");
        assertTrue(Files.readString(run.resolve("report.html")).contains("Simulated machines"));
    }

    @Test
    void aSimulationFileWithoutScenariosIsRefused(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/with-simulation", tmp, "20261121T102801Z-vm");
        Files.writeString(run.resolve("simulation.json"), "{\"seed\": 1}");
        InputException e = assertThrows(InputException.class, () -> Reports.write(List.of(run), run));
        assertTrue(e.getMessage().contains("simulation.json") && e.getMessage().contains("scenarios"), e.getMessage());
        assertFalse(Files.exists(run.resolve("report.md")), "nothing written");
    }

    @Test
    void aRowWithAFlameGraphLinksIt(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        // what run --async-profiler leaves: profiles/NNN-tT/<JMH's benchmark id>/flame-EVENT-forward.html
        Path dir = run.resolve(
                "profiles/003-t2/io.counterbench.bench.UpdateBenchmark.inc-Throughput-counter-TREE-placement-compact-topology-host");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("flame-cpu-forward.html"), "<html></html>");
        Path out = tmp.resolve("elsewhere");
        Reports.write(List.of(run), out);
        String md = Files.readString(out.resolve("report.md"));
        String rel =
                "../run/profiles/003-t2/io.counterbench.bench.UpdateBenchmark.inc-Throughput-counter-TREE-placement-compact-topology-host/flame-cpu-forward.html";
        assertTrue(
                md.contains("| inc | tree | 2 | 1 | 156.7 | 0.65x | 20 | 64 / 62 | 0 | [flame graph](" + rel + ") |"),
                md);
        assertTrue(
                md.contains("| inc | tree | 1 | 1 | 114.0 | 0.42x | 23 | 64 / 62 | 0 |  |"),
                "only the profiled row (2 threads) links one");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<a href=\"" + rel + "\">flame graph</a>"));
    }

    @Test
    void aFootprintFileWithKernelBytesIsTakenAtItsWord(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        ObjectNode fp = (ObjectNode) JSON.readTree(run.resolve("footprint.json").toFile());
        for (var row : fp.get("rows")) {
            if (row.get("counter").asText().equals("per-node")) {
                ((ObjectNode) row).put("kernelBytes", 8);
            }
        }
        JSON.writeValue(run.resolve("footprint.json").toFile(), fp);
        Reports.write(List.of(run), run);
        String m = Files.readString(run.resolve("report.md"));
        assertTrue(m.contains("(from footprint.json)"), m);
        // per-node: 816 retained bytes against the kernel's 8 at N=2 (a group of 4: 1,080 against 32)
        assertTrue(m.contains("| per-node | 102.0x / 33.8x |"), m);
        assertTrue(
                m.contains("| tree | 15.5x / 4.9x |"),
                "tree without a kernelBytes column: from the kernel tree's structure");
    }
}
