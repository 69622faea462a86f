package io.counterbench.cli;

import io.counterbench.results.export.ExportFormat;
import io.counterbench.results.gate.Gate;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.GateText;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The CI gate: a current run against a baseline; exit 1 on a regression or an accuracy failure. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Compare a run with a baseline row by row (benchmark, params, threads, mode). A row regresses only when the "
                + "Mann-Whitney U test on JMH's raw iteration samples AND the threshold both say it got worse (thrpt: higher is better; "
                + "avgt/sample/ss: lower). A new accuracy violation or a grown accuracy bound fails too.",
            "Exit codes: 0 passed, 1 a regression or accuracy failure, 2 unusable input (another machine or topology, no matching "
                + "rows, current run missing baseline rows, mixed modes, a corrupt file).",
            "A Markdown summary goes to --summary FILE and is appended to $GITHUB_STEP_SUMMARY when that is set."})
final class GateCommand implements Callable<Integer> {
    /** The environment; tests replace it. */
    static Map<String, String> environment = System.getenv();

    @Option(names = "--baseline", required = true, paramLabel = "RUN|FILE", description = "Baseline run folder or JMH JSON file.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "RUN|FILE", description = "Current run folder or JMH JSON file.")
    Path current;

    @Option(names = "--threshold", paramLabel = "PERCENT", description = "Smallest change that counts (default: ${DEFAULT-VALUE}).")
    String threshold = "5%";

    @Option(names = "--alpha", paramLabel = "P", description = "Significance level of the Mann-Whitney U test, two-sided (default: ${DEFAULT-VALUE}).")
    double alpha = GateOptions.DEFAULT_ALPHA;

    @Option(names = "--normalize-by", paramLabel = "COUNTER", description = "Divide each score (and raw sample) by the same run's score of "
            + "this counter in the matching row (e.g. adder), so that a slower machine does not read as a regression.")
    String normalizeBy;

    @Option(names = "--allow-different-machine", description = "Compare runs of different CPU models, CPU counts or topologies.")
    boolean allowDifferentMachine;

    @Option(names = "--allow-missing", description = "Gate the rows both runs have when the current run lacks baseline rows (else exit 2).")
    boolean allowMissing;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the Markdown summary to FILE.")
    Path summary;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE", hideParamSyntax = true, description = "Also export the current run: "
            + "github-action-benchmark FILE writes FILE (thrpt, customBiggerIsBetter) and FILE-smaller.json (time modes, customSmallerIsBetter).")
    List<String> export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (normalizeBy != null && normalizeBy.isBlank()) {
            throw new UsageException("--normalize-by '" + normalizeBy + "' names no counter (e.g. --normalize-by adder)");
        }
        GateOptions options = new GateOptions(GateOptions.parseThreshold(threshold), alpha,
                normalizeBy == null ? null : normalizeBy.strip(), allowDifferentMachine, allowMissing);
        ExportFormat exportFormat = export == null ? null : ExportFormat.parse(export.get(0));
        if (summary != null) {
            OutputFile.check(summary, "--summary");
        }
        if (exportFormat != null) {
            exportFormat.checkTarget(OutputFile.check(OutputFile.path(export.get(1), "--export"), "--export"));
        }
        RunInput base = RunLoader.load(baseline);
        RunInput cur = RunLoader.load(current);
        GateResult result = Gate.compare(base, cur, options);
        out.print(GateText.table(result));
        String markdown = GateText.markdown(result);
        try {
            if (summary != null) {
                if (summary.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(summary.toAbsolutePath().getParent());
                }
                Files.writeString(summary, markdown, StandardCharsets.UTF_8);
                out.println("summary: " + summary);
            }
            String step = environment.get("GITHUB_STEP_SUMMARY");
            if (step != null && !step.isBlank()) {
                Files.writeString(Path.of(step), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gate summary: " + io.counterbench.inputs.IoReasons.of(e), e);
        }
        if (exportFormat != null) {
            for (Path p : exportFormat.write(cur, Path.of(export.get(1)))) {
                out.println("exported: " + p);
            }
        }
        out.flush();
        if (result.failed()) {
            throw new CheckFailedException("gate: " + result.counts());
        }
        return ExitCodes.OK;
    }
}
