package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static JsonNode simulate(Path out, String seed, String... scenarioAndFlags) throws IOException {
        String[] fixed = {"simulate", "--quick", "--no-progress", "--seed", seed, "--out", out.toString()};
        String[] args = new String[fixed.length + scenarioAndFlags.length];
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(scenarioAndFlags, 0, args, fixed.length, scenarioAndFlags.length);
        Cli.Run r = Cli.run(args);
        r.assertOk();
        return Cli.json(out.resolve("simulation.json"));
    }

    @Test
    void sameSeedSameJson(@TempDir Path dir) throws IOException {
        String[] custom = {
            "custom",
            "--topology",
            "small-64",
            "--workload",
            "rss",
            "--pages",
            "3000",
            "--ops",
            "20000",
            "--tasks",
            "3",
            "--migrate",
            "llc",
            "--every",
            "7"
        };
        JsonNode a = simulate(dir.resolve("a"), "42", custom);
        JsonNode b = simulate(dir.resolve("b"), "42", custom);
        assertEquals(deterministicPart(a), deterministicPart(b));
        assertTrue(a.get("timing").get("wall_s").asDouble() > 0);
        JsonNode c = simulate(dir.resolve("c"), "43", custom);
        assertNotEquals(deterministicPart(a), deterministicPart(c), "another seed, another run");
    }

    @Test
    void sameSeedSameJsonForAScenario(@TempDir Path dir) throws IOException {
        JsonNode a = simulate(dir.resolve("a"), "7", "rss-250");
        JsonNode b = simulate(dir.resolve("b"), "7", "rss-250");
        assertEquals(deterministicPart(a), deterministicPart(b));
    }

    @Test
    void neverOverwritesAnEarlierFile(@TempDir Path dir) throws IOException {
        String[] custom = {"custom", "--topology", "small-8", "--counters", "tree", "--ops", "1000"};
        simulate(dir, "1", custom);
        Files.writeString(dir.resolve("simulation-2.json"), "keep me");
        Cli.Run r = Cli.run(
                "simulate",
                "--quick",
                "--no-progress",
                "--out",
                dir.toString(),
                "custom",
                "--topology",
                "small-8",
                "--counters",
                "tree",
                "--ops",
                "1000");
        r.assertOk();
        assertEquals("keep me", Files.readString(dir.resolve("simulation-2.json")));
        assertTrue(Files.exists(dir.resolve("simulation-3.json")), r.out());
        assertTrue(r.out().contains("simulation-3.json"), r.out());
    }

    /** The document without the parts that may differ between runs ("timing", "run"), at any depth. */
    private static JsonNode deterministicPart(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("timing");
            o.remove("run");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                strip(it.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(DeterminismTest::strip);
        }
    }
}
