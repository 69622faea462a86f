package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the CLI in-process with captured streams: the one way the CLI's tests call it. */
public final class Cli {
    private Cli() {}

    /** Exit code and what went to stdout and stderr. */
    public record Run(int code, String out, String err) {
        /** Bad input: exit 2, nothing on stdout, one line on stderr that names the problem, no stack trace. */
        public void assertOneLineError(String expected) {
            assertEquals("", out, err);
            assertOneLineOnStderr(expected);
        }

        /** Bad input found after some output (a run's plan): exit 2, one line on stderr that names the problem, no stack trace. */
        public void assertOneLineOnStderr(String expected) {
            assertEquals(ExitCodes.BAD_INPUT, code, err + out);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertTrue(err.startsWith("error: "), err);
            assertTrue(err.contains(expected), "names the problem (" + expected + "): " + err);
            assertFalse(
                    err.contains("\tat ") || err.matches("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*"),
                    "no stack trace or Java class name: " + err);
        }

        public void assertOk() {
            assertEquals(ExitCodes.OK, code, () -> "exit " + code + "\nstderr:\n" + err + "\nstdout:\n" + out);
        }
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    public static Run run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    public static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }
}
