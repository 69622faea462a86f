package io.counterbench.cli.ab;

import io.counterbench.cli.CheckFailedException;
import io.counterbench.cli.ExitCodes;
import io.counterbench.cli.UsageException;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.Outcome;
import io.counterbench.results.jmh.ForkScore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The gate's flags, shared by ab and gate: the thresholds, the false-alarm rate, each fork's
 * score and what an inconclusive outcome exits with. Unset, a flag takes the defaults of the
 * comparison at hand (ab's pairs and gate --ab: {@link GateOptions#paired()}; runs taken apart:
 * {@link GateOptions#separateRuns()}).
 */
final class GateFlags {
    @Option(
            names = "--threshold",
            paramLabel = "PERCENT",
            description = "A row regresses only when its lower bound lies above 0 and its estimate reaches this "
                    + "slowdown (default: 1%% for ab's pairs and gate --ab, 5%% for runs taken apart).")
    String threshold;

    @Option(
            names = "--detect",
            paramLabel = "PERCENT",
            description = "A row passes when its upper bound lies below this slowdown; neither flagged nor passed, "
                    + "it is inconclusive (default: 5%% for ab's pairs and gate --ab, 10%% for runs taken apart).")
    String detect;

    @Option(
            names = "--alpha",
            paramLabel = "P",
            description = "Family-wise false-alarm rate, split by Holm's step-down over the rows and, in an adaptive "
                    + "ab run, over the planned looks (default: ${DEFAULT-VALUE}).")
    double alpha = GateOptions.DEFAULT_ALPHA;

    @Option(
            names = "--fork-score",
            paramLabel = "best|mean",
            description = "Each fork's score: its best measurement iteration (the highest throughput, the lowest "
                    + "time: interference on a shared machine only adds time) or the mean of its iterations "
                    + "(default: best for ab's pairs and gate --ab, mean for runs taken apart).")
    String forkScore;

    @Option(
            names = "--inconclusive",
            paramLabel = "exit|pass|fail",
            description = "When some row could neither be flagged nor cleared: exit 3 (exit, the default: neither "
                    + "green nor red), or count it as passed (exit 0) or failed (exit 1).")
    String inconclusive = "exit";

    /** The options these flags give over {@code defaults}; every flag's value checked. */
    GateOptions options(GateOptions defaults) {
        double t = threshold == null ? defaults.threshold() : GateOptions.parsePercent("--threshold", threshold);
        double d = detect == null ? defaults.detect() : GateOptions.parsePercent("--detect", detect);
        GateOptions o = new GateOptions(
                t,
                alpha,
                d,
                defaults.normalizeBy(),
                defaults.allowDifferentMachine(),
                defaults.allowMissing(),
                forkScore == null ? defaults.forkScore() : ForkScore.parse("--fork-score", forkScore));
        if (!List.of("exit", "pass", "fail").contains(inconclusive)) {
            throw new UsageException("--inconclusive '" + inconclusive + "': expected exit, pass or fail");
        }
        return o;
    }

    /**
     * The exit code of {@code g}'s outcome: 0 passed; 1 (thrown) regressed; 3 inconclusive unless
     * mapped by --inconclusive.
     */
    int exit(GateResult g, String what, PrintWriter err) {
        Outcome o = g.outcome();
        if (o == Outcome.REGRESSED) {
            throw new CheckFailedException(what + ": " + g.counts());
        }
        if (o != Outcome.INCONCLUSIVE) {
            return ExitCodes.OK;
        }
        String rows = g.inconclusive().size() + " row(s) neither flagged nor cleared";
        switch (inconclusive) {
            case "pass" -> {
                err.println(what + ": inconclusive (" + rows + "), passed because of --inconclusive pass");
                err.flush();
                return ExitCodes.OK;
            }
            case "fail" ->
                throw new CheckFailedException(
                        what + ": inconclusive (" + rows + "), failed because of --inconclusive fail");
            default -> {
                err.println("inconclusive: " + what + ": " + rows + " (exit " + ExitCodes.INCONCLUSIVE + "); rerun "
                        + "with more pairs (--pairs, --budget) or on a quieter machine, or choose with --inconclusive "
                        + "pass|fail");
                err.flush();
                return ExitCodes.INCONCLUSIVE;
            }
        }
    }
}
