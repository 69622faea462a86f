package io.counterbench.cli.ab;

import io.counterbench.cli.ExitCodes;
import io.counterbench.cli.Interrupts;
import io.counterbench.cli.OutputFile;
import io.counterbench.cli.UsageException;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A/B on one machine: forks of two versions in randomized pairs, gated with the fork as the unit. */
@Command(
        name = "ab",
        mixinStandardHelpOptions = true,
        subcommands = AbCalibrateCommand.class,
        description = {
            "Compare two versions on this machine: build each (a git revision, built from that commit and "
                    + "cached by commit, or a built benchmarks.jar), plan the rows both have, run their forks in "
                    + "randomized pairs (one JVM per fork, the two forks of a pair side by side on two halves of the "
                    + "CPUs where a row fits (--side-by-side), else back to back, which goes first balanced at "
                    + "random), and gate every row on its paired ratios.",
            "With a --budget (the ci profile's default) the pairs are adaptive: every row starts with the pairs of the "
                    + "first planned look, rounds of pairs go to the rows still open, and at each look the rows that "
                    + "regressed or passed stop; the alpha is split over the looks. Rows still open when the budget "
                    + "ends are inconclusive.",
            "Writes one run folder (jmh-baseline.json, jmh-current.json, pairs.json, run.json, summary.md, forks/); "
                    + "Ctrl-C keeps the finished pairs. Exit codes: 0 passed, 1 regressed (or an accuracy failure), "
                    + "3 inconclusive (see --inconclusive), 2 bad input or pairs that did not finish. 'ab calibrate' "
                    + "calibrates the gate."
        })
public final class AbCommand implements Callable<Integer> {
    @Option(
            names = "--baseline",
            paramLabel = "REF|JAR",
            description = "The version to compare against: a git revision "
                    + "(main, HEAD~1, a commit; the merge base in CI) or a built benchmarks.jar.")
    String baseline;

    @Option(
            names = "--current",
            paramLabel = "REF|JAR",
            description = "The version under test (default: this "
                    + "checkout's working tree, as run-bench.sh built it, uncommitted edits included).")
    String current;

    @Mixin
    AbFlags flags;

    @Mixin
    SideJarOptions sideJars;

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description = "Also write the Markdown summary to FILE (it is "
                    + "always in the run folder; appended to $GITHUB_STEP_SUMMARY when that is set).")
    Path summary;

    @Option(
            names = "--slowdown",
            paramLabel = "COUNTER:PERCENT[,...]",
            split = ",",
            description = "Calibration: "
                    + "make these counters' add do extra work, a busy-wait of PERCENT of the time their adds took "
                    + "(every 16384 adds), in the current version's forks only (e.g. tree:5).")
    List<String> slowdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AbOptions.Builder options =
                flags.options(spec.commandLine().getParseResult().originalArgs());
        if (summary != null) {
            OutputFile.check(summary, "--summary");
        }
        try (Interrupts interrupts = new Interrupts("ab")) {
            interrupts.on(() -> {
                err.println();
                err.println("error: interrupted before ab measured anything; nothing was written");
                err.flush();
            });
            return call(options, interrupts, stdout, err);
        }
    }

    private int call(AbOptions.Builder builder, Interrupts interrupts, PrintWriter stdout, PrintWriter err) {
        Path home = RunFolders.home();
        Path cache = flags.cache != null ? flags.cache : VersionResolver.defaultCache();
        SideJarOptions.Sides jars = sideJars.resolve(flags.counterJars.paths(), baseline, current, cache, err);
        List<String> knob = Slowdowns.jvmArgs(slowdown); // once the counter jars are loaded: their ids count
        AbOptions o = builder.counters(flags.rows.counterIds())
                .knob(knob)
                .summary(summary)
                .build();
        VersionResolver resolver = new VersionResolver(home, cache, Path.of(System.getProperty("java.home")), err);
        Ab.Sides sides = Ab.resolve(baseline, current, jars, sideJars.library(), resolver, home);
        List<AbRow> rows = Ab.rows(o, sides);
        if (rows.isEmpty()) {
            String narrowed = o.filter() == null ? "" : " narrowed by --benchmarks '" + o.benchmarks() + "'";
            throw new UsageException("no row in common: the " + o.profile().label() + " profile" + narrowed
                    + " has no benchmark and parameters that both "
                    + sides.base().describe() + " and "
                    + sides.cur().describe() + " declare");
        }
        AbPlan plan = Ab.plan(o, rows, o.pairs(), err);
        int[] looks = Ab.looks(o, plan);
        Ab.printPlan(stdout, o, plan, sides, looks);
        if (flags.dryRun) {
            return ExitCodes.OK;
        }
        AbOptions run =
                o.toBuilder().root(flags.out.root(home.resolve(RunFolders.AB))).build();
        GateResult g = Ab.measure(run, plan, looks, sides, interrupts, stdout, err);
        return flags.gate.exit(g, "ab", err);
    }
}
