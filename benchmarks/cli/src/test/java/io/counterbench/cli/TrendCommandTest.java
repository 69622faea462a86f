package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trend: recording ab run folders into a series file, the exit codes, bad input, the summary and the report. */
class TrendCommandTest {
    private static final String NOISE = "trend/synthetic-noise-history.jsonl";
    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "1123456789abcdef0123456789abcdef01234567";

    @AfterEach
    void restoreEnvironment() {
        TrendCommand.environment = System.getenv();
    }

    /** The recorded ab run ab/slow5 (per-node 5% slower by the knob) with its baseline jar pointed at a file of {@code bytes}. */
    private static Path abRun(Path tmp, String name, String bytes) throws Exception {
        Path dir = Fixtures.copy("ab/slow5", tmp, name);
        Path jar = Files.writeString(tmp.resolve(name + ".jar"), bytes);
        Fixtures.edit(dir, "pairs.json", n -> {
            ((ObjectNode) n.path("baseline")).put("jar", jar.toString());
            ((ObjectNode) n.path("baseline")).put("given", jar.toString());
        });
        return dir;
    }

    @Test
    void recordAppendsOnePointPerRowAndRefusesAnotherReference(@TempDir Path tmp) throws Exception {
        Path history = tmp.resolve("h/series.jsonl");
        Path one = abRun(tmp, "one", "reference");
        Cli.Run r = run(
                "trend",
                "--record",
                one.toString(),
                "--commit",
                A,
                "--commit-time",
                "2026-12-01T01:00:00Z",
                history.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("recorded 2 row(s) of 0123456 (2026-12-01T01:00:00Z) to " + history), r.out());
        assertTrue(r.out().contains("no change point"), r.out());
        r = run(
                "trend",
                "--record",
                one.toString(),
                "--commit",
                B,
                "--commit-time",
                "2026-12-02T01:00:00Z",
                history.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(4, Files.readAllLines(history).size());
        String before = Files.readString(history);
        Path other = abRun(tmp, "other", "another reference");
        run(
                        "trend",
                        "--record",
                        other.toString(),
                        "--commit",
                        B,
                        "--commit-time",
                        "2026-12-03T01:00:00Z",
                        history.toString())
                .assertOneLineError("mixes reference jars");
        assertEquals(before, Files.readString(history), "nothing appended");
        // ab's current side was a jar: the commit must be given
        run("trend", "--record", one.toString(), history.toString()).assertOneLineError("pass --commit SHA");
        run("trend", "--record", one.toString(), "--commit", "main", history.toString())
                .assertOneLineError("not a full commit");
        run("trend", "--record", one.toString(), "--commit", A, "--commit-time", "yesterday", history.toString())
                .assertOneLineError("not an ISO-8601 instant");
        run("trend", "--record", one.toString(), history.toString(), history.toString())
                .assertOneLineError("one series file");
        run("trend", "--commit", A, history.toString()).assertOneLineError("--commit is for --record");
        assertEquals(before, Files.readString(history));
        // a folder keeps one file per machine and reference jar
        Path folder = Files.createDirectories(tmp.resolve("series"));
        run(
                        "trend",
                        "--record",
                        one.toString(),
                        "--commit",
                        A,
                        "--commit-time",
                        "2026-12-01T01:00:00Z",
                        folder.toString())
                .assertOk();
        run(
                        "trend",
                        "--record",
                        other.toString(),
                        "--commit",
                        A,
                        "--commit-time",
                        "2026-12-01T01:00:00Z",
                        folder.toString())
                .assertOk();
        try (var files = Files.list(folder)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(
                    names.stream().allMatch(n -> n.matches("amd-epyc[a-z0-9-]*--[0-9a-f]{12}\\.jsonl")),
                    names.toString());
        }
    }

    /** A history of 30 commits of one row, 4% slower from commit 20 on; the lines as the recorder writes them. */
    private static Path stepHistory(Path tmp) throws Exception {
        List<String> lines = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 30; i++) {
            double e = rnd.nextGaussian() * 0.005 + (i >= 20 ? Math.log(1.04) : 0);
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "{\"schema\":\"counterbench-trend/1\",\"row\":\"UpdateBenchmark.inc counter=tree "
                            + "threads=1\",\"commit\":\"%040x\",\"commitTime\":\"2026-11-%02dT00:00:00Z\",\"machine\":\"m\",\"reference\":\"%s\","
                            + "\"estimate\":%.6f,\"lower\":%.6f,\"upper\":%.6f,\"confidence\":0.99,\"pairs\":12}",
                    0xabc000 + i,
                    i + 1,
                    "ef".repeat(32),
                    e,
                    e - 0.008,
                    e + 0.008));
        }
        return Files.write(tmp.resolve("step.jsonl"), lines);
    }

    @Test
    void aStepFailsUntilSinceIsPastIt(@TempDir Path tmp) throws Exception {
        Path h = stepHistory(tmp);
        Path step = tmp.resolve("step-summary.md");
        Files.writeString(step, "earlier\n");
        TrendCommand.environment = Map.of("GITHUB_STEP_SUMMARY", step.toString());
        String c20 = String.format("%040x", 0xabc000 + 20);
        Cli.Run r = run("trend", h.toString(), "--report", tmp.resolve("rep").toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("change before " + c20.substring(0, 7)), r.out());
        assertTrue(r.out().contains("REGRESSION"), r.out());
        assertTrue(r.err().startsWith("check failed: trend: 1 regression(s) beyond 2.00%"), r.err());
        assertTrue(Files.readString(step).startsWith("earlier\n### counterbench trend"), Files.readString(step));
        String html = Files.readString(tmp.resolve("rep/report.html"));
        assertTrue(
                html.contains("<svg") && html.contains("change before " + c20.substring(0, 7)),
                "chart with the change point");
        assertTrue(Files.isRegularFile(tmp.resolve("rep/charts/trend-1.svg")));
        String c19 = String.format("%040x", 0xabc000 + 19);
        assertEquals(
                ExitCodes.CHECK_FAILED,
                run("trend", h.toString(), "--since", c19).code());
        assertEquals(
                ExitCodes.CHECK_FAILED,
                run("trend", h.toString(), "--since", c20).code(),
                "one run after it: not yet seen");
        String c26 = String.format("%040x", 0xabc000 + 26);
        assertEquals(0, run("trend", h.toString(), "--since", c26).code(), "the history up to c26 already showed it");
        assertEquals(0, run("trend", h.toString(), "--threshold", "5%").code());
    }

    @Test
    void noiseAloneExitsZero() {
        Cli.Run r = run("trend", Fixtures.resource(NOISE).toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no regression beyond 2.00% in the whole history"), r.out());
    }

    @Test
    void badHistoriesAreOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        run("trend", empty.toString()).assertOneLineError("empty");
        Path corrupt =
                Files.writeString(tmp.resolve("corrupt.jsonl"), "{\"schema\":\"counterbench-trend/1\",\"row\"\n");
        run("trend", corrupt.toString()).assertOneLineError("corrupt.jsonl:1: not a JSON line");
        Path h = stepHistory(tmp);
        run("trend", h.toString(), Fixtures.resource(NOISE).toString()).assertOneLineError("mixes machines");
        run("trend", h.toString(), "--since", "0123abcd").assertOneLineError("no such commit in the history");
        run("trend", tmp.resolve("none.jsonl").toString()).assertOneLineError("none.jsonl");
        run("trend", h.toString(), "--permutations", "0").assertOneLineError("permutations");
        run("trend", h.toString(), "--significance", "1").assertOneLineError("significance");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        run("trend", h.toString(), "--report", file.toString()).assertOneLineError("--report");
        Cli.Run none = run("trend");
        assertEquals(ExitCodes.BAD_INPUT, none.code());
    }
}
