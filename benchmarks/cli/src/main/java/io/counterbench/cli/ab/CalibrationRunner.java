package io.counterbench.cli.ab;

import io.counterbench.results.gate.AbFolder;
import io.counterbench.results.gate.Calibration;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.util.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ab calibrate: a series of ab runs of one jar against itself, each with its own run folder under
 * DIR/runs and its own log under DIR/logs, alternating pure A/A runs and runs with the slowdown
 * knob set on the current side. A knob run injects a different level into each of several
 * counters, rotating which counter gets which level from run to run, so one run measures every
 * level while the untouched rows of the same run serve as A/A evidence. After every run the tables
 * ({@link Calibration}) are rewritten to DIR/calibration.md, so an interrupted series keeps what it
 * measured. The runs themselves are the caller's ({@link AbRunner}: ab's API, in this process);
 * {@code wrap} (e.g. "flock -x /work/bench.lock") is held around each run: a lock held per run,
 * released between runs.
 */
public final class CalibrationRunner {
    /**
     * A series: its A/A and knob runs, the knob's levels and counters, the command held around each
     * run (none: empty), the first run's seed, the gate's options and the command line for calibration.md.
     */
    public record Series(
            int aaRuns,
            int knobRuns,
            List<Double> levels,
            List<String> counters,
            List<String> wrap,
            long seed,
            GateOptions options,
            String command) {
        public Series {
            levels = List.copyOf(levels);
            counters = List.copyOf(counters);
            wrap = List.copyOf(wrap);
        }
    }

    /** One ab run of the series: into a new folder under {@code runs}, its output to {@code log}; its exit code. */
    @FunctionalInterface
    public interface AbRunner {
        int run(Path runs, PrintWriter log, String knob, long seed);
    }

    private final Series s;
    private final Path dir;
    private final PrintWriter err;

    public CalibrationRunner(Series s, Path dir, PrintWriter err) {
        this.s = s;
        this.dir = dir;
        this.err = err;
    }

    /** The knob of knob run k: counter j gets level (k + j) mod levels. */
    static String knob(List<String> counters, List<Double> levels, int k) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < counters.size(); j++) {
            double l = levels.get((k + j) % levels.size());
            parts.add(counters.get(j) + ":" + (l == Math.rint(l) ? String.valueOf((long) l) : String.valueOf(l)));
        }
        return String.join(",", parts);
    }

    /** Runs the series; returns the Markdown tables of whatever finished. */
    public String run(double secondsPerRun, AbRunner runner) {
        Path runs = dir.resolve("runs");
        Path logs = dir.resolve("logs");
        try {
            Files.createDirectories(runs);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runs + ": " + e.getMessage(), e);
        }
        int total = s.aaRuns() + s.knobRuns();
        Progress progress = new Progress(err, "calibrate", secondsPerRun);
        progress.plan(total);
        int aa = 0;
        int knob = 0;
        String table = "";
        for (int i = 0; i < total; i++) {
            boolean knobTurn = knob < s.knobRuns() && (aa >= s.aaRuns() || i % 2 == 1);
            String spec = knobTurn ? knob(s.counters(), s.levels(), knob) : null;
            if (knobTurn) {
                knob++;
            } else {
                aa++;
            }
            progress.line(String.format(
                    Locale.ROOT,
                    "calibrate: run %d/%d (%s), %s elapsed, ETA %s",
                    i + 1,
                    total,
                    spec == null ? "A/A" : "--slowdown " + spec,
                    Progress.format(progress.elapsed()),
                    progress.eta()));
            Path log = logs.resolve(String.format(Locale.ROOT, "run-%02d.log", i + 1));
            int code = runOne(runner, runs, log, spec, s.seed() + i);
            progress.advance(1);
            progress.line("calibrate: run " + (i + 1) + " exited " + code + (code == 2 ? " (see " + logs + ")" : ""));
            table = tabulate(dir, s.options(), s.command(), err);
        }
        return table;
    }

    private int runOne(AbRunner runner, Path runs, Path log, String spec, long seed) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
                Held held = Held.hold(s.wrap(), log)) {
            out.println("# ab run " + (spec == null ? "A/A" : "--slowdown " + spec) + ", seed " + seed
                    + (s.wrap().isEmpty() ? "" : ", held under " + String.join(" ", s.wrap())));
            return runner.run(runs, out, spec, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * The wrap command held around one run: it runs {@code sh -c 'echo held; exec cat'} under the
     * wrap (so flock, say, holds its lock from the line "held" until cat sees its input end).
     */
    private static final class Held implements AutoCloseable {
        private final Process process;

        private Held(Process process) {
            this.process = process;
        }

        static Held hold(List<String> wrap, Path log) throws IOException {
            if (wrap.isEmpty()) {
                return new Held(null);
            }
            List<String> cmd = new ArrayList<>(wrap);
            cmd.addAll(List.of("sh", "-c", "echo held; exec cat"));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            String line = new java.io.BufferedReader(
                            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (!"held".equals(line)) {
                p.destroy();
                throw new IOException(
                        "--wrap " + String.join(" ", wrap) + " ended before it ran its command (see " + log + ")");
            }
            return new Held(p);
        }

        @Override
        public void close() throws IOException {
            if (process != null) {
                process.getOutputStream().close(); // cat ends, and the wrap with it
                try {
                    process.waitFor(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.destroy();
            }
        }
    }

    /**
     * Gates every finished ab run folder under {@code dir}/runs with {@code options} and (re)writes
     * {@code dir}/calibration.md; returns it. A folder that cannot be read is left out with a line on {@code err}.
     */
    public static String tabulate(Path dir, GateOptions options, String command, PrintWriter err) {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            throw new IllegalArgumentException(dir + " is not a calibration folder: it has no runs/ folder");
        }
        List<Path> folders;
        try (Stream<Path> st = Files.list(runs)) {
            folders = st.filter(AbFolder::isAbFolder).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> usable = new ArrayList<>();
        for (Path f : folders) {
            try {
                AbFolder.load(f);
                usable.add(f);
            } catch (RuntimeException e) {
                err.println("calibrate: " + f.getFileName() + " left out: " + e.getMessage());
            }
        }
        String md = Calibration.markdown(Calibration.observe(usable, options), options, command);
        io.counterbench.results.util.AtomicFile.writeString(dir.resolve("calibration.md"), md);
        return md;
    }

    /** The "Produced by `COMMAND`." of an earlier calibration.md in {@code dir}, or null. */
    public static String producedBy(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("calibration.md")).stream()
                    .filter(l -> l.startsWith("Produced by `") && l.endsWith("`."))
                    .map(l -> l.substring("Produced by `".length(), l.length() - 2))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
