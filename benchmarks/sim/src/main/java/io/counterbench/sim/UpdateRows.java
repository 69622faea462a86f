package io.counterbench.sim;

import io.counterbench.counters.CounterType;
import io.counterbench.inputs.UnusableFileException;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JMH UpdateBenchmark rows of a run (a run folder or a jmh.json): the fast path of each
 * counter and update mix (the row at 1 thread) and the measured cost at more threads, each as ns
 * per operation of one thread, per fork. Rows are matched on counter, method and threads, and
 * where the row has them on topology=host, placement=compact and cpu=lookup (what a Java caller
 * pays; the cpu param's other modes are left out).
 */
final class UpdateRows {
    static final String CLASS = "UpdateBenchmark";
    private static final Map<String, String> PREFERRED =
            Map.of("topology", "host", "placement", "compact", "cpu", "lookup");

    private final Path file;
    private final List<JmhResult> rows;

    private UpdateRows(Path file, List<JmhResult> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads a run folder's jmh.json or a JMH JSON file; bad input is an IllegalArgumentException naming it. */
    static UpdateRows read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("jmh.json") : path;
        if (Files.isDirectory(path) && !Files.exists(file)) {
            throw new InputException("--fast-path " + path + ": no jmh.json in this folder");
        }
        List<JmhResult> all;
        try {
            all = JmhJson.read(file);
        } catch (UnusableFileException e) {
            throw new InputException("--fast-path: " + e.getMessage(), e);
        }
        List<JmhResult> update =
                all.stream().filter(r -> r.className().equals(CLASS)).toList();
        if (update.stream().noneMatch(r -> r.threads() == 1)) {
            throw InputException.of(
                    file,
                    "--fast-path needs " + CLASS + " rows at 1 thread (the fast path); this file has "
                            + (update.isEmpty()
                                    ? "no " + CLASS + " rows"
                                    : CLASS + " rows at " + threadsOf(update) + " threads only"));
        }
        return new UpdateRows(file, update);
    }

    Path file() {
        return file;
    }

    /** Thread counts of the rows, ascending. */
    List<Integer> threads() {
        return new ArrayList<>(
                new TreeSet<>(rows.stream().map(JmhResult::threads).toList()));
    }

    private static String threadsOf(List<JmhResult> rows) {
        return new TreeSet<>(rows.stream().map(JmhResult::threads).toList()).toString();
    }

    /**
     * A counter's row for {@code method} at {@code threads}: ns per operation of one thread, per
     * fork. Null when the file has no such row.
     */
    Measured find(CounterType id, String method, int threads) {
        List<JmhResult> match = rows.stream()
                .filter(r -> r.method().equals(method)
                        && r.threads() == threads
                        && JmhResult.sameCounter(r.param("counter"), id.id()))
                .toList();
        for (Map.Entry<String, String> p : PREFERRED.entrySet()) {
            if (match.stream().anyMatch(r -> p.getValue().equals(r.param(p.getKey())))) {
                match = match.stream()
                        .filter(r -> p.getValue().equals(r.param(p.getKey())))
                        .toList();
            }
        }
        if (match.isEmpty()) {
            return null;
        }
        if (match.size() > 1) {
            throw InputException.of(
                    file,
                    match.size() + " rows for " + CLASS + "." + method + " counter=" + id.id() + " threads=" + threads
                            + " (first: " + match.getFirst().label(true) + "); keep one run's rows per file");
        }
        JmhResult r = match.getFirst();
        double perUnit = nanosPerUnit(r);
        ForkScores scores = ForkScores.of(r.primary());
        double[] f = scores.perFork();
        double[] ns = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            ns[i] = r.mode() == Mode.THROUGHPUT ? threads * perUnit / f[i] : f[i] * perUnit;
        }
        return new Measured(r.label(false), new ForkScores(ns));
    }

    /** ns in the unit of the row's score: ops/us -> 1000 (ns per us), us/op -> 1000, ns/op -> 1... */
    private double nanosPerUnit(JmhResult r) {
        String unit = r.primary().unit() == null ? "" : r.primary().unit().strip();
        String time = r.mode() == Mode.THROUGHPUT ? unit.replaceFirst("^ops/", "") : unit.replaceFirst("/op$", "");
        return switch (time.toLowerCase(Locale.ROOT)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default ->
                throw InputException.of(
                        file, r.label(true) + ": unit '" + unit + "' is no time unit this reads (ops/us, us/op, ...)");
        };
    }

    /**
     * A row's cost in ns per operation of one thread.
     *
     * @param label the row ("UpdateBenchmark.inc counter=flat cpu=lookup ... threads=1")
     * @param nsPerOp per fork
     */
    record Measured(String label, ForkScores nsPerOp) {}
}
