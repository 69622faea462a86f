package io.counterbench.results.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyJsonTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackSampleForSample() {
        LatencyRun run = LatencyFixtures.eightCpus(5);
        LatencyRun back = LatencyJson.read(LatencyFixtures.write(dir, run));
        assertArrayEquals(run.cpus(), back.cpus());
        assertEquals(run.pairs().size(), back.pairs().size());
        for (int i = 0; i < run.pairs().size(); i++) {
            Pair p = run.pairs().get(i);
            Pair q = back.pairs().get(i);
            assertEquals(p.a(), q.a());
            assertEquals(p.b(), q.b());
            assertEquals(p.cls(), q.cls());
            assertArrayEquals(p.cas(), q.cas(), 1e-6);
            assertArrayEquals(p.storeLoad(), q.storeLoad(), 1e-6);
        }
        assertEquals(run.settings(), back.settings());
        assertEquals("box", back.host());
        assertEquals("Test CPU 8-Core", back.cpuModel());
    }

    @Test
    void anIncompleteRunSaysSoAndReadsBackIncomplete() throws IOException {
        LatencyRun whole = LatencyFixtures.eightCpus(3);
        assertTrue(LatencyJson.read(LatencyFixtures.write(dir, whole)).complete());
        LatencyRun back =
                LatencyJson.read(LatencyFixtures.write(dir, whole.incomplete("interrupted after 5 of 28 pairs")));
        assertFalse(back.complete());
        assertEquals("incomplete", back.status());
        assertEquals("interrupted after 5 of 28 pairs", back.reason());
        Path f = LatencyFixtures.write(dir, whole);
        JsonNode n = Json.MAPPER.readTree(f.toFile());
        ((ObjectNode) n).remove("status");
        Files.writeString(f, n.toString());
        assertTrue(LatencyJson.read(f).complete(), "a file from before the status was written is a whole run");
        ((ObjectNode) n).put("status", "running");
        Files.writeString(f, n.toString());
        InputException e = assertThrows(InputException.class, () -> LatencyJson.read(f));
        assertTrue(e.getMessage().endsWith("status is \"running\": complete or incomplete"), e.getMessage());
    }

    @Test
    void classSummariesAreComputedFromThePairsSamples() {
        LatencyRun run = LatencyFixtures.eightCpus(5);
        List<ClassSummary> classes = run.classes();
        assertEquals(
                List.of("same-llc", "same-node", "remote"),
                classes.stream().map(ClassSummary::cls).toList(),
                "nearest first");
        for (ClassSummary c : classes) {
            List<Pair> ps =
                    run.pairs().stream().filter(p -> p.cls().equals(c.cls())).toList();
            assertEquals(ps.size(), c.pairs());
            double[] medians =
                    ps.stream().mapToDouble(p -> median(p.cas())).sorted().toArray();
            assertEquals(median(medians), c.cas().median(), 1e-9);
            assertEquals(medians[0], c.cas().min(), 1e-9);
            assertEquals(medians[medians.length - 1], c.cas().max(), 1e-9);
            assertEquals(c.cas().median() / 2, c.oneWayNs(), 1e-9, "one-way is half the round trip");
            double[] all = ps.stream()
                    .flatMapToDouble(p -> Arrays.stream(p.cas()))
                    .sorted()
                    .toArray();
            assertEquals(all[0], c.casSamples().min(), 1e-9);
            assertEquals(all[all.length - 1], c.casSamples().max(), 1e-9);
        }
    }

    @Test
    void theMatrixIsSymmetricInTopologyOrderWithAnEmptyDiagonal() {
        LatencyRun run = LatencyFixtures.eightCpus(3);
        double[][] m = run.matrix(true);
        for (int i = 0; i < 8; i++) {
            assertTrue(Double.isNaN(m[i][i]));
            for (int j = 0; j < 8; j++) {
                if (i != j) {
                    assertEquals(m[i][j], m[j][i]);
                }
            }
        }
        Pair p = run.pairs().get(3);
        assertEquals(median(p.cas()), m[p.a()][p.b()], 1e-9);
    }

    @Test
    void theWrittenSummaryIsIgnoredOnRead() throws IOException {
        Path f = LatencyFixtures.write(dir, LatencyFixtures.eightCpus(3));
        ObjectNode o = (ObjectNode) Json.MAPPER.readTree(f.toFile());
        ((ObjectNode) o.get("classes").get(0).get("cas").get("round_trip_ns")).put("median", 1.0);
        Json.write(f, o);
        assertEquals(
                LatencyFixtures.eightCpus(3).classes().getFirst().cas().median(),
                LatencyJson.read(f).classes().getFirst().cas().median(),
                1e-9);
    }

    @Test
    void badFilesAreOneLineNamingTheFileAndThePlace() throws IOException {
        bad(o -> o.put("schema", "counterbench-run/1"), "not a latency file: schema is \"counterbench-run/1\"");
        bad(o -> o.remove("schema"), "schema is missing");
        bad(o -> o.remove("cpus"), "no \"cpus\" array");
        bad(o -> ((ArrayNode) o.get("cpus")).set(1, 0), "cpus lists CPU 0 twice");
        bad(o -> ((ArrayNode) o.get("cpus")).set(1, -1), "cpus[1] is -1: a CPU number must be between 0 and");
        bad(o -> o.set("cpus", Json.array().add(0)), "a latency run needs at least two");
        bad(o -> o.set("pairs", Json.array()), "no measured pairs (\"pairs\" is empty)");
        bad(o -> pair(o, 0).put("b", 0), "pairs[0] pairs CPU 0 with itself");
        bad(o -> pair(o, 0).put("b", 42), "pairs[0].b is CPU 42, which \"cpus\" does not list");
        bad(o -> pair(o, 1).put("b", 1), "pairs[1] measures CPUs 0 and 1 again (pairs[0] did)");
        bad(o -> pair(o, 0).put("class", "same-cache"), "pairs[0].class is \"same-cache\": one of same-core, same-llc");
        bad(o -> pair(o, 0).remove("cas"), "pairs[0].cas is missing");
        bad(o -> samples(o, 0).set(0, 0.0), "pairs[0].cas.samples_ns[0] is 0.0: a round trip must be above 0");
        bad(o -> samples(o, 0).set(0, -5), "a round trip must be above 0");
        bad(o -> samples(o, 0).set(0, 1e12), "at most 1000000000 ns");
        bad(o -> samples(o, 0).set(0, "fast"), "pairs[0].cas.samples_ns[0] is \"fast\", not a number");
        bad(o -> samples(o, 0).removeAll(), "pairs[0].cas.samples_ns is empty");
        bad(o -> pair(o, 0).set("cas", Json.array()), "pairs[0].cas is an array, not an object");
        bad(o -> o.set("pairs", Json.array().add(1)), "pairs[0] is a number, not an object");
    }

    @Test
    void notJsonAtAllIsRefusedToo() throws IOException {
        Path f = dir.resolve("latency.json");
        Files.writeString(f, "{\"schema\": \"counterbench-latency/1\", \"cpus\": [0, 1");
        InputException e = assertThrows(InputException.class, () -> LatencyJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated JSON"), e.getMessage());
        Files.writeString(f, "[1, 2]");
        e = assertThrows(InputException.class, () -> LatencyJson.read(f));
        assertTrue(e.getMessage().contains("expected an object, found an array"), e.getMessage());
    }

    private static ObjectNode pair(ObjectNode o, int i) {
        return (ObjectNode) o.get("pairs").get(i);
    }

    private static ArrayNode samples(ObjectNode o, int i) {
        return (ArrayNode) pair(o, i).get("cas").get("samples_ns");
    }

    private void bad(Consumer<ObjectNode> change, String expected) throws IOException {
        Path f = LatencyFixtures.write(dir, LatencyFixtures.eightCpus(3));
        ObjectNode o = (ObjectNode) Json.MAPPER.readTree(f.toFile());
        change.accept(o);
        Json.write(f, o);
        InputException e = assertThrows(InputException.class, () -> LatencyJson.read(f), expected);
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Computed here, not by the code under test. */
    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
