package io.counterbench.cli;

import io.counterbench.results.Reports;
import io.counterbench.results.report.section.ReportSections;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.report.write.ReportFormat;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Turns run folders (or bare JMH JSON files) into report.md, report.csv and report.html with SVG charts. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Tables and charts from one or more runs: report.md, report.csv (one row per result), report.html "
                    + "(self-contained, inline SVG) and charts/*.svg. Runs from several machines merge into one table "
                    + "with a machine column.",
            "Output: one run folder -> into that folder; a bare JMH JSON file -> next to it; several -> a new "
                    + RunFolders.REPORTS + "/<utc>-merge/; --out DIR -> DIR. Existing files are never overwritten "
                    + "(report-2.md ...)."
        })
final class ReportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "RUN",
            arity = "0..*",
            description = "Run folders (" + RunFolders.RUNS + "/...) or JMH JSON files, any project's.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report files (created if missing).")
    Path out;

    @Option(names = "--list", description = "List the report sections (one per input file) and formats, and exit.")
    boolean list;

    @Option(
            names = "--compare",
            description = "Exactly two RUNs, BASE then CURRENT: print one row per benchmark with both "
                    + "side by side and the change with its 95%% interval across forks, and write a report "
                    + "that starts with that table.")
    boolean compare;

    @Option(
            names = "--across-machines",
            description = "With --compare: compare runs of different machines (refused otherwise).")
    boolean acrossMachines;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            stdout.println("sections (one per run-folder file; a missing file is skipped with a note):");
            for (ReportSections s : ReportSections.values()) {
                stdout.printf("  %-10s %s%n", s.name().toLowerCase(java.util.Locale.ROOT), s.description());
            }
            stdout.println("formats:");
            for (ReportFormat f : ReportFormat.values()) {
                stdout.printf("  %-10s %-12s %s%n", f.id(), f.fileName(), f.description());
            }
            return ExitCodes.OK;
        }
        if (runs == null || runs.isEmpty()) {
            throw new UsageException("report needs at least one RUN (a run folder or a JMH JSON file)");
        }
        if (acrossMachines && !compare) {
            throw new UsageException("--across-machines goes with --compare BASE CURRENT");
        }
        if (compare && runs.size() != 2) {
            throw new UsageException("--compare takes exactly two RUNs, BASE then CURRENT; got " + runs.size());
        }
        Reports.Compared compared = compare ? Reports.compare(runs.get(0), runs.get(1), acrossMachines) : null;
        Report report = compared != null ? compared.report() : Reports.build(runs);
        if (compared != null) {
            stdout.print(compared.table());
            stdout.flush();
        }
        Path dir = out != null ? RunFolders.named(out) : Reports.defaultOutput(runs, Instant.now());
        List<Path> written = Reports.write(report, dir);
        stdout.println("report: " + dir);
        for (Path p : written) {
            if (!dir.equals(p.getParent())) {
                continue;
            }
            stdout.println("  " + p.getFileName());
        }
        long charts =
                written.stream().filter(p -> p.toString().endsWith(".svg")).count();
        if (charts > 0) {
            stdout.println("  "
                    + written.stream()
                            .filter(p -> p.toString().endsWith(".svg"))
                            .findFirst()
                            .orElseThrow()
                            .getParent()
                            .getFileName()
                    + "/ (" + charts + " SVG charts)");
        }
        return ExitCodes.OK;
    }
}
