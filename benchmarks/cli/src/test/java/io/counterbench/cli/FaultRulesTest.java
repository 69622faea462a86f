package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that keep results from being lost or misread, on recorded folders: an output that is
 * one of the inputs is refused before anything is written; a JMH file with a row twice is refused
 * by every reader alike; an ab folder whose files are not of one run is refused, and one with
 * fewer finished pairs than planned is inconclusive (exit 3), never passed.
 */
class FaultRulesTest {
    private static final String AA = "ab/aa";
    private static final String STD = "aa/std-a";

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputStays(@TempDir Path tmp) throws Exception {
        Path runDir = Fixtures.copy(STD, tmp, "run");
        Path ab = Fixtures.copy(AA, tmp, "ab");
        byte[] jmh = Files.readAllBytes(runDir.resolve("jmh.json"));
        byte[] runJson = Files.readAllBytes(runDir.resolve("run.json"));
        byte[] pairs = Files.readAllBytes(ab.resolve("pairs.json"));

        run("export", runDir.toString(), runDir.resolve("jmh.json").toString())
                .assertOneLineError("is one of the inputs");
        run(
                        "export",
                        runDir.resolve("jmh.json").toString(),
                        runDir.resolve("jmh.json").toString())
                .assertOneLineError("is one of the inputs");
        run(
                        "gate",
                        "--baseline",
                        runDir.toString(),
                        "--current",
                        runDir.toString(),
                        "--summary",
                        runDir.resolve("run.json").toString())
                .assertOneLineError("is one of the inputs");
        run("gate", "--ab", ab.toString(), "--summary", ab.resolve("pairs.json").toString())
                .assertOneLineError("is one of the inputs");
        run(
                        "gate",
                        "--ab",
                        ab.toString(),
                        "--summary",
                        ab.resolve("sub/../jmh-current.json").toString())
                .assertOneLineError("is one of the inputs");

        assertTrue(java.util.Arrays.equals(jmh, Files.readAllBytes(runDir.resolve("jmh.json"))), "jmh.json untouched");
        assertTrue(
                java.util.Arrays.equals(runJson, Files.readAllBytes(runDir.resolve("run.json"))), "run.json untouched");
        assertTrue(
                java.util.Arrays.equals(pairs, Files.readAllBytes(ab.resolve("pairs.json"))), "pairs.json untouched");
        // the same commands with a file beside the inputs work
        run(
                        "gate",
                        "--ab",
                        ab.toString(),
                        "--summary",
                        tmp.resolve("summary.md").toString(),
                        "--inconclusive",
                        "pass")
                .assertOk();
        assertTrue(Files.isRegularFile(tmp.resolve("summary.md")), "the summary beside the inputs is written");
    }

    @Test
    void aRowTwiceIsRefusedByReportExportAndGateAlike(@TempDir Path tmp) throws Exception {
        Path runDir = Fixtures.edit(Fixtures.copy(STD, tmp, "twice"), "jmh.json", n -> {
            ArrayNode a = (ArrayNode) n;
            List<JsonNode> rows = new java.util.ArrayList<>();
            a.forEach(rows::add);
            rows.forEach(r -> a.add(r.deepCopy()));
        });
        String rule = "two results for ";
        run("report", runDir.toString(), "--out", tmp.resolve("rep").toString()).assertOneLineError(rule);
        run("export", runDir.toString(), tmp.resolve("export.json").toString()).assertOneLineError(rule);
        run("gate", "--baseline", runDir.toString(), "--current", runDir.toString())
                .assertOneLineError(rule);
        assertFalse(Files.exists(tmp.resolve("export.json")), "nothing exported");
    }

    @Test
    void aPartialAbFolderIsInconclusiveNeverPassed(@TempDir Path tmp) throws Exception {
        Cli.Run whole = run("gate", "--ab", Fixtures.resource(AA).toString());
        assertFalse(whole.out().contains("a partial run"), whole.out());
        // the plan asked for 20 pairs a row; 14 finished (a run stopped by a signal, a kill or failing forks)
        Path partial = Fixtures.edit(
                Fixtures.copy(AA, tmp, "partial"),
                "pairs.json",
                n -> ((ObjectNode) n).put("pairsPerRow", 20).put("status", "incomplete"));
        Cli.Run r = run("gate", "--ab", partial.toString());
        assertEquals(ExitCodes.INCONCLUSIVE, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("a partial run: 56 of 80 pairs finished (run incomplete)"), r.out());
        assertFalse(r.out().contains("result: passed"), "a partial run never reads passed: " + r.out());
        assertTrue(r.out().contains("result: INCONCLUSIVE ("), r.out());
    }

