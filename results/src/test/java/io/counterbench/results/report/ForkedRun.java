package io.counterbench.results.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run folder whose jmh.json has several forks per row, written the way JMH writes it: update
 * rows of adder and tree at 1 and 2 threads (tree at 2 threads with one slow fork), read rows in
 * ns/op at two slot counts, and reader/writer @Group rows with their members as secondary metrics.
 */
public final class ForkedRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForkedRun() {}

    public static Path write(Path dir, String name) {
        Path run = Fixtures.copy("runs/smoke", dir, name);
        ArrayNode rows = JSON.createArrayNode();
        // adder 100 ops/us in every fork; tree 50 at 1 thread, and at 2 threads 4 forks of 80 and one of 120
        rows.add(row(
                "io.counterbench.bench.UpdateBenchmark.inc",
                "thrpt",
                1,
                "ops/us",
                Map.of("counter", "ADDER", "topology", "host"),
                forks(100, 100, 100, 100, 100),
                null));
        rows.add(row(
                "io.counterbench.bench.UpdateBenchmark.inc",
                "thrpt",
                1,
                "ops/us",
                Map.of("counter", "TREE", "topology", "host"),
                forks(50, 51, 49, 50, 50),
                null));
        rows.add(row(
                "io.counterbench.bench.UpdateBenchmark.inc",
                "thrpt",
                2,
                "ops/us",
                Map.of("counter", "ADDER", "topology", "host"),
                forks(100, 100, 100, 100, 100),
                null));
        rows.add(row(
                "io.counterbench.bench.UpdateBenchmark.inc",
                "thrpt",
                2,
                "ops/us",
                Map.of("counter", "TREE", "topology", "host"),
                forks(80, 80, 120, 80, 80),
                null));
        // reads: adder 10 ns, tree 5 ns (twice as fast) at both slot counts
        for (String cpus : new String[] {"8", "64"}) {
            rows.add(row(
                    "io.counterbench.bench.ReadBenchmark.approximate",
                    "avgt",
                    1,
                    "ns/op",
                    Map.of("counter", "ADDER", "cpus", cpus),
                    forks(10, 10, 10, 10, 10),
                    null));
            rows.add(row(
                    "io.counterbench.bench.ReadBenchmark.approximate",
                    "avgt",
                    1,
                    "ns/op",
                    Map.of("counter", "TREE", "cpus", cpus),
                    forks(5, 5, 5, 5, 5),
                    null));
        }
        // reader/writer: JMH's primary is the sum; the reader reads 30 (tree) against adder's 10, the writer 20 against
        // 40
        rows.add(row(
                "io.counterbench.bench.ReaderWriterBenchmark.approximate",
                "thrpt",
                2,
                "ops/us",
                Map.of("counter", "ADDER"),
                forks(50, 50, 50),
                Map.of("readApproximate", forks(10, 10, 10), "writeA", forks(40, 40, 40))));
        rows.add(row(
                "io.counterbench.bench.ReaderWriterBenchmark.approximate",
                "thrpt",
                2,
                "ops/us",
                Map.of("counter", "TREE"),
                forks(50, 50, 50),
                Map.of("readApproximate", forks(30, 30, 30), "writeA", forks(20, 20, 20))));
        try {
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(run.resolve("jmh.json").toFile(), rows);
            Files.deleteIfExists(run.resolve("footprint.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** One fork per value, two iterations each around it (so each fork's mean is the value). */
    private static double[][] forks(double... perFork) {
        double[][] f = new double[perFork.length][];
        for (int i = 0; i < perFork.length; i++) {
            f[i] = new double[] {perFork[i] * 0.99, perFork[i] * 1.01};
        }
        return f;
    }

    private static ObjectNode row(
            String benchmark,
            String mode,
            int threads,
            String unit,
            Map<String, String> params,
            double[][] forks,
            Map<String, double[][]> members) {
        ObjectNode r = JSON.createObjectNode();
        r.put("benchmark", benchmark).put("mode", mode).put("threads", threads).put("forks", forks.length);
        ObjectNode p = r.putObject("params");
        new java.util.TreeMap<>(params).forEach(p::put);
        r.set("primaryMetric", metric(unit, forks));
        ObjectNode sm = r.putObject("secondaryMetrics");
        if (members != null) {
            members.forEach((k, v) -> sm.set(k, metric(unit, v)));
        }
        return r;
    }

    private static ObjectNode metric(String unit, double[][] forks) {
        ObjectNode m = JSON.createObjectNode();
        double sum = 0;
        int n = 0;
        ArrayNode raw = m.putArray("rawData");
        for (double[] f : forks) {
            ArrayNode a = raw.addArray();
            for (double v : f) {
                a.add(v);
                sum += v;
                n++;
            }
        }
        m.put("score", sum / n).put("scoreError", 1.0).put("scoreUnit", unit);
        return m;
    }
}
