package io.counterbench.cli.ab;

import io.counterbench.cli.CounterJarOption;
import io.counterbench.cli.Durations;
import io.counterbench.cli.JmhLock;
import io.counterbench.cli.RowSelection;
import io.counterbench.cli.RunFolderOption;
import io.counterbench.cli.UsageException;
import io.counterbench.cli.run.Profile;
import io.counterbench.results.gate.GateOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of an ab run, shared by ab and ab calibrate (whose series is ab runs): the profile,
 * the pairs and budget, the rows, the gate, where run folders and built revisions go; {@link
 * #options} checks them all and makes the {@link AbOptions} that {@link Ab} takes.
 */
public final class AbFlags {
    /** The ci profile's budget: with the builds, a run stays under 10 minutes on a 2-CPU runner. */
    public static final String CI_BUDGET = "9m";
    /** The nightly profile's budget. */
    public static final String NIGHTLY_BUDGET = "30m";
    /** The most pairs a row gets in an adaptive run, unless --pairs says otherwise. */
    public static final int ADAPTIVE_PAIRS = 32;

    @Option(
            names = "--profile",
            paramLabel = "ci|...",
            description = "Which rows and how long each fork runs (default: ${DEFAULT-VALUE}).")
    String profile = "ci";

    @Option(
            names = "--pairs",
            paramLabel = "N",
            description = "Pairs of forks per row; with a --budget the most a row may get "
                    + "(default: the profile's forks; with a budget " + ADAPTIVE_PAIRS + ").")
    Integer pairs;

    @Option(
            names = "--budget",
            paramLabel = "DURATION|off",
            description = "Adaptive pairs within this time from the ab run's start, builds included (9m, 90s, 1m30s; "
                    + "default: " + CI_BUDGET + " for the ci profile, " + NIGHTLY_BUDGET
                    + " for nightly, off for the others).")
    String budget;

    @Option(
            names = "--side-by-side",
            paramLabel = "auto|on|off",
            description = "auto: a row with fewer threads than half of this process's CPUs runs the two forks of "
                    + "each pair at the same time, each confined to one half (taskset), so that other work on the "
                    + "machine disturbs both alike (a CPU of each half is left to the fork's JIT and GC threads: on "
                    + "2 CPUs every row runs back to back); on: every row whose threads fit in a half, no CPU to "
                    + "spare; off: always one after the other "
                    + "(default: ${DEFAULT-VALUE}).")
    String sideBySide = "auto";

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the random order (default: random; recorded in pairs.json).")
    Long seed;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Where built revisions are kept, by commit (default: ~/.cache/counterbench/ab).")
    Path cache;

    @Option(
            names = "--rerun-above",
            paramLabel = "CPUS",
            description = "Run a pair again (once, at the end) when other work kept more than this many CPUs busy "
                    + "on average during one of its forks, as /proc/stat tells; 0 never reruns "
                    + "(default: ${DEFAULT-VALUE}).")
    double rerunAbove = 0.3;

    @Option(
            names = "--dry-run",
            description = "Resolve and build the versions, print the plan and the ETA (ab calibrate: "
                    + "one run's plan and the series' ETA), run nothing.")
    boolean dryRun;

    @Mixin
    RowSelection rows;

    @Mixin
    CounterJarOption counterJars;

    @Mixin
    GateFlags gate;

    @Mixin
    RunFolderOption out;

    @Mixin
    JmhLock.Wait lockWait;

    /**
     * Every flag checked (before anything is resolved, built or written) and made into options, but for
     * the counters: their ids are checked once every counter jar is loaded ({@link RowSelection#counterIds}).
     */
    AbOptions.Builder options(List<String> command) {
        GateOptions g = gate.options(GateOptions.paired());
        Profile p = Profile.parse(profile);
        String ciOrOff = switch (p) {
            case CI -> CI_BUDGET;
            case NIGHTLY -> NIGHTLY_BUDGET;
            default -> "off";
        };
        long budgetSeconds = Durations.seconds("--budget", budget != null ? budget : ciOrOff);
        int n = pairs != null ? pairs : budgetSeconds > 0 ? ADAPTIVE_PAIRS : p.forks;
        if (n < 1) {
            throw new UsageException("--pairs " + n + ": at least 1");
        }
        AbOptions.Builder b =
                AbOptions.builder(p).pairs(n).budgetSeconds(budgetSeconds).filter(rows.filter(), rows.benchmarks);
        counterJars.load();
        if (!List.of("auto", "on", "off").contains(sideBySide)) {
            throw new UsageException("--side-by-side '" + sideBySide + "': expected auto, on or off");
        }
        if (!(rerunAbove >= 0)) {
            throw new UsageException("--rerun-above " + rerunAbove + ": a CPU count, 0 or more (0 never reruns)");
        }
        out.check();
        return b.threads(rows.threads())
                .gate(g)
                .sideBySide(sideBySide)
                .seed(seed)
                .rerunAbove(rerunAbove)
                .lockWaitMinutes(lockWait.check())
                .command(command);
    }
}
