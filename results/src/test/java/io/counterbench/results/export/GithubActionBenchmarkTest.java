package io.counterbench.results.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterbench.results.Fixtures;
import io.counterbench.results.run.RunLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubActionBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void throughputAndTimeModesGoToOneFileEachWithParamsAndThreadsInTheName(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bench.json");
        List<Path> written = ExportFormat.parse("github-action-benchmark")
                .write(RunLoader.load(Fixtures.resource("runs/smoke")), file);
        Path smaller = tmp.resolve("bench-smaller.json");
        assertEquals(List.of(file, smaller), written);
        JsonNode bigger = JSON.readTree(file.toFile());
        JsonNode small = JSON.readTree(smaller.toFile());
        assertEquals(18 + 6, bigger.size(), "UpdateBenchmark and ReaderWriterBenchmark rows");
        assertEquals(6 + 3 + 12, small.size(), "ReadBenchmark, LifecycleBenchmark and SelectionBenchmark rows");
        JsonNode first = bigger.get(0);
        assertEquals(
                "UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1",
                first.get("name").asText());
        assertEquals("ops/us", first.get("unit").asText());
        assertEquals(113.99378152824728, first.get("value").asDouble(), 1e-12);
        assertFalse(first.has("range"), "JMH had no error for a single iteration");
        assertTrue(
                first.get("extra").asText().contains("accuracy: worst 23 counts, bound 64, violations 0"),
                first.toString());
        assertTrue(first.get("extra").asText().contains("machine: AMD EPYC, 2 CPUs"), first.toString());
        for (JsonNode e : small) {
            assertTrue(e.get("name").asText().contains(" threads=1"), e.toString());
            assertTrue(e.get("value").isNumber());
        }
        assertEquals(
                bigger.size(),
                bigger.findValues("name").stream()
                        .map(JsonNode::asText)
                        .distinct()
                        .count(),
                "names are unique");
    }

    @Test
    void aMissingFolderIsRefusedNotCreated(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("no-such-folder").resolve("bench.json");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> GithubActionBenchmark.write(RunLoader.load(Fixtures.resource("runs/smoke")), file));
        assertTrue(e.getMessage().contains("the folder " + file.getParent() + " does not exist"), e.getMessage());
        assertFalse(Files.exists(file.getParent()), "nothing created");
        Path aFile = Files.writeString(tmp.resolve("plain"), "x");
        e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> ExportFormat.GITHUB_ACTION_BENCHMARK.checkTarget(aFile.resolve("bench.json")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void rangeCarriesJmhsErrorAndNanRowsAreLeftOut(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("out.json");
        List<Path> written =
                GithubActionBenchmark.write(RunLoader.load(Fixtures.resource("jmh/sample-mode-foreign.json")), file);
        assertEquals(List.of(tmp.resolve("out-smaller.json")), written, "no throughput rows: no bigger-is-better file");
        JsonNode e = JSON.readTree(written.getFirst().toFile()).get(0);
        assertEquals(
                "ParserBench.parseSmall format=json size=1024 threads=1 mode=sample",
                e.get("name").asText());
        assertEquals("± 41.70", e.get("range").asText());
        List<Path> none = GithubActionBenchmark.write(
                RunLoader.load(Fixtures.resource("jmh/single-shot-nan.json")), tmp.resolve("ss.json"));
        assertEquals(List.of(tmp.resolve("ss-smaller.json")), none, "the NaN throughput row is left out");
        assertFalse(Files.exists(tmp.resolve("ss.json")));
    }
}
