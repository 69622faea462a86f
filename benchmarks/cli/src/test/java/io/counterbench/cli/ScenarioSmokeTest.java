package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.counters.CounterId;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.sim.ScaleTopologies;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every scenario in quick mode: it runs, passes its checks, prints its table beside the published figures, writes its JSON. */
class ScenarioSmokeTest {
    @TempDir
    Path dir;

    private record Result(Cli.Run run, JsonNode scenario, JsonNode document) {}

    private Result quick(String scenario, String... flags) throws IOException {
        String[] args = new String[6 + flags.length];
        System.arraycopy(
                new String[] {"simulate", scenario, "--quick", "--no-progress", "--out", dir.toString()},
                0,
                args,
                0,
                6);
        System.arraycopy(flags, 0, args, 6, flags.length);
        Cli.Run r = Cli.run(args);
        r.assertOk();
        JsonNode doc = Cli.json(dir.resolve("simulation.json"));
        assertEquals(0, doc.get("checks").get("failures").asLong());
        assertEquals(1, doc.get("scenarios").size());
        JsonNode s = doc.get("scenarios").get(0);
        assertEquals(scenario, s.get("name").asText());
        assertTrue(s.get("rows").size() > 0);
        assertTrue(r.out().contains("### " + scenario + ": "), r.out());
        assertTrue(r.out().contains("simulated ops/s"), r.out());
        assertTrue(doc.get("timing").get("speed").get(0).get("ops_per_s").asDouble() > 0);
        for (JsonNode row : s.get("rows")) {
            assertEquals(0, row.path("violations").asLong(0));
        }
        return new Result(r, s, doc);
    }

    @Test
    void rss250() throws IOException {
        Result r = quick("rss-250");
        assertTrue(r.run().out().contains("<= 64 x 5 pages = 1.25 MB"), r.run().out());
        assertTrue(r.run().out().contains("tens of MB; up to ~1 GB"), r.run().out());
        // one home per table: the console prints the report's tables, built from the scenario's JSON
        SimTables tables = new SimTables(4096);
        assertTrue(
                r.run().out().contains(MarkdownWriter.padded(tables.rss(r.scenario()))),
                r.run().out());
        Block.Table coherence = tables.coherence(r.scenario(), null);
        assertTrue(
                r.run().out().contains(coherence.caption() + "\n\n" + MarkdownWriter.padded(coherence)),
                r.run().out());
        assertEquals(
                "<= 64 x 5 pages = 1.25 MB (pre-6.2)",
                tables.rss(r.scenario()).rows().get(0).getLast());
        JsonNode flat = r.scenario().get("rows").get(2);
        assertEquals("flat", flat.get("counter").asText());
        assertEquals(500, flat.get("batch").asLong(), "kernel batch max(32, 2 x 250)");
        assertEquals(499L * 250, flat.get("bound").get("under").asLong());
        assertTrue(flat.get("worst_deviation").get("under").asLong() > 0);
    }

    @Test
    void hop384() throws IOException {
        Result r = quick("hop-384");
        assertEquals(
                49_152, r.scenario().get("tree_bound_pages").asLong(), "192 MB = 49152 pages: computed, not typed");
        assertEquals(192.0, r.scenario().get("tree_bound_mb").asDouble());
        assertTrue(
                r.run().out().contains("= 49,152 pages = 192.0 MB (published: 192 MB)"),
                r.run().out());
        assertTrue(r.run().out().contains("~1 GB"));
        SimTables tables = new SimTables(4096);
        assertTrue(
                r.run().out().contains(MarkdownWriter.padded(tables.hop(r.scenario()))),
                r.run().out());
        for (JsonNode row : r.scenario().get("rows")) {
            if (row.get("counter").asText().equals("tree")) {
                assertTrue(row.get("worst_deviation").get("under").asLong()
                        <= row.get("reachable_under").asLong());
            }
        }
    }

    @Test
    void oomSelect() throws IOException {
        Result r = quick("oom-select");
        for (JsonNode row : r.scenario().get("rows")) {
            assertEquals(0, row.get("fallback_wrong_victims").asLong());
            assertEquals(0, row.get("always_precise_wrong_victims").asLong());
            assertEquals(0, row.get("precise_mismatches").asLong());
            assertEquals(
                    row.get("processes").asLong() * row.get("selections").asLong(),
                    row.get("always_precise_sums").asLong());
            assertTrue(
                    row.get("fallback_precise_sums").asLong()
                            < row.get("always_precise_sums").asLong(),
                    row.toString());
        }
        assertTrue(r.run().out().contains("80 ms -> 7.9 ms"), r.run().out());
    }

    @Test
    void scale() throws IOException {
        Result r = quick("scale");
        JsonNode rows = r.scenario().get("rows");
        int counters = CounterId.values().length;
        assertEquals(ScaleTopologies.SIZES.size() * counters, rows.size());
        for (JsonNode row : rows) {
            JsonNode adv = row.get("adversarial");
            String id = row.get("counter").asText();
            if (id.equals("flat") || id.equals("per-node") || id.equals("per-thread")) {
                assertEquals(
                        adv.get("bound").get("under").asLong(),
                        adv.get("worst_deviation").get("under").asLong(),
                        row.toString());
            }
            if (id.startsWith("tree")) {
                assertEquals(
                        adv.get("reachable_under").asLong(),
                        adv.get("worst_deviation").get("under").asLong(),
                        row.toString());
            }
        }
        // O(N^2) against O(N log N): at 4096 CPUs the flat bound is over 60 times the tree's
        JsonNode flat4096 =
                rows.get(rows.size() - counters + CounterId.FLAT.ordinal()).get("adversarial");
        JsonNode tree4096 =
                rows.get(rows.size() - counters + CounterId.TREE.ordinal()).get("adversarial");
        assertEquals(4096, rows.get(rows.size() - 1).get("n").asInt());
        assertTrue(flat4096.get("bound").get("under").asLong()
                > 60 * tree4096.get("bound").get("under").asLong());
    }

    @Test
    void customForkExit() throws IOException {
        Result r = quick(
                "custom",
                "--topology",
                "small-16",
                "--workload",
                "fork-exit",
                "--tasks",
                "2",
                "--ops",
                "30000",
                "--counters",
                "flat,tree,per-thread");
        for (JsonNode row : r.scenario().get("rows")) {
            assertTrue(row.get("processes_exited").asLong() > 50, row.toString());
            assertEquals(0, row.get("precise_mismatches").asLong());
        }
        assertTrue(
                r.run().out().contains("processes (one counter each)"), r.run().out());
    }

    @Test
    void customOnHostTopologyWithEveryPolicy() throws IOException {
        Result r = quick(
                "custom",
                "--topology",
                "pack:2 l3:2 core:4 pu:2 numbering:smt-split",
                "--workload",
                "hop",
                "--migrate",
                "package",
                "--every",
                "3",
                "--ops",
                "20000",
                "--batch",
                "8");
        assertEquals(CounterId.values().length, r.scenario().get("rows").size());
        assertTrue(r.run().out().contains("package every 3 ops"), r.run().out());
    }
}
