package io.counterbench.cli;

import io.counterbench.results.util.RunFolders;
import io.counterbench.sim.Simulation;
import io.counterbench.sim.SimulationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run-bench.sh simulate}: the virtual-topology simulator. Runs the real counters
 * single-threaded over any topology and reproduces the published figures; exit 1 when a bound was
 * violated (or precise() disagreed with the exact value), 2 on bad input.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate the counters on a virtual topology: exact deviation after every operation, the bound, "
                    + "a coherence-cost model, and scenarios that reproduce the published figures.",
            "Scenarios: rss-250 (5-thread service on 250 CPUs), hop-384 (CPU-hopping mmap/munmap on a 2-socket EPYC "
                    + "9654), oom-select (largest of 40 and 10000 processes), scale (N = 8 to 4096), custom (the "
                    + "flags below), update (the JMH Update rows replayed on --topology, default host, at --threads), "
                    + "mix-384 (384 writers each reading every 10, 1,000 or 100,000 of its adds, approximate or "
                    + "precise: line moves per update and per read). Default: all but custom, update and mix-384.",
            "Cost model: each scenario also prints predicted ns/op and ops/us per counter: the fast path "
                    + "(--fast-path: a run's UpdateBenchmark rows at 1 thread) plus, per distance class, line moves "
                    + "per op x one-way latency (--latency: a measured latency.json for every topology; default: the "
                    + "preset's published profile, where it has one).",
            "Writes simulation.json into a new " + RunFolders.RUNS
                    + "/<utc>-<host>/ (or --out) and Markdown tables to stdout."
        },
        footer = {
            "",
            "Examples:",
            "  ./run-bench.sh simulate --quick",
            "  ./run-bench.sh simulate hop-384 --seed 7",
            "  ./run-bench.sh simulate hop-384 --fast-path " + RunFolders.RUNS
                    + "/<run>      (predicted ns/op with the EPYC 9654 profile)",
            "  ./run-bench.sh simulate update --latency " + RunFolders.RUNS + "/<latency-run>/latency.json --fast-path "
                    + RunFolders.RUNS + "/<run>",
            "  ./run-bench.sh simulate custom --topology 'pack:2 l3:4 core:8 pu:2' --counters flat,tree,tree-topo "
                    + "--workload hop --tasks 2 --migrate llc --every 10 --ops 2000000",
            "  ./run-bench.sh simulate custom --counter-jar my-counters.jar --counters mine,tree --quick"
        })
final class SimulateCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..*",
            paramLabel = "SCENARIO",
            description = "Scenarios to run (default: rss-250 hop-384 oom-select scale).")
    List<String> scenarios = List.of();

    @Option(names = "--quick", description = "CI-sized runs: seconds instead of minutes.")
    boolean quick;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write simulation.json here instead of a new " + RunFolders.RUNS + "/ folder.")
    Path out;

    @Option(names = "--no-progress", description = "No progress lines on stderr.")
    boolean noProgress;

    @Mixin
    SimulateCustomFlags custom;

    @Mixin
    CounterJarOption counterJars;

    @Option(
            names = "--latency",
            paramLabel = "FILE",
            description =
                    "A latency.json (./run-bench.sh latency): its per-class latencies price the line moves of every "
                            + "topology of the run (default: each preset's published profile, where it has one).")
    Path latency;

    @Option(
            names = "--fast-path",
            paramLabel = "RUN",
            description = "A run folder or jmh.json with UpdateBenchmark rows at 1 thread: each counter's fast path, "
                    + "measured on this machine (without it only the miss part of ns/op is predicted). update "
                    + "compares with its rows at more threads.")
    Path fastPath;

    @Option(
            names = "--threads",
            split = ",",
            paramLabel = "N[,N...]",
            description =
                    "update: thread counts to replay (default: every count above 1 in --fast-path's rows, else 2).")
    List<Integer> threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (counterJars.given() && scenarios.stream().noneMatch(s -> s.strip().equalsIgnoreCase("custom"))) {
            throw new UsageException(
                    "--counter-jar applies to the custom scenario only (run 'simulate custom --counter-jar JAR ...')");
        }
        counterJars.load();
        Simulation.Outcome outcome;
        SimulationFile file = new SimulationFile();
        try (Interrupts interrupts = new Interrupts("simulate")) {
            interrupts.on(() -> keepPartial(file));
            outcome = Simulation.run(
                    new Simulation.Request(
                            scenarios, seed, quick, out, !noProgress, custom.options(), latency, fastPath, threads),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    file);
            if (outcome.json() == null) { // one writer: a signal's handler kept the finished scenarios
                interrupts.quietIfFired();
            }
        }
        if (outcome.failures() > 0) {
            throw new CheckFailedException(
                    outcome.failures() + " simulation check(s) failed (bound violations, precise mismatches, "
                            + "wrong victims of an exact selection or counters that threw); see " + outcome.json());
        }
        return ExitCodes.OK;
    }

    /** On SIGINT/SIGTERM: simulation.json with the scenarios finished so far, marked incomplete; one line says so. */
    private void keepPartial(SimulationFile file) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println();
        try {
            Path kept = file.interrupted("interrupted (SIGINT/SIGTERM)");
            if (kept != null) {
                err.println(file.reason() + "; they are kept in " + kept + " (status incomplete)");
            } else if (file.completeFile() != null) {
                err.println("interrupted after " + file.completeFile() + " was written whole");
            } else {
                err.println("interrupted: simulate stopped before its first scenario finished; nothing is kept");
            }
        } catch (RuntimeException e) {
            err.println("error: interrupted, and the finished scenarios are lost: " + e.getMessage());
        }
        err.flush();
    }
}
