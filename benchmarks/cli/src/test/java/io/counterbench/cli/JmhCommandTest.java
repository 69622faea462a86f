package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMH passthrough: counter ids checked up front, the accuracy profiler attached, a failed benchmark is exit 1. */
class JmhCommandTest {
    /** One short fork of UpdateBenchmark.inc on one counter: about a second. */
    private static List<String> oneFork(String counter, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "jmh",
                "--",
                "UpdateBenchmark.inc$",
                "-p",
                "counter=" + counter,
                "-p",
                "cpu=lookup",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "1",
                "-r",
                "50ms",
                "-t",
                "1"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void anUnknownCounterIdIsBadInputBeforeAnythingRuns() {
        run("jmh", "--", "UpdateBenchmark.inc", "-p", "counter=tree,nosuch")
                .assertOneLineError("-p counter=nosuch: unknown counter id 'nosuch'");
    }

    @Test
    void jmhsOwnParseErrorsAreBadInput() {
        run("jmh", "--", "-f", "many").assertOneLineError("JMH cannot parse its arguments");
    }

    @Test
    void theAccuracyProfilerIsAttachedByDefault(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Cli.Run o = run(oneFork("ATOMIC", "-rf", "json", "-rff", json.toString()));
        o.assertOk();
        JsonNode row = Cli.json(json).get(0);
        assertTrue(row.get("secondaryMetrics").has("accuracy.worst"), row.toPrettyString());
        assertTrue(o.out().contains("accuracy.violations"), "JMH's own output goes to stdout: " + o.out());
    }

    @Test
    void noAccuracyLeavesItOff(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        List<String> args = oneFork("ATOMIC", "-rf", "json", "-rff", json.toString());
        args.add(1, "--no-accuracy");
        run(args).assertOk();
        assertTrue(!Cli.json(json).get(0).get("secondaryMetrics").has("accuracy.worst"));
    }

    @Test
    void aFailedBenchmarkExitsOne() {
        Cli.Run o = run(oneFork("ATOMIC", "-jvmArgsAppend", "-Dcounterbench.fault=crash:UpdateBenchmark"));
        assertEquals(ExitCodes.CHECK_FAILED, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("check failed: 1 of the benchmarks JMH started failed"), o.err());
    }

    @Test
    void failOnErrorStopsAndExitsOne() {
        Cli.Run o =
                run(oneFork("ATOMIC", "-foe", "true", "-jvmArgsAppend", "-Dcounterbench.fault=crash:UpdateBenchmark"));
        assertEquals(ExitCodes.CHECK_FAILED, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("check failed: a benchmark failed and -foe stopped the run"), o.err());
    }

    @Test
    void listingIsJmhs() {
        Cli.Run o = run("jmh", "--", "-l");
        o.assertOk();
        assertTrue(o.out().contains("io.counterbench.bench.UpdateBenchmark.inc"), o.out());
    }
}
