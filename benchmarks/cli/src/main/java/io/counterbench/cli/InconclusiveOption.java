package io.counterbench.cli;

import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.GateText;
import io.counterbench.results.gate.Outcome;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** --inconclusive: what an inconclusive gate exits with; and the exit of a gate's outcome (ab, gate). */
final class InconclusiveOption {
    @Option(names = "--inconclusive", paramLabel = "exit|pass|fail",
            description = "When some row could neither be flagged nor "
            + "cleared: exit 3 (exit, the default: neither green nor red), or count it as passed (exit 0) or failed "
                    + "(exit 1).")
    String inconclusive = "exit";

    void check() {
        if (!java.util.List.of("exit", "pass", "fail").contains(inconclusive)) {
            throw new UsageException("--inconclusive '" + inconclusive + "': expected exit, pass or fail");
        }
    }

    /** The exit code of {@code g}'s outcome: 0 passed; 1 (thrown) regressed; 3 inconclusive unless mapped by
     * --inconclusive. */
    int exit(GateResult g, String what, PrintWriter err) {
        Outcome o = g.outcome();
        if (o == Outcome.REGRESSED) {
            throw new CheckFailedException(what + ": " + g.counts());
        }
        if (o == Outcome.INCONCLUSIVE) {
            String rows = g.inconclusive().size() + " row(s) neither flagged nor cleared";
            switch (inconclusive) {
                case "pass" -> {
                    err.println(what + ": inconclusive (" + rows + "), passed because of --inconclusive pass");
                    err.flush();
                    return ExitCodes.OK;
                }
                case "fail" -> throw new CheckFailedException(what + ": inconclusive (" + rows
                        + "), failed because of --inconclusive fail");
                default -> {
                    err.println("inconclusive: " + what + ": " + rows + " (exit " + ExitCodes.INCONCLUSIVE
                            + "); rerun with more pairs "
                            + "(--pairs, --budget) or on a quieter machine, or choose with --inconclusive pass|fail");
                    err.flush();
                    return ExitCodes.INCONCLUSIVE;
                }
            }
        }
        return ExitCodes.OK;
    }

    static String outcomeLine(GateResult g) {
        return GateText.outcome(g);
    }
}
