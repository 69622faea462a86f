package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.latency.Pair;
import io.counterbench.results.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate's predicted cost: the EPYC 9654 profile on hop-384, a measured latency.json and JMH rows on update, and bad input. */
class CostPredictionTest {
    @TempDir
    Path dir;

    /** A JMH UpdateBenchmark row in ops/us, one score per fork. */
    private static String row(String method, String counter, int threads, double... perFork) {
        List<String> forks = new ArrayList<>();
        for (double f : perFork) {
            forks.add("[" + f + "]");
        }
        return String.format(
                Locale.ROOT,
                "{\"benchmark\":\"io.counterbench.bench.UpdateBenchmark.%s\",\"mode\":\"thrpt\",\"threads\":%d,"
                        + "\"forks\":%d,\"params\":{\"counter\":\"%s\",\"cpu\":\"lookup\",\"placement\":\"compact\",\"topology\":\"host\"},"
                        + "\"primaryMetric\":{\"score\":%s,\"scoreError\":0,\"scoreUnit\":\"ops/us\",\"rawData\":[%s]},\"secondaryMetrics\":{}}",
                method,
                threads,
                perFork.length,
                counter,
                perFork[0],
                String.join(",", forks));
    }

    private Path jmh() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String m : List.of("inc", "rssMix")) {
            for (String c : List.of("atomic", "flat")) {
                rows.add(row(m, c, 1, 400, 380, 420));
                rows.add(row(m, c, 2, 150, 160, 170));
            }
        }
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, "[" + String.join(",", rows) + "]");
        return f;
    }

    /** A latency.json of this machine's CPUs 0 and 1 at the class the host topology gives them. */
    private Path latency(String cls) {
        LatencyRun run = new LatencyRun(
                "box",
                "Test CPU",
                "host",
                "test",
                new int[] {0, 1},
                new LatencyRun.Settings(3, 100, 100, 1, false, 1),
                List.of(new Pair(0, 1, cls, new double[] {60, 62, 64}, new double[] {90, 91, 92})),
                "",
                1);
        Path f = dir.resolve("latency.json");
        Json.write(f, LatencyJson.of(run));
        return f;
    }

    private Cli.Run simulate(String... args) {
        List<String> all = new ArrayList<>(
                List.of("simulate", "--no-progress", "--out", dir.resolve("out").toString()));
        all.addAll(List.of(args));
        return Cli.run(all);
    }

    @Test
    void hop384PricesItsMovesWithThePublishedEpycProfileAndNamesTheSources() throws IOException {
        Cli.Run r = simulate("hop-384", "--quick", "--fast-path", jmh().toString());
        r.assertOk();
        assertTrue(r.out().contains("#### predicted cost per operation"), r.out());
        assertTrue(r.out().contains("Latency profile for epyc-9654-2s: epyc-9654-2s, published."), r.out());
        assertTrue(
                r.out().contains("- remote: 191.6 ns one-way; source: median of the 9216 pairs on different sockets"),
                r.out());
        assertTrue(r.out().contains("- same-core: no figure (moves here are uncosted)"), r.out());
        JsonNode pred = Cli.json(dir.resolve("out").resolve("simulation.json"))
                .path("scenarios")
                .get(0)
                .path("prediction");
        assertEquals(6, pred.path("rows").size(), "flat, tree, tree-topo, two hop orders");
        for (JsonNode row : pred.path("rows")) {
            // the prediction is the file's own arithmetic: fast path + moves x latency, per class
            double miss = 0;
            double uncosted = 0;
            for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>)
                    () -> row.path("line_moves_per_op").fields()) {
                JsonNode f = pred.path("latency_profiles")
                        .path("epyc-9654-2s")
                        .path("one_way_ns")
                        .path(e.getKey());
                if (f.isNull() || f.isMissingNode()) {
                    uncosted += e.getValue().asDouble();
                } else {
                    miss += e.getValue().asDouble() * f.path("ns").asDouble();
                }
            }
            assertEquals(miss, row.path("miss_ns").asDouble(), 1e-6 * Math.max(1, miss));
            assertEquals(uncosted, row.path("uncosted_moves_per_op").asDouble(), 1e-6);
            if (row.path("counter").asText().equals("flat")) {
                assertEquals(
                        1000 / 400.0, row.path("fast_path_ns").asDouble(), 1e-6, "the 1-thread inc row's median fork");
                assertEquals(
                        row.path("fast_path_ns").asDouble()
                                + row.path("miss_ns").asDouble(),
                        row.path("predicted_ns_per_op").asDouble(),
                        1e-6);
            } else {
                assertTrue(row.path("fast_path_ns").isNull(), "no tree rows in the file: " + row);
                assertTrue(row.path("predicted_ns_per_op").isNull());
            }
        }
    }

    @Test
    void anIncompleteLatencyFileIsRefusedNotPricedAsAWholeRun() throws IOException {
        String cls = io.counterbench.topology.LatencyClass.of(
                        io.counterbench.topology.TopologySources.load("small-2").distance(0, 1))
                .key();
        Path whole = latency(cls);
        Path part = dir.resolve("part-latency.json");
        Json.write(
                part,
                LatencyJson.of(LatencyJson.read(whole).incomplete("interrupted (SIGINT/SIGTERM) after 1 of 6 pairs")));
        simulate(
                        "update",
                        "--topology",
                        "small-2",
                        "--latency",
                        part.toString(),
                        "--fast-path",
                        jmh().toString(),
                        "--counters",
                        "atomic",
                        "--ops",
                        "2000")
                .assertOneLineError(
                        part + ": an incomplete latency run (interrupted (SIGINT/SIGTERM) after 1 of 6 pairs); "
                                + "measure again with ./run-bench.sh latency");
        assertFalse(Files.exists(dir.resolve("out").resolve("simulation.json")), "refused before the work");
    }

    @Test
    void updateReplaysTheJmhRowsAndSetsThePredictionAgainstTheMeasurement() throws IOException {
        String cls = io.counterbench.topology.LatencyClass.of(
                        io.counterbench.topology.TopologySources.load("small-2").distance(0, 1))
                .key();
        Cli.Run r = simulate(
                "update",
                "--topology",
                "small-2",
                "--latency",
                latency(cls).toString(),
                "--fast-path",
                jmh().toString(),
                "--counters",
                "atomic,flat",
                "--ops",
                "20000");
        r.assertOk();
        JsonNode s = Cli.json(dir.resolve("out").resolve("simulation.json"))
                .path("scenarios")
                .get(0);
        assertEquals("update", s.path("name").asText());
        assertEquals(
                List.of(2),
                Json.MAPPER.convertValue(s.path("threads"), List.class),
                "every count above 1 that the rows have");
        JsonNode rows = s.path("prediction").path("rows");
        assertEquals(4, rows.size(), "inc and rssMix x atomic and flat at 2 threads");
        assertTrue(s.path("prediction")
                .path("latency_profiles")
                .path("small-2")
                .path("name")
                .asText()
                .startsWith("measured on box"));
        for (JsonNode row : rows) {
            assertFalse(row.has("measured_ns_per_op"), "small-2 is not this machine: nothing to compare with");
        }
    }

    @Test
    void onTheHostTheReplayIsComparedForkByFork() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.counterbench.topology.TopologySources.load("host").puCount() >= 2);
        var host = io.counterbench.topology.TopologySources.load("host");
        int[] cpus = io.counterbench.topology.Placement.COMPACT.cpusFor(host, 2);
        String cls = io.counterbench.topology.LatencyClass.of(host.distance(cpus[0], cpus[1]))
                .key();
        Cli.Run r = simulate(
                "update",
                "--threads",
                "2",
                "--latency",
                latency(cls).toString(),
                "--fast-path",
                jmh().toString(),
                "--counters",
                "atomic",
                "--ops",
                "20000");
        r.assertOk();
        JsonNode rows = Cli.json(dir.resolve("out").resolve("simulation.json"))
                .path("scenarios")
                .get(0)
                .path("prediction")
                .path("rows");
        for (JsonNode row : rows) {
            assertEquals(
                    2 * 1000 / 160.0,
                    row.path("measured_ns_per_op").asDouble(),
                    1e-6,
                    "median fork of the 2-thread row, per thread");
            JsonNode ratio = row.path("predicted_over_measured");
            assertEquals(3, ratio.path("forks").asInt());
            // fork by fork: (fast path of fork i + misses) / measured fork i, then the median
            double miss = row.path("miss_ns").asDouble();
            double[] fast = {1000 / 400.0, 1000 / 380.0, 1000 / 420.0};
            double[] measured = {2000 / 150.0, 2000 / 160.0, 2000 / 170.0};
            double[] ratios = new double[3];
            for (int i = 0; i < 3; i++) {
                ratios[i] = (fast[i] + miss) / measured[i];
            }
            java.util.Arrays.sort(ratios);
            assertEquals(ratios[1], ratio.path("median").asDouble(), 1e-6);
            assertEquals(ratios[0], ratio.path("lower").asDouble(), 1e-6);
            assertEquals(ratios[2], ratio.path("upper").asDouble(), 1e-6);
        }
        assertTrue(r.out().contains("predicted / measured"), r.out());
    }

    @Test
    void badInputIsOneLine() throws IOException {
        simulate("hop-384", "--threads", "2").assertOneLineError("--threads applies to the update scenario only");
        simulate("update", "--tasks", "2")
                .assertOneLineError("update takes --topology, --counters, --ops and --threads");
        simulate("update", "--topology", "small-2", "--threads", "3")
                .assertOneLineError("--threads 3: topology small-2 has 2 CPUs");
        simulate("update", "--threads", "0").assertOneLineError("--threads 0: a thread count must be between 1");
        simulate("hop-384", "--latency", dir.resolve("missing.json").toString())
                .assertOneLineError("missing.json: no such file");
        Path notLatency = dir.resolve("x.json");
        Files.writeString(notLatency, "{\"schema\": \"counterbench-simulation/1\"}");
        simulate("hop-384", "--latency", notLatency.toString()).assertOneLineError("not a latency file");
        Path wrongRows = dir.resolve("w.json");
        Files.writeString(wrongRows, "[" + row("inc", "flat", 2, 100) + "]");
        simulate("hop-384", "--fast-path", wrongRows.toString())
                .assertOneLineError("needs UpdateBenchmark rows at 1 thread");
        assertFalse(Files.exists(dir.resolve("out").resolve("simulation.json")), "nothing written");
    }
}
