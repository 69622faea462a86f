package io.counterbench.cli;

import io.counterbench.results.Reports;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.report.section.TrendCharts;
import io.counterbench.results.trend.EDivisive;
import io.counterbench.results.trend.SeriesFile;
import io.counterbench.results.trend.Trend;
import io.counterbench.results.trend.TrendOptions;
import io.counterbench.results.trend.TrendResult;
import io.counterbench.results.trend.TrendText;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Change points over the history of main against a pinned reference jar; exit 1 on a regression since --since. */
@Command(
        name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Find change points in a history of ab runs against one pinned reference jar (ab --baseline REFERENCE.jar "
                    + "--current COMMIT), so that a creep no single pull request shows is still found and its commit "
                    + "named. HISTORY is a series file (JSON lines, one point per row and commit; --record appends to "
                    + "it). Points are ordered by commit time, then by their order in the files; each row's log "
                    + "ratios go through E-Divisive means (energy statistic, alpha 1, bisection, significance by a "
                    + "seeded permutation test). Per row it prints each change point with the first commit after it, "
                    + "the magnitude (median after / median before) with its 95%% interval, and p. See docs/trend.md.",
            "Exit codes: 0 no regression beyond --threshold since --since (or in the whole history), 1 one or more, 2 "
                    + "bad input (an empty or corrupt series file, a history mixing machines or reference jars, an "
                    + "unknown --since commit)."
        })
final class TrendCommand implements Callable<Integer> {
    /** Enough to resolve p far below any significance one would ask for. */
    static final int MAX_PERMUTATIONS = 100_000;

    /** The environment ($GITHUB_STEP_SUMMARY); tests replace it. */
    static Map<String, String> environment = System.getenv();

    @Parameters(
            paramLabel = "HISTORY",
            arity = "1..*",
            description = "Series files of one machine and one reference jar; with "
                    + "--record one file, or a folder that keeps one file per machine and reference jar.")
    List<Path> history;

    @Option(
            names = "--record",
            paramLabel = "AB_DIR",
            description = "First append this finished ab run folder's rows (its gate's "
                    + "paired estimates and bounds) to HISTORY (exactly one file, created if missing, or a folder: "
                    + "then the file named by the run's machine and reference jar in it), and analyze that series; "
                    + "refused when it is another machine or reference jar than the file's.")
    Path record;

    @Option(
            names = "--commit",
            paramLabel = "SHA",
            description = "With --record: the measured commit (40 hex digits); needed when "
                    + "ab's current side was a jar or the working tree (default: the commit in pairs.json).")
    String commit;

    @Option(
            names = "--commit-time",
            paramLabel = "ISO",
            description = "With --record: the commit's time, e.g. 2026-12-06T07:00:00Z "
                    + "(default: git show -s --format=%%cI COMMIT in this directory).")
    String commitTime;

    @Option(
            names = "--since",
            paramLabel = "COMMIT",
            description = "Only change points that the history up to this commit (or "
                    + "unique prefix) did not show count for the exit code: the head the last scheduled run checked "
                    + "(default: with --record, the newest commit the series had before; else the whole history).")
    String since;

    @Option(
            names = "--threshold",
            paramLabel = "PERCENT",
            description = "A change point counts as a regression when it made the row "
                    + "slower by more than this (default: 2%%).")
    String threshold;

    @Option(
            names = "--significance",
            paramLabel = "P",
            description = "A split is a change point when its permutation p is at most "
                    + "this (default: ${DEFAULT-VALUE}).")
    double significance = EDivisive.Options.DEFAULT.significance();

    @Option(
            names = "--permutations",
            paramLabel = "N",
            description = "Permutations per test, at most 100000 (default: ${DEFAULT-VALUE}).")
    int permutations = EDivisive.Options.DEFAULT.permutations();

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the permutations; the same history and seed give the same "
                    + "answer (default: ${DEFAULT-VALUE}).")
    long seed = EDivisive.Options.DEFAULT.seed();

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description =
                    "Write the Markdown summary to FILE (also appended to " + "$GITHUB_STEP_SUMMARY when that is set).")
    Path summary;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Write report.md/html with one chart per row (the series, each "
                    + "run's interval, the change points) into DIR (created; existing files are kept).")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double t =
                threshold == null ? TrendOptions.DEFAULT_THRESHOLD : GateOptions.parsePercent("--threshold", threshold);
        EDivisive.Options detector = new EDivisive.Options(significance, permutations, seed);
        if (permutations > MAX_PERMUTATIONS) {
            throw new UsageException("--permutations " + permutations + " is more than " + MAX_PERMUTATIONS
                    + " (999 tell p = 0.01 apart)");
        }
        if (summary != null) {
            OutputFile.check(summary, "--summary");
        }
        if (report != null) {
            try {
                RunFolders.checkNamed(report);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replaceFirst("^--out", "--report"));
            }
        }
        if (record != null) {
            if (history.size() != 1) {
                throw new UsageException(
                        "--record appends to one series file; got " + history.size() + " HISTORY files");
            }
            if (commitTime != null && commit == null) {
                throw new UsageException("--commit-time needs --commit");
            }
        } else if (commit != null || commitTime != null) {
            throw new UsageException((commit != null ? "--commit" : "--commit-time") + " is for --record AB_DIR");
        }
        List<Path> files = history;
        String from = since;
        if (record != null) {
            TrendRecord.Recorded recorded = TrendRecord.append(record, commit, commitTime, history.getFirst(), out);
            files = List.of(recorded.file());
            from = since != null ? since : recorded.previousCommit();
        }
        TrendResult result = Trend.analyze(SeriesFile.readAll(files), new TrendOptions(detector, t, from));
        out.print(TrendText.text(result));
        Summaries.write(summary, null, TrendText.markdown(result), out, environment);
        if (report != null) {
            Path dir;
            try {
                dir = RunFolders.named(report);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replaceFirst("^--out", "--report"));
            }
            Reports.write(TrendCharts.report(result), dir);
            out.println("report: " + dir);
        }
        out.flush();
        if (result.failed()) {
            throw new CheckFailedException(
                    "trend: " + result.regressions().size() + " regression(s) beyond " + threshold(t));
        }
        return ExitCodes.OK;
    }

    private static String threshold(double t) {
        return String.format(java.util.Locale.ROOT, "%.3g%%", t * 100);
    }
}
