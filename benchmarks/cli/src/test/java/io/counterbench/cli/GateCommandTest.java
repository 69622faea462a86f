package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.cli.ab.GateCommand;
import io.counterbench.results.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate command on the recorded A/A ab run (ab/aa: real forks in pairs) and a single-fork standard run (aa/std-a). */
class GateCommandTest {
    private static final String STD = "aa/std-a";
    private static final String AA = "ab/aa";

    @AfterEach
    void restoreEnvironment() {
        GateCommand.environment = System.getenv();
    }

    private static String side(String which) {
        return Fixtures.resource(AA).resolve("jmh-" + which + ".json").toString();
    }

    @Test
    void anAbRunOfTheSameCodePassesAndAppendsToTheStepSummary(@TempDir Path tmp) throws Exception {
        Path summary = tmp.resolve("summary.md");
        Path step = tmp.resolve("step-summary.md");
        Files.writeString(step, "earlier step\n");
        GateCommand.environment = Map.of("GITHUB_STEP_SUMMARY", step.toString());
        Cli.Run r = run(
                "gate",
                "--ab",
                Fixtures.resource("ab/knob-duet").toString(),
                "--summary",
                summary.toString(),
                "--threshold",
                "10%",
                "--detect",
                "10%");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains(
                                "verdict        slowdown interval                  MDE pairs  spread     baseline      current  benchmark (unit)"),
                r.out());
        assertTrue(r.out().contains("slowdown = current's time per operation / baseline's - 1"), r.out());
        assertTrue(r.out().contains("exact rank-test bounds"), r.out());
        assertTrue(r.out().contains("result: passed ("), r.out());
        assertTrue(Files.readString(summary).startsWith("## counterbench ab: passed"));
        String s = Files.readString(step);
        assertTrue(s.startsWith("earlier step\n## counterbench ab: passed"), "appended: " + s);
    }

    @Test
    void separateRunsTwentyPercentSlowerExitOne(@TempDir Path tmp) {
        Path dir = Fixtures.edit(Fixtures.copy(AA, tmp, "slower"), "jmh-current.json", Fixtures.performance(0.8));
        Cli.Run r = run(
                "gate",
                "--baseline",
                side("baseline"),
                "--current",
                dir.resolve("jmh-current.json").toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("REGRESSION"), r.out());
        assertTrue(r.out().contains("Runs taken apart cannot be compared as tightly"), r.out());
        assertTrue(r.err().startsWith("check failed: gate: "), r.err());
        // the same code, 14 forks a side of a noisy recording: not flagged; neither cleared (the upper bounds reach
        // 10%)
        Cli.Run same = run("gate", "--baseline", side("baseline"), "--current", side("current"));
        assertEquals(ExitCodes.INCONCLUSIVE, same.code(), same.out() + same.err());
        assertTrue(same.err().startsWith("inconclusive: gate: "), same.err());
        assertEquals(
                0,
                run("gate", "--baseline", side("baseline"), "--current", side("current"), "--inconclusive", "pass")
                        .code());
        assertEquals(
                ExitCodes.CHECK_FAILED,
                run("gate", "--baseline", side("baseline"), "--current", side("current"), "--inconclusive", "fail")
                        .code());
    }

    @Test
    void singleForkRunsAreInconclusiveAndSaySoUpFront(@TempDir Path tmp) {
        Path slower = Fixtures.edit(Fixtures.copy(STD, tmp, "slower"), "jmh.json", Fixtures.performance(0.5));
        Cli.Run r = run("gate", "--baseline", Fixtures.resource(STD).toString(), "--current", slower.toString());
        assertEquals(ExitCodes.INCONCLUSIVE, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("result: INCONCLUSIVE (16 inconclusive)"), r.out());
        assertTrue(r.out().contains("NOTE: 16 of 16 rows cannot reach their level"), r.out());
        assertTrue(r.out().indexOf("NOTE: 16 of 16") < r.out().indexOf("verdict "), "before the table");
    }

    @Test
    void threeForksEachTwentyPercentSlowerAreInconclusiveNotPassed(@TempDir Path tmp) {
        // the case: every current fork 20-25% slower, forks agreeing within 0.2%, 3 forks a side
        Path base = Fixtures.edit(Fixtures.copy(AA, tmp, "base3"), "jmh-baseline.json", Fixtures.keepForks(3));
        Path cur = Fixtures.edit(Fixtures.copy(AA, tmp, "cur3"), "jmh-baseline.json", Fixtures.keepForks(3));
        Fixtures.edit(cur, "jmh-baseline.json", Fixtures.performance(0.8));
        Cli.Run r = run(
                "gate",
                "--baseline",
                base.resolve("jmh-baseline.json").toString(),
                "--current",
                cur.resolve("jmh-baseline.json").toString());
        assertEquals(ExitCodes.INCONCLUSIVE, r.code(), r.out() + r.err());
        assertTrue(
                r.out().contains("cannot reach their level")
                        && r.out().contains("3 vs 3 forks")
                        && r.out().contains("forks in each run are needed"),
                r.out());
    }

    @Test
    void exportWritesBothDirections(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.resource(STD);
        Path file = tmp.resolve("bench.json");
        Cli.Run r = run("export", run.toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode bigger = Fixtures.JSON.readTree(file.toFile());
        JsonNode smaller =
                Fixtures.JSON.readTree(tmp.resolve("bench-smaller.json").toFile());
        assertEquals(4, bigger.size());
        assertEquals(12, smaller.size());
        assertEquals(
                "ReadBenchmark.approximate counter=tree cpus=2 threads=1",
                smaller.get(0).get("name").asText());
        Cli.Run e = run("export", run.toString(), tmp.resolve("x.json").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("exported: " + tmp.resolve("x-smaller.json")), e.out());
    }

    @Test
    void unusableInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        String base = Fixtures.resource(STD).toString();
        Path summary = tmp.resolve("summary.md");
        Path bad = Fixtures.resource("jmh/bad");
        run(
                        "gate",
                        "--baseline",
                        base,
                        "--current",
                        bad.resolve("truncated.json").toString(),
                        "--summary",
                        summary.toString())
                .assertOneLineError("truncated.json: truncated JSON");
        run("gate", "--baseline", bad.resolve("object.json").toString(), "--current", base)
                .assertOneLineError("not JMH's JSON");
        Path other = Fixtures.edit(
                Fixtures.copy(STD, tmp, "other"),
                "run.json",
                n -> ((ObjectNode) n.get("environment").get("cpus")).put("available", 64));
        run("gate", "--baseline", base, "--current", other.toString(), "--summary", summary.toString())
                .assertOneLineError("ran on different machines: cpus.available 2 vs 64");
        assertEquals(
                0,
                run(
                                "gate",
                                "--baseline",
                                base,
                                "--current",
                                other.toString(),
                                "--allow-different-machine",
                                "--inconclusive",
                                "pass")
                        .code());
        Path fewer = Fixtures.edit(Fixtures.copy(STD, tmp, "fewer"), "jmh.json", n -> ((ArrayNode) n).remove(0));
        run("gate", "--baseline", base, "--current", fewer.toString(), "--summary", summary.toString())
                .assertOneLineError("missing 1 of 16 baseline rows");
        assertEquals(
                0,
                run(
                                "gate",
                                "--baseline",
                                base,
                                "--current",
                                fewer.toString(),
                                "--allow-missing",
                                "--inconclusive",
                                "pass")
                        .code());
        run("gate", "--baseline", base, "--current", base, "--inconclusive", "maybe")
                .assertOneLineError("--inconclusive 'maybe': expected exit, pass or fail");
        Path mixed = Fixtures.edit(
                Fixtures.copy(STD, tmp, "mixed"), "jmh.json", n -> ((ObjectNode) n.get(5)).put("mode", "sample"));
        run("gate", "--baseline", base, "--current", mixed.toString())
                .assertOneLineError(
                        "mixed modes: ReadBenchmark.approximate counter=tree cpus=8 threads=1 is [avgt] in the baseline");
        run(
                        "gate",
                        "--baseline",
                        base,
                        "--current",
                        Fixtures.resource("jmh/two-modes.json").toString())
                .assertOneLineError("no row of the current run");
        run("gate", "--baseline", base, "--current", base, "--threshold", "lots")
                .assertOneLineError("--threshold 'lots' is not a percentage");
        run(
                        "gate",
                        "--baseline",
                        base,
                        "--current",
                        base,
                        "--export",
                        "github-action-benchmark",
                        tmp.resolve("e.json").toString())
                .assertOneLineError("--export was removed: export the run with './run-bench.sh export RUN FILE'");
        run("gate", "--ab", base).assertOneLineError("not an ab run folder: no pairs.json");
        run("gate", "--ab", Fixtures.resource(AA).toString(), "--baseline", base)
                .assertOneLineError("give either --ab DIR or --baseline and --current");
        run("gate", "--baseline", base).assertOneLineError("missing --current (or give --ab DIR)");
        run("gate", "--ab", Fixtures.resource(AA).toString(), "--normalize-by", "adder")
                .assertOneLineError("--normalize-by is for runs taken apart");
        assertFalse(Files.exists(summary));
        assertFalse(Files.exists(tmp.resolve("e.json")));
    }
}
