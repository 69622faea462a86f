package io.counterbench.cli;

import io.counterbench.cli.latency.LatencyMeasurement;
import io.counterbench.inputs.Range;
import io.counterbench.results.Reports;
import io.counterbench.results.latency.ClassSummary;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.report.table.LatencyTables;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.results.util.RunFolders;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.CpuList;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run-bench.sh latency}: core-to-core latency. Two threads pinned to a pair of CPUs bounce
 * one cache line (CAS ping-pong, then a release-store/acquire-load pair); the round trip is timed.
 * Prints the summary per distance class and the matrix, writes latency.json and a report with the
 * heatmap into a new run folder. Bad input: one line, exit 2, nothing written.
 */
@Command(
        name = "latency",
        mixinStandardHelpOptions = true,
        description = {
            "Core-to-core latency: for every pair of CPUs (a sample of pairs covering every distance class on big "
                    + "boxes), two pinned threads bounce one cache line, by CAS ping-pong and by store/load, and the "
                    + "round trip is timed.",
            "Prints the median and spread per distance class (same core, same LLC, same node, same package, remote) "
                    + "and the matrix; writes latency.json and report.md/report.html with a CPU x CPU heatmap into a "
                    + "new "
                    + RunFolders.RUNS + "/<utc>-<host>/ "
                    + "(or --out). Attach latency.json to any topology with 'simulate --latency FILE'.",
            "Time it under 'flock -x /work/bench.lock' (or any quiet machine): other work on the CPUs shows up as "
                    + "latency."
        },
        footer = {
            "",
            "Examples:",
            "  ./run-bench.sh latency",
            "  ./run-bench.sh latency --cpus 0-7 --samples 15",
            "  ./run-bench.sh latency --pairs 500            (on a big box: 500 pairs, every distance class among them)"
        })
final class LatencyCommand implements Callable<Integer> {
    static final Range SAMPLES = new Range("a sample count", 1, 1_000);
    static final Range ROUND_TRIPS = new Range("a round-trip count per sample", 1, 10_000_000);
    static final Range PAIRS = new Range("a pair count", 1, 100_000_000);

    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            defaultValue = "host",
            description =
                    "Where the distance classes and the CPU order come from: host, or a preset, hwloc XML file or "
                            + "synthetic string whose CPU numbers are this machine's (default: ${DEFAULT-VALUE}).")
    String topology;

    @Option(
            names = "--cpus",
            paramLabel = "LIST",
            description = "CPUs to measure, e.g. 0-7,16 (default: every CPU this process may use).")
    String cpus;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "9",
            description =
                    "Samples per pair and method; the median and spread are over them (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--round-trips",
            paramLabel = "N",
            description = "Round trips timed together in one sample (default: calibrated to about 0.2 ms a sample).")
    Long roundTrips;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Most pairs to measure; CPUs that make more are sampled (seeded), every distance class kept "
                    + "(default: ${DEFAULT-VALUE}).")
    long pairs;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the pair sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write latency.json and the report here instead of a new " + RunFolders.RUNS + "/ folder.")
    Path out;

    @Option(names = "--no-progress", description = "No progress lines on stderr.")
    boolean noProgress;

    @Option(names = "--no-report", description = "Write latency.json only (no report.md, report.html, charts/).")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SAMPLES.check("--samples", samples);
        if (roundTrips != null) {
            ROUND_TRIPS.check("--round-trips", roundTrips);
        }
        PAIRS.check("--pairs", pairs);
        if (out != null) {
            RunFolders.checkNamed(out);
        }
        Topology t = TopologySources.load(topology);
        if (!Affinity.available()) {
            throw new UsageException(
                    "latency needs to pin threads to CPUs (Linux sched_setaffinity), which this system does not offer");
        }
        int[] allowed = Affinity.processCpus();
        int[] chosen = LatencyCpus.chosen(t, allowed, cpus);
        LatencyMeasurement m = new LatencyMeasurement(
                t, chosen, new LatencyMeasurement.Settings(samples, roundTrips == null ? 0 : roundTrips, pairs, seed));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant started = Instant.now();
        // before measuring
        Path root = out != null ? RunFolders.named(out) : RunFolders.writable(RunFolders.defaultRoot());
        Progress progress = noProgress ? Progress.silent() : new Progress(err, "latency", Double.NaN);
        LatencyRun run = new LatencySession(m, out != null, root, started, err).measure(progress);

        Path dir = out != null ? root : RunFolders.create(root, started);
        Path file = RunFolders.newFile(dir, LatencyJson.FILE);
        Json.write(file, LatencyJson.of(run));
        print(stdout, run, t);
        stdout.println("latency.json: " + file);
        if (!noReport) {
            List<Path> written = Reports.write(List.of(dir), dir);
            written.stream().filter(p -> p.getParent().equals(dir)).forEach(p -> stdout.println("report: " + p));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, LatencyRun run, Topology t) {
        LatencyRun.Settings s = run.settings();
        out.println("## counterbench latency: " + run.cpus().length + " CPUs (" + CpuList.format(run.cpus())
                + ") of topology " + t.name() + ", " + run.pairs().size() + (s.sampled() ? " of " + s.pairsTotal() : "")
                + " pairs");
        out.println();
        out.printf(
                Locale.ROOT,
                "Each pair: %d samples of %,d round trips per method after %,d warm-up round trips; %.1f s in all.%n%n",
                s.samples(),
                s.roundTripsPerSample(),
                s.warmupRoundTrips(),
                run.wallSeconds());
        List<ClassSummary> classes = run.classes();
        out.println("Distance classes among these CPUs: " + classes.size() + " ("
                + classes.stream()
                        .map(c -> c.cls() + ": " + LatencyRun.label(c.cls()))
                        .collect(Collectors.joining("; "))
                + ").");
        out.println();
        out.print(LatencyTables.markdown(LatencyTables.summary(run)));
        if (run.cpus().length <= LatencyTables.MAX_PRINTED_CPUS) {
            out.print(LatencyTables.markdown(LatencyTables.matrix(run, true)));
            out.print(LatencyTables.markdown(LatencyTables.matrix(run, false)));
        } else {
            out.println("(" + run.cpus().length + " CPUs: the matrix is in latency.json and the report's heatmap.)");
            out.println();
        }
    }
}
