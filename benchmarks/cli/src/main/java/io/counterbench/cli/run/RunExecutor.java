package io.counterbench.cli.run;

import io.counterbench.bench.AccuracyProfiler;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan one JMH invocation at a time, so that every finished entry is on disk at once:
 * jmh.json (JMH's own JSON of all results so far) is rewritten after each entry, jmh.log gets
 * JMH's console output, and run.json records what ran, what failed and what is missing.
 */
public final class RunExecutor {
    private final Plan plan;
    private final Path folder;
    private final RunRecord record;
    private final PrintWriter err;
    private final String asyncProfilerSpec;
    private final List<ExtraProfiler> extraProfilers;
    private final List<RunResult> results = new ArrayList<>();
    private String writeFailure;

    public RunExecutor(Plan plan, Path folder, RunRecord record, PrintWriter err, String asyncProfilerSpec) {
        this(plan, folder, record, err, asyncProfilerSpec, List.of());
    }

    /**
     * @param extraProfilers JMH profilers added to every entry (run --prof), besides the accuracy profiler and
     * async-profiler
     */
    public RunExecutor(
            Plan plan,
            Path folder,
            RunRecord record,
            PrintWriter err,
            String asyncProfilerSpec,
            List<ExtraProfiler> extraProfilers) {
        this.plan = plan;
        this.folder = folder;
        this.record = record;
        this.err = err;
        this.asyncProfilerSpec = asyncProfilerSpec;
        this.extraProfilers = List.copyOf(extraProfilers);
    }

    /** Runs every entry; returns all results. Stops early only when the record was closed (interrupt). */
    public List<RunResult> run() {
        Progress progress = new Progress(err, "run", 1.0);
        progress.plan(plan.estimateSeconds());
        int total = plan.entries().size();
        try (OutputStream log = Files.newOutputStream(
                folder.resolve("jmh.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (PlanEntry e : plan.entries()) {
                if (record.closed() || record.writeFailure() != null) {
                    break;
                }
                progress.line(String.format(
                        "[%3d/%d] %s elapsed, ETA %s | %s",
                        e.index() + 1, total, Progress.format(progress.elapsed()), progress.eta(), e.label()));
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(new Tee(log, captured), true, StandardCharsets.UTF_8);
                out.println("# counterbench plan entry " + (e.index() + 1) + "/" + total + ": " + e.label());
                String outcome;
                try {
                    Collection<RunResult> r = new Runner(
                                    options(e), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL))
                            .run();
                    if (r.isEmpty()) {
                        String why = firstError(captured.toString(StandardCharsets.UTF_8));
                        record.failed(e, why);
                        outcome = "FAILED: " + why;
                    } else {
                        synchronized (results) {
                            results.addAll(r);
                            try {
                                writeJmhJson();
                            } catch (UncheckedIOException io) {
                                results.removeAll(r);
                                writeFailure = io.getMessage();
                            }
                        }
                        if (writeFailure != null) {
                            record.incomplete(
                                    "cannot write results: " + writeFailure + "; the results before this one are kept");
                            progress.line("        STOPPED: " + writeFailure);
                            break;
                        }
                        record.finished(e);
                        outcome = oneLine(r);
                    }
                } catch (RunnerException | RuntimeException ex) {
                    String why = firstError(captured.toString(StandardCharsets.UTF_8));
                    if (why.equals(NO_DETAIL)) {
                        why = rootCause(ex);
                    }
                    record.failed(e, why);
                    outcome = "FAILED: " + why;
                }
                out.flush();
                progress.advance(e.estimateSeconds());
                progress.line("        " + outcome);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + folder.resolve("jmh.log") + ": " + ex.getMessage(), ex);
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /**
     * The progress line of a finished entry: each row's score as JMH computed it (mean of every
     * iteration of every fork) and its fork count; the tables at the end come from the results
     * module, across forks.
     */
    static String oneLine(Collection<RunResult> results) {
        return results.stream()
                .map(r -> {
                    var p = r.getPrimaryResult();
                    var lost = r.getSecondaryResults().get("accuracy.lost");
                    var violations = r.getSecondaryResults().get("accuracy.violations");
                    String check =
                            lost != null && violations != null && (lost.getScore() != 0 || violations.getScore() != 0)
                                    ? String.format(
                                            java.util.Locale.ROOT,
                                            " LOST %.0f, VIOLATIONS %.0f",
                                            lost.getScore(),
                                            violations.getScore())
                                    : "";
                    return r.getParams()
                                    .getBenchmark()
                                    .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1)
                            + String.format(java.util.Locale.ROOT, " %.4g %s", p.getScore(), p.getScoreUnit())
                            + " (" + r.getBenchmarkResults().size() + " fork"
                            + (r.getBenchmarkResults().size() == 1 ? "" : "s") + ")" + check;
                })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Why the run stopped early because its folder could not be written, or null. */
    public String writeFailure() {
        return writeFailure != null ? writeFailure : record.writeFailure();
    }

    private org.openjdk.jmh.runner.options.Options options(PlanEntry e) {
        Profile p = plan.profile();
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(e.includeRegex())
                .forks(plan.forksPerRow())
                .warmupIterations(p.warmupIterations)
                .warmupTime(TimeValue.milliseconds(p.warmupMillis))
                .measurementIterations(p.measurementIterations)
                .measurementTime(TimeValue.milliseconds(p.measurementMillis))
                .addProfiler(AccuracyProfiler.class)
                .shouldFailOnError(true);
        e.params().forEach(b::param);
        // the same --counter-jar types
        List<String> append = new ArrayList<>(io.counterbench.counters.CounterTypes.forkJvmArgs());
        append.add(
                io.counterbench.cli.watch.ParentWatchJar
                        .jvmArg()); // the fork ends when this JVM does, SIGKILL included
        if (p.forensics()) {
            append.addAll(forensicsJvmArgs(folder));
            b.addProfiler(io.counterbench.bench.ForensicsProfiler.class);
        }
        b.jvmArgsAppend(append.toArray(String[]::new));
        if (e.threadGroups() != null) {
            b.threadGroups(e.threadGroups());
        } else {
            b.threads(e.threads());
        }
        if (e.gcProfiler() && extraProfilers.stream().noneMatch(ExtraProfiler::isGc)) {
            b.addProfiler(GCProfiler.class);
        }
        for (ExtraProfiler x : extraProfilers) {
            b.addProfiler(x.name(), x.options());
        }
        if (asyncProfilerSpec != null) {
            b.addProfiler("async", asyncInit(asyncProfilerSpec, e));
        }
        return b.build();
    }

    /**
     * The stability profile's fork flags: the forensics switch, JOL's address reads allowed, and
     * every JIT compilation and the inlining decisions of JMH's measured stubs in forensics/jit-PID.log (not on the
     * console).
     */
    static List<String> forensicsJvmArgs(Path folder) {
        Path dir = folder.resolve("forensics");
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + dir + ": " + ex.getMessage(), ex);
        }
        return List.of(
                "-Dcounterbench.forensics=true",
                "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+LogVMOutput",
                "-XX:-DisplayVMOutput",
                "-XX:LogFile=" + dir.toAbsolutePath().resolve("jit-%p.log"),
                "-XX:+PrintCompilation",
                "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=PrintInlining,*::*_jmhStub");
    }

    /**
     * JMH's async profiler options for one entry: its own output folder (profiles/NNN-tT/), since
     * JMH names the folder after benchmark and params but not the thread count.
     */
    static String asyncInit(String spec, PlanEntry e) {
        String init = spec.startsWith("async:") ? spec.substring("async:".length()) : spec;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(^|;)dir=([^;]*)").matcher(init);
        if (!m.find()) {
            return init;
        }
        String dir = m.group(2) + "/" + String.format("%03d-t%d", e.index() + 1, e.totalThreads());
        return init.substring(0, m.start(2)) + dir + init.substring(m.end(2));
    }

    private void writeJmhJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        Json.writeBytes(folder.resolve("jmh.json"), bytes.toByteArray());
    }

    /** The first line of JMH's output that names an exception or error, else a pointer to the log. */
    static String firstError(String jmhOutput) {
        return jmhOutput
                .lines()
                .filter(l -> l.contains("Exception") || l.contains("Error") || l.contains("<failure>"))
                .filter(l -> !l.startsWith("#"))
                .map(String::strip)
                .filter(l -> !l.equals("<failure>"))
                .findFirst()
                .orElse(NO_DETAIL);
    }

    private static final String NO_DETAIL = "no result; see jmh.log";

    /** The innermost cause's message, looking through suppressed exceptions too (JMH wraps the benchmark's). */
    static String rootCause(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t;
                c != null;
                c = c.getCause() != null ? c.getCause() : c.getSuppressed().length > 0 ? c.getSuppressed()[0] : null) {
            deepest = c;
            if (c.getCause() == c) {
                break;
            }
        }
        String m = deepest.getMessage();
        return deepest.getClass().getSimpleName()
                + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** Writes to the log and to the per-entry capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
        }
    }
}
