package io.counterbench.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
    private static Plan plan() {
        return Plan.Choices.builder(Profile.QUICK, "host", 2)
                .benchmarks(Pattern.compile("UpdateBenchmark"))
                .plan();
    }

    @Test
    void writtenAtOnceAndAfterEveryEntry(@TempDir Path dir) throws Exception {
        Plan plan = plan();
        RunRecord r = new RunRecord(dir, plan, List.of("run"), Instant.parse("2026-11-21T10:00:00Z"));
        r.environment(Json.object().put("cpuModel", "test"));
        JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals("running", run.get("status").asText());
        assertEquals(plan.entries().size(), run.get("plan").size());
        assertEquals(plan.entries().size(), run.get("missing").size());
        assertEquals("test", run.at("/environment/cpuModel").asText());
        assertEquals(RunRecord.SCHEMA, run.get("schema").asText());

        r.finished(plan.entries().get(0));
        run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals(1, run.get("completed").size());
        assertEquals(plan.entries().size() - 1, run.get("missing").size());
    }

    @Test
    void interruptedRunSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Plan plan = plan();
        RunRecord r = new RunRecord(dir, plan, List.of("run"), Instant.now());
        r.finished(plan.entries().get(0));
        r.finished(plan.entries().get(1));
        r.incomplete("interrupted (SIGINT/SIGTERM) after 2 of " + plan.entries().size());
        r.finished(plan.entries().get(2));
        r.complete();
        JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals("incomplete", run.get("status").asText());
        assertTrue(run.get("reason").asText().startsWith("interrupted"));
        assertEquals(2, run.get("completed").size(), "nothing recorded after the close");
        assertEquals(plan.entries().size() - 2, run.get("missing").size());
        assertTrue(!run.get("finished").isNull());
    }

    @Test
    void completeRun(@TempDir Path dir) throws Exception {
        Plan plan = plan();
        RunRecord r = new RunRecord(dir, plan, List.of("run"), Instant.now());
        plan.entries().forEach(r::finished);
        r.complete();
        JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertEquals("complete", run.get("status").asText());
        assertEquals(0, run.get("missing").size());
    }

    @Test
    void whatTheRunWritesIsWhatResultsReads(@TempDir Path dir) {
        Plan plan = Plan.Choices.builder(Profile.SMOKE, "host", 2)
                .benchmarks(Pattern.compile("Update|ReaderWriter"))
                .plan();
        RunRecord r =
                new RunRecord(dir, plan, List.of("run", "--profile", "smoke"), Instant.parse("2026-11-21T10:00:00Z"));
        r.environment(Json.object().put("cpuModel", "test"));
        r.cpuLookup(Json.object().put("handle", "rseq cpu_id"));
        r.finished(plan.entries().get(0));
        r.failed(plan.entries().get(1), "boom");
        RunJson read = RunJson.read(dir.resolve("run.json"));
        assertEquals(r.snapshot(), read);
        assertEquals("boom", read.firstError());
        assertEquals("rseq cpu_id", read.cpuLookup().path("handle").asText());
        assertTrue(
                read.plan().stream().anyMatch(e -> e.threadGroups() != null),
                "reader/writer entries keep their thread groups");
        assertEquals(plan.entries().size() - 2, read.missing().size());
    }
}
