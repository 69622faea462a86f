package io.counterbench.results;

import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.section.ReportSection;
import io.counterbench.results.report.section.ReportSections;
import io.counterbench.results.report.table.Comparison;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.RenderedCharts;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.report.write.ReportFormat;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import io.counterbench.results.util.AtomicFile;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.RunFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report API: run folders (or bare JMH JSON files) in, report.md, report.csv, report.html and
 * charts/*.svg out. Every input is read and checked before anything is written; existing files
 * are never overwritten (report-2.md, charts-2/ ...).
 *
 * <pre>{@code
 * List<Path> written = Reports.write(List.of(runFolder), runFolder);   // what the run command calls
 * }</pre>
 */
public final class Reports {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Reports() {}

    /**
     * Reads {@code runs} and writes the report files into {@code outDir} (created if missing); returns the files
     * written.
     */
    public static List<Path> write(List<Path> runs, Path outDir) {
        return write(build(runs), outDir);
    }

    /** Reads and checks every input and renders the report in memory; writes nothing. */
    public static Report build(List<Path> runs) {
        if (runs.isEmpty()) {
            throw new InputException("no run folder or JMH JSON file given");
        }
        return render(RunLoader.loadAllForReport(runs));
    }

    /** Renders already loaded inputs: every registered section, in order. */
    public static Report render(List<RunInput> runs) {
        ReportContext ctx = new ReportContext(runs);
        Report r = new Report("counterbench report");
        r.paragraph("Generated "
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + " from " + runs.size() + " input(s): "
                + runs.stream().map(x -> x.source().toString()).collect(Collectors.joining(", ")) + ".");
        renderSections(ctx, runs, r);
        return r;
    }

    /**
     * {@code report --compare BASE CURRENT}: the comparison of the two runs ({@link Comparison}) first,
     * then every section of a report of both. The comparison's table alone is {@link Compared#table}.
     */
    public static Compared compare(Path base, Path current, boolean acrossMachines) {
        List<RunInput> runs = RunLoader.loadAllForReport(List.of(base, current));
        ReportContext ctx = new ReportContext(runs);
        Comparison c = Comparison.of(ctx, runs.get(0), runs.get(1), acrossMachines);
        Report r = new Report("counterbench comparison");
        r.paragraph("Generated "
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + ": " + ctx.shortLabel(runs.get(1)) + " (" + current + ") against " + ctx.shortLabel(runs.get(0))
                + " (" + base + ").");
        r.heading(2, "Comparison");
        r.add(c.table());
        c.notes().forEach(r::note);
        Report console = new Report("comparison");
        console.add(c.table());
        c.notes().forEach(console::note);
        renderSections(ctx, runs, r);
        return new Compared(r, io.counterbench.results.report.write.TextWriter.write(console));
    }

    /** A comparison report and its table as console text. */
    public record Compared(Report report, String table) {}

    private static void renderSections(ReportContext ctx, List<RunInput> runs, Report r) {
        for (ReportSections s : ReportSections.values()) {
            ReportSection section = s.create();
            List<RunInput> with = runs.stream().filter(section::has).toList();
            List<RunInput> without = runs.stream().filter(x -> !section.has(x)).toList();
            if (section.onlyWhenPresent() && with.isEmpty()) {
                continue;
            }
            r.heading(2, section.title());
            if (!without.isEmpty() && !section.onlyWhenPresent()) {
                r.note(section.inputFile() + " is missing from "
                        + without.stream().map(ctx::label).collect(Collectors.joining(", "))
                        + (with.isEmpty() ? ": section skipped." : ": left out of this section."));
            }
            if (!with.isEmpty()) {
                section.render(ctx, with, r);
            }
        }
    }

    /**
     * The end-of-run summary of one run folder, as console text: the benchmark tables of its
     * jmh.json, rendered by the same section that writes them into report.md ({@link TextWriter}).
     */
    public static String summary(Path run) {
        List<RunInput> runs = RunLoader.loadAll(List.of(run));
        Report r = new Report("summary");
        ReportSections.JMH.create().render(new ReportContext(runs), runs, r);
        return io.counterbench.results.report.write.TextWriter.write(r);
    }

    /** Writes a rendered report into {@code outDir}: charts first (the Markdown links them), then every format. */
    public static List<Path> write(Report report, Path outDir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            Map<String, String> svgs = new LinkedHashMap<>();
            List<Block.Chart> charts = report.charts();
            for (Block.Chart c : charts) {
                svgs.put(c.id(), c.svg());
            }
            Map<ReportFormat, String> texts = new LinkedHashMap<>();
            for (int n = 1; ; n++) {
                String suffix = n == 1 ? "" : "-" + n;
                Path claim = outDir.resolve(".report" + suffix + ".claim");
                if (taken(outDir, suffix) || !claim(claim)) {
                    continue;
                }
                try {
                    if (taken(outDir, suffix)) {
                        continue; // another report finished under this number between the look and the claim
                    }
                    Map<String, String> chartFiles = new LinkedHashMap<>();
                    if (!charts.isEmpty()) {
                        Path dir = Files.createDirectory(outDir.resolve("charts" + suffix));
                        for (Block.Chart c : charts) {
                            Path f = dir.resolve(c.id() + ".svg");
                            AtomicFile.create(f, svgs.get(c.id()));
                            chartFiles.put(c.id(), dir.getFileName() + "/" + f.getFileName());
                            written.add(f);
                        }
                    }
                    RenderedCharts rendered = new RenderedCharts(svgs, chartFiles, outDir);
                    for (ReportFormat f : ReportFormat.values()) {
                        texts.put(f, f.render(report, rendered));
                    }
                    for (Map.Entry<ReportFormat, String> t : texts.entrySet()) {
                        if (t.getValue().isEmpty()) {
                            continue; // e.g. report.csv of a latency-only run: no table of rows, no empty file
                        }
                        Path p = outDir.resolve(withSuffix(t.getKey().fileName(), suffix));
                        AtomicFile.create(p, t.getValue());
                        written.add(p);
                    }
                    return written;
                } finally {
                    Files.deleteIfExists(claim);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the report into " + outDir + ": " + io.counterbench.inputs.IoReasons.of(e), e);
        }
    }

    /**
     * Whether report files or a chart folder numbered {@code suffix} ("", "-2", ...) exist: every report written
     * into one folder takes one number for all its files, so report-3.md, report-3.html and charts-3/ go together.
     */
    private static boolean taken(Path outDir, String suffix) {
        if (Files.exists(outDir.resolve("charts" + suffix))) {
            return true;
        }
        for (ReportFormat f : ReportFormat.values()) {
            if (Files.exists(outDir.resolve(withSuffix(f.fileName(), suffix)))) {
                return true;
            }
        }
        return false;
    }

    /** Claims a report number with an atomic createDirectory; false when another report holds it. */
    private static boolean claim(Path claim) throws IOException {
        try {
            Files.createDirectory(claim);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException held) {
            return false;
        }
    }

    /** "report.md" with "-2": "report-2.md". */
    static String withSuffix(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
    }

    /**
     * Where a report goes when the user names no folder: a single run folder gets it; a single bare
     * JMH file gets it next to itself; several inputs get a new runs/reports/UTC-merge/.
     */
    public static Path defaultOutput(List<Path> runs, Instant now) {
        if (runs.size() == 1) {
            Path p = runs.getFirst().toAbsolutePath().normalize();
            return Files.isDirectory(p) ? p : p.getParent();
        }
        Path root = RunFolders.underHome(RunFolders.REPORTS);
        return RunFolders.createNamed(root, STAMP.format(now) + "-merge");
    }
}
