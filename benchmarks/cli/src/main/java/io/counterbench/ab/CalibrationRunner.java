package io.counterbench.ab;

import io.counterbench.results.RunFolders;
import io.counterbench.results.ab.AbFolder;
import io.counterbench.results.ab.Calibration;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.sim.Progress;
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
 * ab --calibrate: a series of ab runs of one jar against itself, each its own process (and its
 * own run folder under DIR/runs), alternating pure A/A runs and runs with the slowdown knob set
 * on the current side. A knob run injects a different level into each of several counters,
 * rotating which counter gets which level from run to run, so one run measures every level
 * while the untouched rows of the same run serve as A/A evidence. After every run the tables
 * ({@link Calibration}) are rewritten to DIR/calibration.md, so an interrupted series keeps what
 * it measured. {@code wrap} (e.g. "flock -x /work/bench.lock") prefixes every run: a lock held
 * per run, released between runs.
 */
public final class CalibrationRunner {
    /** Everything a series needs. */
    public record Settings(Path jar, String profile, Integer pairs, List<String> rowArgs, int aaRuns, int knobRuns, List<Double> levels,
                           List<String> counters, List<String> wrap, long seed, GateOptions options, List<String> jvmFlags, String command) {
    }

    private final Settings s;
    private final Path dir;
    private final PrintWriter out;
    private final PrintWriter err;

    public CalibrationRunner(Settings s, Path dir, PrintWriter out, PrintWriter err) {
        this.s = s;
        this.dir = dir;
        this.out = out;
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
    public String run(double secondsPerRun) {
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
            progress.line(String.format(Locale.ROOT, "calibrate: run %d/%d (%s), %s elapsed, ETA %s", i + 1, total,
                    spec == null ? "A/A" : "--slowdown " + spec, Progress.format(progress.elapsed()), progress.eta()));
            int code = runOne(runs, logs.resolve(String.format(Locale.ROOT, "run-%02d.log", i + 1)), spec, s.seed() + i);
            progress.advance(1);
            progress.line("calibrate: run " + (i + 1) + " exited " + code + (code == 2 ? " (see " + logs + ")" : ""));
            table = write(runs);
        }
        return table;
    }

    private int runOne(Path runs, Path log, String spec, long seed) {
        List<String> cmd = new ArrayList<>(s.wrap());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(s.jvmFlags());
        cmd.add(io.counterbench.watch.ParentWatchJar.jvmArg()); // each ab run (and its forks) ends with the calibration
        cmd.add("-Dcounterbench.home=" + RunFolders.home());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.counterbench.cli.Main", "ab", "--baseline", s.jar().toString(),
                "--current", s.jar().toString(), "--profile", s.profile(), "--out", runs.toString(), "--seed", String.valueOf(seed)));
        if (s.pairs() != null) {
            cmd.addAll(List.of("--pairs", String.valueOf(s.pairs())));
        }
        cmd.addAll(s.rowArgs());
        if (spec != null) {
            cmd.addAll(List.of("--slowdown", spec));
        }
        try {
            Files.writeString(log, "# " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Thread hook = new Thread(() -> {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                p.waitFor(6, TimeUnit.HOURS);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is stopping the run
                }
            }
            return p.isAlive() ? 124 : p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an ab run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Gates every finished run folder and writes DIR/calibration.md; returns it. */
    private String write(Path runs) {
        return tabulate(dir, s.options(), s.command(), err);
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
        io.counterbench.results.AtomicFile.writeString(dir.resolve("calibration.md"), md);
        return md;
    }

    /** The "Produced by `COMMAND`." of an earlier calibration.md in {@code dir}, or null. */
    public static String producedBy(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("calibration.md")).stream().filter(l -> l.startsWith("Produced by `") && l.endsWith("`."))
                    .map(l -> l.substring("Produced by `".length(), l.length() - 2)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
