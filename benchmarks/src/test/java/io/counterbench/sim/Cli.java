package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Runs the CLI in-process with captured streams. */
final class Cli {
    private Cli() {
    }

    record Run(int code, String out, String err) {
        void assertOneLineError(String expected) {
            assertEquals(2, code, err);
            assertEquals("", out);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertTrue(err.startsWith("error: "), err);
            assertTrue(err.contains(expected), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }

        void assertOk() {
            assertEquals(0, code, () -> "exit " + code + "\nstderr:\n" + err + "\nstdout:\n" + out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }

    /** The document without the parts that may differ between runs ("timing", "run"), at any depth. */
    static JsonNode deterministicPart(JsonNode node) {
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
            node.forEach(Cli::strip);
        }
    }
}
