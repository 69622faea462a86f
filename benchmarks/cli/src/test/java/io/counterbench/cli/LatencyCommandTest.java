package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.latency.Pair;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency command on a CI-sized run (two CPUs, few samples, short ones: nothing about the times is asserted) and on bad input. */
class LatencyCommandTest {
    @TempDir
    Path dir;

    private static int[] usable() {
        assumeTrue(Affinity.available(), "pinning threads needs Linux sched_setaffinity");
        Topology host = TopologySources.load("host");
        int[] cpus = java.util.Arrays.stream(Affinity.processCpus())
                .filter(host::hasCpu)
                .toArray();
        assumeTrue(cpus.length >= 2, "a latency run needs two CPUs");
        return cpus;
    }

    @Test
    void aTinyRunWritesLatencyJsonAndAReportWithTheHeatmap() throws IOException {
        int[] cpus = usable();
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run(
                "latency",
                "--cpus",
                cpus[0] + "," + cpus[1],
                "--samples",
                "2",
                "--round-trips",
                "50",
                "--no-progress",
                "--out",
                out.toString());
        r.assertOk();
        LatencyRun run = LatencyJson.read(out.resolve("latency.json"));
        assertEquals(1, run.pairs().size());
        Pair p = run.pairs().getFirst();
        Topology host = TopologySources.load("host");
        assertEquals(
                LatencyClass.of(host.distance(p.a(), p.b())).key(),
                p.cls(),
                "the pair's class comes from the topology");
        assertEquals(2, p.cas().length);
        assertEquals(2, p.storeLoad().length);
        assertEquals(50, run.settings().roundTripsPerSample());
        assertTrue(r.out().contains("Distance classes among these CPUs: 1 (" + p.cls() + ": "), r.out());
        assertTrue(
                r.out().contains("| CPU | " + p.a() + " | " + p.b() + " |"),
                "the matrix, in topology order: " + r.out());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Core-to-core latency"), md);
        assertTrue(Files.exists(out.resolve("charts").resolve("latency-cas.svg")));
    }

    @Test
    void noReportMeansLatencyJsonAlone() throws IOException {
        int[] cpus = usable();
        Path out = dir.resolve("only");
        Cli.run(
                        "latency",
                        "--cpus",
                        cpus[0] + "," + cpus[1],
                        "--samples",
                        "1",
                        "--round-trips",
                        "20",
                        "--no-progress",
                        "--no-report",
                        "--out",
                        out.toString())
                .assertOk();
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(
                    java.util.List.of("latency.json"),
                    s.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws IOException {
        int[] cpus = usable();
        Path out = dir.resolve("never");
        String both = cpus[0] + "," + cpus[1];
        latency(out, "--samples", "0").assertOneLineError("--samples 0: a sample count must be between 1 and 1000");
        latency(out, "--round-trips", "0")
                .assertOneLineError("--round-trips 0: a round-trip count per sample must be between 1");
        latency(out, "--pairs", "0").assertOneLineError("--pairs 0: a pair count must be between 1");
        latency(out, "--cpus", String.valueOf(cpus[0]))
                .assertOneLineError("names 1 CPU: a latency run needs at least two");
        latency(out, "--cpus", both + ",4000").assertOneLineError("--cpus: CPU 4000 is not one this process may use");
        latency(out, "--cpus", "1-x").assertOneLineError("--cpus '1-x'");
        latency(out, "--cpus", both, "--topology", "nope").assertOneLineError("unknown topology 'nope'");
        latency(out, "--cpus", both, "--topology", "pack:1 pu:1").assertOneLineError("is not in topology");
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Cli.run("latency", "--cpus", both, "--no-progress", "--out", file.toString())
                .assertOneLineError("exists and is not a directory");
        assertFalse(Files.exists(out), "nothing written");
    }

    private Cli.Run latency(Path out, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "latency";
        all[1] = "--out";
        all[2] = out.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }
}
