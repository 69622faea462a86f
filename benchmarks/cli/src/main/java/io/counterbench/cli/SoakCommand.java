package io.counterbench.cli;

import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.sim.soak.Soak;
import io.counterbench.topology.Affinity;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every counter concurrently for a while and checks exact totals and bounds at every pause. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "Stress every counter id: 4 x nproc writer threads add mixed +-deltas (current-CPU adds on counters for "
                    + "this machine, explicit-placement adds on counters for a 384-CPU box) while their pinning "
                    + "changes at random; at each interval the writers pause and precise() must equal the sum of "
                    + "their tallies exactly and approximate() must lie within the bound. Exit 1 on any violation."
        })
final class SoakCommand implements Callable<Integer> {
    /** Time between checks: long enough to run the writers, short enough to check within an hour. */
    static final Range INTERVAL = new Range("a check interval in milliseconds", 10, 3_600_000);

    @Option(
            names = "--minutes",
            paramLabel = "M",
            description = "How long to run (default: ${DEFAULT-VALUE}; fractions allowed).")
    double minutes = 1;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Writer threads, 1-65536 (default: 4 x the CPUs this process may use).")
    Integer threads;

    @Option(
            names = "--interval-ms",
            paramLabel = "MS",
            description = "Time between checks (default: ${DEFAULT-VALUE}).")
    long intervalMillis = 2000;

    @Option(
            names = "--counters",
            split = ",",
            paramLabel = "ID[,ID...]",
            description = "Counter ids (default: all, with those of --counter-jar).")
    List<String> counters;

    @Mixin
    CounterJarOption counterJars;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || minutes > 7 * 24 * 60) {
            throw new UsageException("--minutes " + minutes + ": must be positive (at most a week)");
        }
        int n = Limits.THREADS.checkInt("--threads", threads != null ? threads : 4L * Affinity.processCpus().length);
        INTERVAL.check("--interval-ms", intervalMillis);
        counterJars.load();
        List<CounterType> ids = counters == null
                ? CounterTypes.all()
                : counters.stream().map(CounterTypes::parse).distinct().toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Soak soak = new Soak(ids, n, intervalMillis, seed);
        out.printf(
                "soak: %d counter ids x 2 topologies (host, epyc-9654-2s), %d writer threads, checks every %d ms, "
                        + "%.1f min%n",
                ids.size(), n, intervalMillis, minutes);
        out.flush();
        Soak.Totals t;
        try (Interrupts interrupts = new Interrupts("soak")) {
            long start = System.nanoTime();
            interrupts.on(() -> {
                Soak.Totals so = soak.soFar();
                String ran = io.counterbench.results.util.Progress.format((System.nanoTime() - start) / 1e9);
                if (so != null) {
                    out.printf(
                            "soak INCOMPLETE (interrupted after %s of %.1f min; totals as of the last check): "
                                    + "%,d operations, %,d checks in %d rounds, %d violations%n",
                            ran, minutes, so.operations(), so.checks(), so.rounds(), so.violations());
                    so.firstViolations().forEach(v -> out.println("  violation: " + v));
                    out.flush();
                }
                err.println();
                err.println("interrupted: soak stopped after " + ran
                        + (so == null
                                ? ", before its first check; nothing to keep"
                                : "; its totals as of the last check are on standard output, marked INCOMPLETE"));
                err.flush();
            });
            t = soak.run(Math.round(minutes * 60_000), err);
            interrupts.off();
            interrupts.quietIfFired(); // one writer: a signal's handler printed the totals
        }
        out.printf(
                "soak done: %,d operations, %,d checks in %d rounds, %d violations%n",
                t.operations(), t.checks(), t.rounds(), t.violations());
        t.firstViolations().forEach(v -> out.println("  violation: " + v));
        if (t.violations() > 0) {
            throw new CheckFailedException(t.violations() + " violation(s) of exact totals or bounds");
        }
        return ExitCodes.OK;
    }
}
