package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast path and the measured rows, read from JMH JSON written here. */
class UpdateRowsTest {
    @TempDir
    Path dir;

    /** A JMH row in throughput mode, ops/us, one score per fork (one iteration each). */
    static String row(String method, String counter, int threads, String cpu, double... perFork) {
        List<String> forks = new ArrayList<>();
        for (double f : perFork) {
            forks.add("[" + f + "]");
        }
        double mean = java.util.Arrays.stream(perFork).average().orElseThrow();
        return String.format(
                Locale.ROOT,
                "{\"benchmark\":\"io.counterbench.bench.UpdateBenchmark.%s\",\"mode\":\"thrpt\",\"threads\":%d,"
                        + "\"forks\":%d,\"params\":{\"counter\":\"%s\",\"placement\":\"compact\",\"topology\":\"host\"%s},"
                        + "\"primaryMetric\":{\"score\":%s,\"scoreError\":0,\"scoreUnit\":\"ops/us\",\"rawData\":[%s]},\"secondaryMetrics\":{}}",
                method,
                threads,
                perFork.length,
                counter,
                cpu == null ? "" : ",\"cpu\":\"" + cpu + "\"",
                mean,
                String.join(",", forks));
    }

    static Path file(Path dir, String... rows) throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, "[" + String.join(",", rows) + "]");
        return f;
    }

    @Test
    void throughputBecomesNanosecondsPerOpOfOneThreadForkByFork() throws IOException {
        UpdateRows rows = UpdateRows.read(file(
                dir, row("inc", "flat", 1, "lookup", 400, 500, 250), row("inc", "flat", 2, "lookup", 600, 500, 800)));
        UpdateRows.Measured one = rows.find(CounterId.FLAT, "inc", 1);
        assertArrayEquals(
                new double[] {1000 / 400.0, 1000 / 500.0, 1000 / 250.0},
                one.nsPerOp().perFork(),
                1e-12);
        UpdateRows.Measured two = rows.find(CounterId.FLAT, "inc", 2);
        assertArrayEquals(
                new double[] {2 * 1000 / 600.0, 2 * 1000 / 500.0, 2 * 1000 / 800.0},
                two.nsPerOp().perFork(),
                1e-12,
                "JMH's throughput sums the threads: one thread's op takes threads / throughput");
        assertEquals(List.of(1, 2), rows.threads());
        assertNull(rows.find(CounterId.TREE, "inc", 1));
        assertNull(rows.find(CounterId.FLAT, "rssMix", 1));
    }

    @Test
    void aJavaCallersLookupRowIsPreferredAndOldConstantNamesMatch() throws IOException {
        UpdateRows rows = UpdateRows.read(file(
                dir,
                row("inc", "tree-topo", 1, "known", 900),
                row("inc", "tree-topo", 1, "lookup", 300),
                row("inc", "TREE_TOPO", 2, null, 100)));
        assertTrue(rows.find(CounterId.TREE_TOPO, "inc", 1).label().contains("cpu=lookup"));
        assertEquals(
                1000 / 300.0, rows.find(CounterId.TREE_TOPO, "inc", 1).nsPerOp().median(), 1e-12);
        assertEquals(
                2 * 1000 / 100.0,
                rows.find(CounterId.TREE_TOPO, "inc", 2).nsPerOp().median(),
                1e-12,
                "counter=TREE_TOPO, no cpu param");
    }

    @Test
    void ambiguousRowsAndFilesWithoutAFastPathAreRefused() throws IOException {
        UpdateRows twice =
                UpdateRows.read(file(dir, row("inc", "flat", 1, null, 400), row("inc", "FLAT", 1, null, 500)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> twice.find(CounterId.FLAT, "inc", 1));
        assertTrue(e.getMessage().contains("2 rows for UpdateBenchmark.inc counter=flat threads=1"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> UpdateRows.read(file(dir, row("inc", "flat", 2, null, 400))));
        assertTrue(
                e.getMessage().contains("needs UpdateBenchmark rows at 1 thread")
                        && e.getMessage().contains("at [2] threads only"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UpdateRows.read(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
        Files.createDirectories(dir.resolve("run"));
        e = assertThrows(IllegalArgumentException.class, () -> UpdateRows.read(dir.resolve("run")));
        assertTrue(e.getMessage().contains("no jmh.json in this folder"), e.getMessage());
    }
}
