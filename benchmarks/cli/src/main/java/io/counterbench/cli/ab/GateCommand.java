package io.counterbench.cli.ab;

import io.counterbench.cli.OutputFile;
import io.counterbench.cli.Summaries;
import io.counterbench.cli.UsageException;
import io.counterbench.results.gate.AbFolder;
import io.counterbench.results.gate.Gate;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.GateText;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The CI gate: a current run against a baseline, or an ab run folder; exit 1 regressed, 3 inconclusive. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a run with a baseline row by row (benchmark, params, threads, mode) with the JVM fork as the "
                    + "unit: each fork's score, the Hodges-Lehmann shift of the two runs' fork scores with exact "
                    + "Mann-Whitney bounds, the family-wise alpha split over the rows by Holm's step-down (bimodal "
                    + "rows: a stratified test within their modes); each row prints "
                    + "its minimum detectable effect. Any accuracy.violations or "
                    + "accuracy.lost above 0 fails, and so does a grown accuracy.bound (compared only for the same "
                    + "topology).",
            "Runs taken apart cannot be compared as tightly as ab's pairs: the interval covers the forks' spread "
                    + "within each run, not a shift of the whole machine between the runs, hence the 5%% default "
                    + "threshold. --ab DIR re-analyzes an ab run folder with its paired statistics (default threshold "
                    + "1%%).",
            "Each row, and the run, is regressed (the lower bound above 0 at the row's Holm level and the estimate at "
                    + "least --threshold, or an accuracy failure), passed (the upper bound below --detect, or an "
                    + "improvement) or inconclusive. When the forks given cannot reach the row level whatever the "
                    + "data, the first line says so and which n is needed. An ab folder of a run that stopped short "
                    + "can show a regression, never a pass.",
            "Exit codes: 0 passed, 1 regressed, 3 inconclusive (see --inconclusive), 2 unusable input (another "
                    + "machine or topology, no matching rows, current run missing baseline rows, mixed modes, a "
                    + "corrupt file, an ab folder whose files are not of one run).",
            "A Markdown summary goes to --summary FILE and is appended to $GITHUB_STEP_SUMMARY when that is set."
        })
public final class GateCommand implements Callable<Integer> {
    /** The environment ($GITHUB_STEP_SUMMARY); tests replace it. */
    public static Map<String, String> environment = System.getenv();

    @Option(names = "--baseline", paramLabel = "RUN|FILE", description = "Baseline run folder or JMH JSON file.")
    Path baseline;

    @Option(names = "--current", paramLabel = "RUN|FILE", description = "Current run folder or JMH JSON file.")
    Path current;

    @Option(
            names = "--ab",
            paramLabel = "DIR",
            description = "An ab run folder: gate its paired forks (instead of --baseline and --current).")
    Path ab;

    @Mixin
    GateFlags gateFlags;

    @Option(
            names = "--normalize-by",
            paramLabel = "COUNTER",
            description = "Divide each fork's score by a fork's score of this counter's "
                    + "matching row in the same run (e.g. adder), so that a slower machine does not read as a "
                    + "regression.")
    String normalizeBy;

    @Option(
            names = "--allow-different-machine",
            description = "Compare runs of different CPU models, CPU counts or topologies.")
    boolean allowDifferentMachine;

    @Option(
            names = "--allow-missing",
            description = "Gate the rows both runs have when the current run lacks baseline rows (else exit 2).")
    boolean allowMissing;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the Markdown summary to FILE.")
    Path summary;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean paired = ab != null;
        if (paired && (baseline != null || current != null)) {
            throw new UsageException("give either --ab DIR or --baseline and --current, not both");
        }
        if (!paired && (baseline == null || current == null)) {
            throw new UsageException(
                    "missing " + (baseline == null ? "--baseline" : "--current") + " (or give --ab DIR)");
        }
        if (normalizeBy != null && normalizeBy.isBlank()) {
            throw new UsageException(
                    "--normalize-by '" + normalizeBy + "' names no counter (e.g. --normalize-by adder)");
        }
        GateOptions d = paired ? GateOptions.paired() : GateOptions.separateRuns();
        GateOptions options = gateFlags.options(new GateOptions(
                d.threshold(),
                d.alpha(),
                d.detect(),
                normalizeBy == null || normalizeBy.isBlank() ? null : normalizeBy.strip(),
                allowDifferentMachine,
                allowMissing,
                d.forkScore()));
        if (summary != null) {
            OutputFile.check(summary, "--summary");
            OutputFile.notAnInput(summary, "--summary", baseline, current, ab, ab == null ? null : ab.resolve("forks"));
        }
        GateResult result;
        if (paired) {
            result = AbFolder.load(ab).gate(options);
        } else {
            RunInput base = RunLoader.load(baseline); // the baseline first: its problems are named first
            result = Gate.separate(base, RunLoader.load(current), options);
        }
        out.print(GateText.table(result));
        Summaries.write(summary, null, GateText.markdown(result), out, environment);
        out.flush();
        return gateFlags.exit(result, "gate", spec.commandLine().getErr());
    }
}
