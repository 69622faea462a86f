package io.counterbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonTest {

    @Test
    void aRecordedRunReadsIntoTheRecord() {
        RunJson run = RunJson.read(Fixtures.resource("runs/smoke/run.json"));
        assertEquals(RunJson.SCHEMA, run.schema());
        assertEquals("complete", run.status());
        assertNull(run.reason());
        assertEquals(List.of("run", "--profile", "smoke", "--counters", "tree,flat,adder"), run.command());
        assertEquals("smoke", run.profile().name());
        assertEquals(1, run.profile().forks());
        assertEquals(
                run.plan().size(),
                run.completed().size() + run.failed().size() + run.missing().size());
        RunJson.Entry first = run.plan().getFirst();
        assertEquals("io.counterbench.bench.UpdateBenchmark", first.benchmark());
        assertEquals("TREE", first.params().get("counter"));
        assertNull(first.threadGroups());
        assertTrue(
                run.plan().stream().anyMatch(e -> List.of(1, 1).equals(e.threadGroups())),
                "reader/writer entries keep their groups");
        assertEquals(2, run.hostTopology().counts().get("pu"));
        assertTrue(run.environment().isObject());
    }

    @Test
    void writingAndReadingAgainKeepsEverything(@TempDir Path dir) throws Exception {
        RunJson run = RunJson.read(Fixtures.resource("runs/smoke/run.json"));
        Path copy = dir.resolve("run.json");
        run.write(copy);
        assertEquals(run, RunJson.read(copy));
        JsonNode tree = Json.MAPPER.readTree(copy.toFile());
        assertFalse(tree.has("reason"), "no reason while none was given");
        assertFalse(tree.has("asyncProfiler"), "absent sections stay absent");
        assertTrue(tree.get("finished").isTextual());
    }

    @Test
    void labelAndProvenanceRoundTripAndOlderRecordsHaveNeither(@TempDir Path dir) {
        RunJson old = RunJson.read(Fixtures.resource("runs/smoke/run.json"));
        assertNull(old.label());
        assertNull(old.provenance());
        RunJson.Provenance p = new RunJson.Provenance(
                "0123456789abcdef0123456789abcdef01234567",
                true,
                List.of(new RunJson.Jar("cli", "/x/counterbench.jar", "ab".repeat(32))),
                new RunJson.Jvm("25.0.3+9-LTS", "Eclipse Adoptium", "/usr/lib/jvm/x", List.of("-XX:+UseParallelGC")));
        RunJson run = old.with("mine-v1", p);
        Path file = dir.resolve("run.json");
        run.write(file);
        RunJson back = RunJson.read(file);
        assertEquals(run, back);
        assertEquals("mine-v1", back.label());
        assertEquals(
                "counterbench 0123456789ab with uncommitted changes",
                back.provenance().describeCommit());
        assertEquals(
                "counterbench commit unknown (not a git checkout)",
                new RunJson.Provenance(null, null, null, null).describeCommit());
    }

    @Test
    void aLabelOrProvenanceOfTheWrongTypeIsRefusedByName(@TempDir Path dir) {
        Path copy = Fixtures.copy("runs/smoke", dir, "run");
        Fixtures.edit(copy, "run.json", n -> ((ObjectNode) n).put("label", 5));
        InputException e = assertThrows(InputException.class, () -> RunJson.read(copy.resolve("run.json")));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
        Fixtures.edit(copy, "run.json", n -> ((ObjectNode) n).put("label", "ok").put("provenance", "abc"));
        e = assertThrows(InputException.class, () -> RunJson.read(copy.resolve("run.json")));
        assertTrue(e.getMessage().contains("provenance"), e.getMessage());
    }

    @Test
    void aRunningRecordWritesFinishedAsNull(@TempDir Path dir) throws Exception {
        RunJson running = new RunJson(
                RunJson.SCHEMA,
                "running",
                null,
                "2026-11-21T10:00:00Z",
                null,
                List.of("run"),
                null,
                "host",
                10,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(0));
        Path file = dir.resolve("run.json");
        running.write(file);
        JsonNode tree = Json.MAPPER.readTree(file.toFile());
        assertTrue(tree.get("finished").isNull());
        assertEquals(List.of(), RunJson.read(file).completed());
        assertEquals(List.of(0), RunJson.read(file).missing());
    }

    @Test
    void aRecordOfTheWrongShapeIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path copy = Fixtures.copy("runs/smoke", dir, "run");
        Fixtures.edit(copy, "run.json", n -> ((ObjectNode) n).put("completed", "three"));
        InputException e = assertThrows(InputException.class, () -> RunJson.read(copy.resolve("run.json")));
        assertTrue(
                e.getMessage().startsWith(copy.resolve("run.json") + ": not a counterbench run record: "),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        Files.writeString(copy.resolve("run.json"), "{\"schema\": \"something-else/2\"}");
        e = assertThrows(InputException.class, () -> RunJson.read(copy.resolve("run.json")));
        assertTrue(
                e.getMessage().contains("schema is 'something-else/2', expected counterbench-run/1"), e.getMessage());
    }

    @Test
    void newerFieldsAreIgnoredSoOlderReadersStillWork(@TempDir Path dir) {
        Path copy = Fixtures.copy("runs/smoke", dir, "run");
        Fixtures.edit(copy, "run.json", n -> ((ObjectNode) n).put("addedLater", 1));
        assertEquals("complete", RunJson.read(copy.resolve("run.json")).status());
    }
}
