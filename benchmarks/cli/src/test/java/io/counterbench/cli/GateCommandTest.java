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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    private static final String STD = "aa/std-a";

    @AfterEach
    void restoreEnvironment() {
        GateCommand.environment = System.getenv();
    }

    @Test
    void aRunAgainstItselfPassesWithAKernelRobotStyleTable(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.resource(STD);
        Path summary = tmp.resolve("summary.md");
        Path step = tmp.resolve("step-summary.md");
        Files.writeString(step, "earlier step\n");
        GateCommand.environment = Map.of("GITHUB_STEP_SUMMARY", step.toString());
        Cli.Run r = run("gate", "--baseline", run.toString(), "--current", run.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("          base  ±stddev    %change            new  ±stddev         p  verdict        benchmark"), r.out());
        assertTrue(r.out().contains("     +0.0%"), r.out());
        assertTrue(r.out().contains("result: passed (16 unchanged)"), r.out());
        assertTrue(Files.readString(summary).startsWith("## counterbench gate: passed (16 unchanged)"));
        String s = Files.readString(step);
        assertTrue(s.startsWith("earlier step\n## counterbench gate: passed"), "appended: " + s);
    }

    @Test
    void twentyPercentSlowerExitsOne(@TempDir Path tmp) {
        Path slower = Fixtures.edit(Fixtures.copy(STD, tmp, "slower"), "jmh.json", Fixtures.performance(0.8));
        Cli.Run r = run("gate", "--baseline", Fixtures.resource(STD).toString(), "--current", slower.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("REGRESSION     UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1 (ops/us)"), r.out());
        assertTrue(r.err().startsWith("check failed: gate: "), r.err());
        assertTrue(r.err().contains("regressions"), r.err());
    }

    @Test
    void twentyPercentFasterPassesWithImprovements(@TempDir Path tmp) {
        Path faster = Fixtures.edit(Fixtures.copy(STD, tmp, "faster"), "jmh.json", Fixtures.performance(1.2));
        Cli.Run r = run("gate", "--baseline", Fixtures.resource(STD).toString(), "--current", faster.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("improvement"), r.out());
    }

    @Test
    void normalizeByAdderCancelsAUniformSlowdown(@TempDir Path tmp) {
        Path slower = Fixtures.edit(Fixtures.copy(STD, tmp, "slower"), "jmh.json", Fixtures.performance(0.8));
        Cli.Run r = run("gate", "--baseline", Fixtures.resource(STD).toString(), "--current", slower.toString(),
                "--normalize-by", "adder");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("result: passed (8 unchanged, 8 reference)"), r.out());
    }

    @Test
    void exportWritesBothDirections(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.resource(STD);
        Path file = tmp.resolve("bench.json");
        Cli.Run r = run("gate", "--baseline", run.toString(), "--current", run.toString(), "--export", "github-action-benchmark", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode bigger = Fixtures.JSON.readTree(file.toFile());
        JsonNode smaller = Fixtures.JSON.readTree(tmp.resolve("bench-smaller.json").toFile());
        assertEquals(4, bigger.size());
        assertEquals(12, smaller.size());
        assertEquals("ReadBenchmark.approximate counter=tree cpus=2 threads=1", smaller.get(0).get("name").asText());
        assertEquals("ns/op", smaller.get(0).get("unit").asText());
        Cli.Run e = run("export", run.toString(), tmp.resolve("x.json").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("exported: " + tmp.resolve("x-smaller.json")), e.out());
    }

    @Test
    void unusableInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        String base = Fixtures.resource(STD).toString();
        Path summary = tmp.resolve("summary.md");
        Path bad = Fixtures.resource("jmh/bad");
        run("gate", "--baseline", base, "--current", bad.resolve("truncated.json").toString(), "--summary", summary.toString())
                .assertOneLineError("truncated.json: truncated JSON");
        run("gate", "--baseline", bad.resolve("object.json").toString(), "--current", base).assertOneLineError("not JMH's JSON");
        Path other = Fixtures.edit(Fixtures.copy(STD, tmp, "other"), "run.json",
                n -> ((ObjectNode) n.get("environment").get("cpus")).put("available", 64));
        run("gate", "--baseline", base, "--current", other.toString(), "--summary", summary.toString())
                .assertOneLineError("ran on different machines: cpus.available 2 vs 64");
        assertEquals(0, run("gate", "--baseline", base, "--current", other.toString(), "--allow-different-machine").code());
        Path fewer = Fixtures.edit(Fixtures.copy(STD, tmp, "fewer"), "jmh.json", n -> ((ArrayNode) n).remove(0));
        run("gate", "--baseline", base, "--current", fewer.toString(), "--summary", summary.toString())
                .assertOneLineError("missing 1 of 16 baseline rows");
        assertEquals(0, run("gate", "--baseline", base, "--current", fewer.toString(), "--allow-missing").code());
        assertEquals(0, run("gate", "--baseline", fewer.toString(), "--current", base).code(), "new rows are fine");
        Path mixed = Fixtures.edit(Fixtures.copy(STD, tmp, "mixed"), "jmh.json", n -> ((ObjectNode) n.get(5)).put("mode", "sample"));
        run("gate", "--baseline", base, "--current", mixed.toString())
                .assertOneLineError("mixed modes: ReadBenchmark.approximate counter=tree cpus=8 threads=1 is [avgt] in the baseline");
        run("gate", "--baseline", base, "--current", Fixtures.resource("jmh/two-modes.json").toString())
                .assertOneLineError("no row of the current run");
        run("gate", "--baseline", base, "--current", base, "--threshold", "lots")
                .assertOneLineError("--threshold 'lots' is not a percentage");
        run("gate", "--baseline", base, "--current", base, "--export", "csv", tmp.resolve("e.json").toString())
                .assertOneLineError("unknown export format 'csv'");
        assertFalse(Files.exists(summary));
        assertFalse(Files.exists(tmp.resolve("e.json")));
    }
}
