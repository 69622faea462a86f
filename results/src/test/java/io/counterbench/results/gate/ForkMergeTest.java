package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging forks keeps fork i of every metric the same fork, even when a fork lacks a secondary metric. */
class ForkMergeTest {
    private static JsonNode fork(double score, boolean withWorst) throws Exception {
        String worst = withWorst
                ? ",\"accuracy.worst\":{\"score\":" + score + ",\"scoreUnit\":\"#\",\"rawData\":[[" + score + "]]}"
                : "";
        return Json.MAPPER.readTree(
                "{\"benchmark\":\"io.counterbench.bench.UpdateBenchmark.inc\",\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,"
                        + "\"primaryMetric\":{\"score\":" + score + ",\"scoreUnit\":\"ops/us\",\"rawData\":[[" + score
                        + "]]},"
                        + "\"secondaryMetrics\":{\"accuracy.lost\":{\"score\":0,\"scoreUnit\":\"#\",\"rawData\":[[0]]}"
                        + worst + "}}");
    }

    @Test
    void aForkWithoutASecondaryMetricKeepsItsPlace(@TempDir Path tmp) throws Exception {
        JsonNode merged = ForkMerge.merge(List.of(fork(10, true), fork(20, false), fork(30, true)), List.of(0, 1, 3));
        assertEquals(3, merged.at("/secondaryMetrics/accuracy.worst/rawData").size(), "one entry per fork");
        assertEquals(0, merged.at("/secondaryMetrics/accuracy.worst/rawData/1").size(), "the middle fork's is empty");
        assertEquals("[0,1,3]", merged.get(ForkMerge.PAIR_IDS).toString());
        Path f = tmp.resolve("jmh.json");
        Files.writeString(f, "[" + merged + "]");
        JmhResult r = JmhJson.read(f).getFirst();
        ForkScores worst = ForkScores.of(r.secondary("accuracy.worst"));
        assertArrayEquals(new double[] {10, 30}, worst.perFork());
        assertArrayEquals(new int[] {0, 2}, worst.ids(), "the third fork stays fork 2, beside the primary's fork 2");
        assertArrayEquals(new int[] {0, 1, 2}, ForkScores.of(r.primary()).ids());
    }
}
