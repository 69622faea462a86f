package io.counterbench.results.report.section;

import io.counterbench.results.forensics.ForkForensics;
import io.counterbench.results.forensics.JitLog;
import io.counterbench.results.forensics.Separation;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stability experiment (run --profile stability, docs/forensics.md): per row, each fork's
 * score beside its candidate causes (hot objects' addresses modulo 4096 and 64, GCs and JIT time
 * in the measured iterations, what the JIT did to the measured stub), and which candidates
 * separate the slow forks from the fast ones ({@link Separation}). Rows without forensics are
 * left out; runs without such rows do not have this section.
 */
final class ForensicsSection implements ReportSection {
    /** How many separating candidates a row's summary names. */
    static final int NAMED = 4;

    @Override
    public String title() {
        return "Stability forensics";
    }

    @Override
    public String inputFile() {
        return "jmh.json";
    }

    @Override
    public boolean onlyWhenPresent() {
        return true;
    }

    @Override
    public boolean has(RunInput run) {
        return run.results().stream().anyMatch(ForkForensics::has);
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        out.paragraph("Each fork's score (its best measured iteration, as ab scores forks; its mean beside it) and its "
                + "candidate causes: GCs and JIT compile time during the measured iterations, the C2 compilations of "
                + "JMH's measured stub (how many, how many were made not entrant, when the last was logged, a digest "
                + "of its inlining tree and what it did not inline, from forensics/jit-pidPID.log), and the hot "
                + "objects' addresses modulo 4096 (modulo 64 in brackets; * when the object moved between "
                + "iterations). Forks are split at the largest gap between their scores; a candidate 'separates' when "
                + "one threshold on it misplaces few forks. That finds suspects for an experiment; it is not evidence "
                + "of a cause.");
        for (RunInput run : runs) {
            java.nio.file.Path logs = run.folder() == null ? null : run.folder().resolve("forensics");
            for (JmhResult r : run.results()) {
                if (!ForkForensics.has(r)) {
                    continue;
                }
                List<ForkForensics> forks = ForkForensics.of(r, logs);
                out.heading(3, (ctx.merged() ? ctx.label(run) + ": " : "") + r.label(false));
                out.paragraph(summary(
                        Separation.of(forks, r.mode().higherIsBetter()),
                        r.primary().unit()));
                out.add(table(forks, r.primary().unit()));
            }
        }
    }

    /** The row's spread, its largest gap and the best separating candidates. */
    static String summary(Separation s, String unit) {
        if (Double.isNaN(s.ratio())) {
            return "Fewer than 2 forks: nothing to compare.";
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "Fork scores max/min %.3f; the largest gap between consecutive fork scores is %.1f%% (at %s %s): "
                        + "%d fork(s) on the slow side, %d on the fast side.",
                s.ratio(),
                100 * s.gap(),
                Fmt.num(s.threshold()),
                unit,
                s.slow(),
                s.fast()));
        List<String> named = new ArrayList<>();
        for (Separation.Candidate c : s.candidates()) {
            if (named.size() == NAMED || c.errors() > 1) {
                break;
            }
            named.add(c.name() + " (" + (c.errors() == 0 ? "no fork misplaced" : "1 fork misplaced")
                    + (Double.isNaN(c.chance()) ? "" : String.format(Locale.ROOT, "; by chance %.2g", c.chance()))
                    + ")");
        }
        b.append(
                named.isEmpty()
                        ? " No candidate separates them with at most 1 fork misplaced."
                        : " Separating candidates: " + String.join("; ", named) + ".");
        return b.toString();
    }

    static Block.Table table(List<ForkForensics> forks, String unit) {
        SortedSet<String> names = new TreeSet<>();
        forks.forEach(f -> names.addAll(f.addresses().keySet()));
        List<String> header = new ArrayList<>(List.of(
                "fork",
                "best (" + unit + ")",
                "mean (" + unit + ")",
                "GCs",
                "JIT ms",
                "C2",
                "not entrant",
                "last C2 (ms)",
                "inlining",
                "not inlined"));
        List<Boolean> numeric = new ArrayList<>(List.of(true, true, true, true, true, true, true, true, false, false));
        for (String n : names) {
            header.add(n);
            numeric.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        for (ForkForensics f : forks) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(f.fork()));
            cells.add(Fmt.num(f.best()));
            cells.add(Fmt.num(f.mean()));
            cells.add(Fmt.count(f.gc()));
            cells.add(Fmt.count(f.jitMillis()));
            JitLog j = f.jit();
            if (j == null) {
                cells.addAll(List.of("", "", "", f.jitProblem().isEmpty() ? "no log" : f.jitProblem(), ""));
            } else {
                cells.add(Integer.toString(j.c2Compiles()));
                cells.add(Integer.toString(j.deopts()));
                cells.add(j.lastC2Millis() < 0 ? "" : Long.toString(j.lastC2Millis()));
                cells.add(j.inlineDigest());
                cells.add(String.join(", ", j.notInlined()));
            }
            for (String n : names) {
                Long a = f.addresses().get(n);
                cells.add(
                        a == null
                                ? ""
                                : a + " (" + Math.floorMod(a, 64L) + ")"
                                        + (f.moved().contains(n) ? " *" : ""));
            }
            rows.add(cells);
        }
        return new Block.Table("", header, numeric, rows);
    }
}
