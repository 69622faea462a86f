package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterbench.results.Fixtures;
import io.counterbench.topology.Affinity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (a real signal, as the fault campaign sends it) to simulate, latency and soak once part of
 * their work is done: each keeps what it finished, says it is partial (simulation.json and
 * latency.json "status": "incomplete" with the reason; soak's totals so far on standard output,
 * marked INCOMPLETE), and the report shows such a file as a partial run. The moment is chosen by
 * the command's own output (the first scenario printed, the first pair's progress, the first check),
 * not by a clock, so the test does not depend on the machine's speed.
 */
class FaultPartialResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void simulateKeepsTheScenariosItFinishedAndTheReportSaysPartial(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sim");
        // custom with few operations finishes in seconds; scale then runs for about a minute: the signal lands in it
        String console = signalWhen(
                tmp.resolve("sim.txt"),
                s -> s.contains("### custom"),
                "simulate",
                "custom",
                "scale",
                "--ops",
                "20000",
                "--no-progress",
                "--out",
                out.toString());
        assertTrue(console.contains("interrupted (SIGINT/SIGTERM) after 1 of 2 scenarios; they are kept in "), console);
        JsonNode sim = JSON.readTree(out.resolve("simulation.json").toFile());
        assertEquals("incomplete", sim.path("status").asText(), sim.toString());
        assertEquals(List.of("custom"), names(sim.path("scenarios"), "name"));
        assertEquals(List.of("scale"), texts(sim.path("scenarios_missing")));
        assertTrue(
                sim.path("reason").asText().contains("after 1 of 2 scenarios"),
                sim.path("reason").asText());

        Path run = Fixtures.copy("aa/std-a", tmp, "run");
        Files.copy(out.resolve("simulation.json"), run.resolve("simulation.json"));
        Cli.run("report", run.toString(), "--out", tmp.resolve("report").toString())
                .assertOk();
        String md = Files.readString(tmp.resolve("report/report.md"));
        assertTrue(
                md.contains(
                        "PARTIAL RUN (simulation.json status: incomplete, interrupted (SIGINT/SIGTERM) after 1 of 2 "
                                + "scenarios): only the 1 scenario(s) finished before it stopped are below; missing: scale"),
                md);
        assertTrue(md.contains("checks of the finished scenarios only"), md);
    }

    @Test
    void latencyKeepsThePairsItFinished(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("lat");
        int cpus = Affinity.processCpus().length;
        assumeTrue(cpus >= 2, "latency needs two CPUs this process may use; it has " + cpus);
        if (cpus < 3) {
            // two CPUs make one pair: a signal during it has nothing finished to keep, and says so
            String console = signalWhen(
                    tmp.resolve("lat.txt"),
                    s -> s.contains("latency: 1 pairs of 2 CPUs"),
                    "latency",
                    "--samples",
                    "1000",
                    "--round-trips",
                    "200000",
                    "--out",
                    out.toString());
            assertTrue(
                    console.contains("interrupted: latency stopped before its first pair finished; nothing is kept"),
                    console);
            assertFalse(Files.exists(out.resolve("latency.json")), "no latency.json without a finished pair");
            return;
        }
        // six pairs of four CPUs; the signal comes when the progress shows the first pair done
        String console = signalWhen(
                tmp.resolve("lat.txt"),
                s -> Pattern.compile("latency: +[1-9][0-9]*%").matcher(s).find(),
                "latency",
                "--cpus",
                "0-3",
                "--samples",
                "200",
                "--round-trips",
                "100000",
                "--out",
                out.toString());
        JsonNode lat = JSON.readTree(out.resolve("latency.json").toFile());
        assertEquals("incomplete", lat.path("status").asText(), console);
        int kept = lat.path("pairs").size();
        assertTrue(kept >= 1 && kept < 6, kept + " pairs kept: " + console);
        assertTrue(
                console.contains("interrupted (SIGINT/SIGTERM) after " + kept + " of 6 pairs; they are kept in"),
                console);
        Cli.run("report", out.toString(), "--out", tmp.resolve("report").toString())
                .assertOk();
        assertTrue(Files.readString(tmp.resolve("report/report.md"))
                .contains("PARTIAL RUN (latency.json status: incomplete"));
    }

    @Test
    void soakPrintsItsTotalsSoFarMarkedIncomplete(@TempDir Path tmp) throws Exception {
        String console = signalWhen(
                tmp.resolve("soak.txt"),
                s -> s.contains("[soak]"),
                "soak",
                "--minutes",
                "5",
                "--interval-ms",
                "300",
                "--threads",
                "2",
                "--counters",
                "tree,adder");
        assertTrue(
                Pattern.compile(
                                "soak INCOMPLETE \\(interrupted after 0m\\d\\ds of 5\\.0 min; totals as of the last check\\): "
                                        + "[0-9,]+ operations, [0-9,]+ checks in \\d+ rounds, 0 violations")
                        .matcher(console)
                        .find(),
                console);
        assertTrue(
                console.contains("its totals as of the last check are on standard output, marked INCOMPLETE"), console);
        assertFalse(console.contains("soak done"), console);
    }

    /**
     * Starts the CLI, sends SIGTERM once its console satisfies {@code ready}, and returns the console
     * after it ended (exit 143, as a JVM stopped by SIGTERM ends, no error line, no stack trace).
     */
    private static String signalWhen(Path console, Predicate<String> ready, String... args) throws Exception {
        Process p = CliProcess.start(console, List.of(), args);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && p.isAlive() && !ready.test(read(console))) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "still running when ready: " + read(console));
            assertTrue(ready.test(read(console)), "ready within 120 s: " + read(console));
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ended within 60 s of SIGTERM: " + read(console));
        } finally {
            p.destroyForcibly();
        }
        String text = read(console);
        assertEquals(143, p.exitValue(), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("error:")), text);
        assertFalse(Pattern.compile("\\tat |Exception\\b").matcher(text).find(), text);
        return text;
    }

    private static String read(Path f) throws java.io.IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