    @Test
    void abFilesNotOfOneRunAreRefused(@TempDir Path tmp) throws Exception {
        // a row dropped from one side: fewer rows than pairs.json has finished
        Path cut = Fixtures.edit(Fixtures.copy(AA, tmp, "cut"), "jmh-current.json", n -> ((ArrayNode) n).remove(0));
        run("gate", "--ab", cut.toString()).assertOneLineError("the files are not of one run");
        // a fork fewer in one row
        Path fewer = Fixtures.edit(
                Fixtures.copy(AA, tmp, "fewer"),
                "jmh-baseline.json",
                n -> ((ArrayNode) n.get(0).at("/primaryMetric/rawData")).remove(0));
        run("gate", "--ab", fewer.toString()).assertOneLineError("the files are not of one run");
        // same shape, other numbers: the fork files of forks/ tell
        Path other = Fixtures.copy(AA, tmp, "other");
        JsonNode current = Cli.json(other.resolve("jmh-current.json"));
        JsonNode pairs = Cli.json(other.resolve("pairs.json"));
        JsonNode first = null;
        for (JsonNode p : pairs.get("pairs")) {
            if (p.get("row").asInt() == 0
                    && "done".equals(p.get("baseline").asText())
                    && "done".equals(p.get("current").asText())
                    && !p.has("dropped")) {
                first = first == null
                                || p.get("pair").asInt() < first.get("pair").asInt()
                        ? p
                        : first;
            }
        }
        ObjectNode fork = current.get(0).deepCopy();
        ArrayNode raw = Fixtures.JSON.createArrayNode();
        ArrayNode iterations = raw.addArray();
        current.get(0).at("/primaryMetric/rawData/0").forEach(v -> iterations.add(v.asDouble() * 1.5));
        ((ObjectNode) fork.get("primaryMetric")).set("rawData", raw);
        Files.createDirectories(other.resolve("forks"));
        int attempt = first.path("attempt").asInt(1);
        Files.writeString(
                other.resolve("forks")
                        .resolve(String.format(
                                "r00-p%02d%s-current.json",
                                first.get("pair").asInt(), attempt <= 1 ? "" : "-a" + attempt)),
                Fixtures.JSON.createArrayNode().add(fork).toString());
        run("gate", "--ab", other.toString()).assertOneLineError("the current fork differs from");
    }

    @Test
    void reportsOfOneFolderAtOnceEachTakeOneNumberForAllTheirFiles(@TempDir Path tmp) throws Exception {
        Path runDir = Fixtures.copy(STD, tmp, "run");
        List<Thread> threads = new java.util.ArrayList<>();
        List<Cli.Run> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> results.add(run("report", runDir.toString()))));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Cli.Run r : results) {
            r.assertOk(); // each report takes a number of its own: report-N.md, report-N.html, report-N.csv, charts-N/
        }
        for (int n = 1; n <= 4; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            for (String name : List.of(
                    "report" + suffix + ".md",
                    "report" + suffix + ".html",
                    "report" + suffix + ".csv",
                    "charts" + suffix)) {
                assertTrue(Files.exists(runDir.resolve(name)), name + " of report number " + n);
            }
            String md = Files.readString(runDir.resolve("report" + suffix + ".md"));
            assertFalse(
                    md.matches("(?s).*\\]\\(charts(?!" + java.util.regex.Pattern.quote(suffix) + "/)[^)]*\\).*"),
                    "report" + suffix + ".md links only its own charts" + suffix + "/");
        }
        try (Stream<Path> s = Files.list(runDir)) {
            assertEquals(
                    List.of(),
                    s.filter(p -> p.getFileName().toString().endsWith(".claim")).toList(),
                    "no claim left");
        }
        try (Stream<Path> s = Files.list(runDir)) {
            for (Path md : s.filter(p -> p.getFileName().toString().matches("report(-\\d+)?\\.md"))
                    .toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\((charts[^)/]*/[^)]+\\.svg)\\)")
                        .matcher(Files.readString(md));
                while (m.find()) {
                    assertTrue(
                            Files.isRegularFile(runDir.resolve(m.group(1))),
                            md.getFileName() + " links " + m.group(1) + ", which is missing");
                }
            }
        }
        try (Stream<Path> s = Files.walk(runDir)) {
            assertEquals(
                    List.of(),
                    s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left");
        }
    }
}
