package io.counterbench.run;

import io.counterbench.counters.CounterId;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The tables a run ends with: update throughput (counter x threads: ops/us +- error, ratio to
 * LongAdder, worst observed deviation and the bound), read latency by CPU count, lifecycle cost and
 * selection time.
 */
public final class Summary {
    private Summary() {
    }

    /** One line per finished plan entry: its primary scores. */
    static String oneLine(Collection<RunResult> results) {
        return results.stream()
                .map(r -> method(r.getParams()) + " " + fmt(r.getPrimaryResult().getScore()) + " "
                        + r.getPrimaryResult().getScoreUnit()
                        + worstSuffix(r))
                .collect(Collectors.joining(", "));
    }

    private static String worstSuffix(RunResult r) {
        Result w = r.getSecondaryResults().get("accuracy.worst");
        Result b = r.getSecondaryResults().get("accuracy.bound");
        return w == null ? "" : " (worst " + fmt(w.getScore()) + (b == null ? "" : " / bound " + fmt(b.getScore())) + ")";
    }

    public static void print(PrintWriter out, List<RunResult> results) {
        printUpdates(out, results);
        printReaderWriter(out, results);
        printReads(out, results);
        printSimple(out, results, "LifecycleBenchmark", "Lifecycle (group of 4: create, 64 adds, precise read, drop)", "topology");
        printSimple(out, results, "SelectionBenchmark", "Selection (largest of K counters)", "topology", "processes");
    }

    private static void printUpdates(PrintWriter out, List<RunResult> results) {
        List<RunResult> rows = of(results, "UpdateBenchmark");
        for (String m : rows.stream().map(r -> method(r.getParams())).distinct().toList()) {
            out.println();
            out.println("Update throughput, " + m + " (ops/us, higher is better; x adder = ratio to LongAdder in the same row;"
                    + " worst and bound in counts):");
            out.printf("%-11s %-9s %-10s %7s %12s %9s %8s %10s %10s%n", "counter", "placement", "topology", "threads", "ops/us",
                    "+-", "x adder", "worst", "bound");
            rows.stream().filter(r -> method(r.getParams()).equals(m))
                    .sorted(Comparator.comparing((RunResult r) -> CounterId.parse(r.getParams().getParam("counter")).ordinal())
                            .thenComparing(r -> r.getParams().getParam("placement"))
                            .thenComparingInt(r -> r.getParams().getThreads()))
                    .forEach(r -> {
                        BenchmarkParams p = r.getParams();
                        double adder = rows.stream().filter(x -> sameRow(x.getParams(), p, "ADDER"))
                                .mapToDouble(x -> x.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
                        Result w = r.getSecondaryResults().get("accuracy.worst");
                        Result b = r.getSecondaryResults().get("accuracy.bound");
                        out.printf("%-11s %-9s %-10s %7d %12s %9s %8s %10s %10s%n",
                                CounterId.parse(p.getParam("counter")).id(), p.getParam("placement"), p.getParam("topology"),
                                p.getThreads(), fmt(r.getPrimaryResult().getScore()), fmt(r.getPrimaryResult().getScoreError()),
                                ratio(r.getPrimaryResult().getScore(), adder),
                                w == null ? "NaN" : fmt(w.getScore()), b == null ? "NaN" : fmt(b.getScore()));
                    });
        }
    }

    private static boolean sameRow(BenchmarkParams x, BenchmarkParams p, String counter) {
        return x.getBenchmark().equals(p.getBenchmark()) && x.getThreads() == p.getThreads()
                && counter.equals(x.getParam("counter"))
                && Objects.equals(x.getParam("placement"), p.getParam("placement"))
                && Objects.equals(x.getParam("topology"), p.getParam("topology"));
    }

    private static void printReaderWriter(PrintWriter out, List<RunResult> results) {
        List<RunResult> rows = of(results, "ReaderWriterBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Reader/writer groups (1 reader + n writers; ops/us per role; inflight = worst distance of an approximate read"
                + " from the exact values possible during it):");
        out.printf("%-11s %-12s %7s %12s %12s %10s%n", "counter", "read", "writers", "reader", "writers", "inflight");
        for (RunResult r : rows) {
            BenchmarkParams p = r.getParams();
            String m = method(p);
            Result reader = r.getSecondaryResults().get(m.equals("approximate") ? "readApproximate" : "readPrecise");
            Result writer = r.getSecondaryResults().get(m.equals("approximate") ? "writeA" : "writeP");
            Result inflight = r.getSecondaryResults().get("accuracy.inflight.worst");
            int writers = p.getThreadGroups().length > 1 ? p.getThreadGroups()[1] : 0;
            out.printf("%-11s %-12s %7d %12s %12s %10s%n", CounterId.parse(p.getParam("counter")).id(), m, writers,
                    reader == null ? "NaN" : fmt(reader.getScore()), writer == null ? "NaN" : fmt(writer.getScore()),
                    inflight == null ? (m.equals("approximate") ? "NaN" : "-") : fmt(inflight.getScore()));
        }
    }

    private static void printReads(PrintWriter out, List<RunResult> results) {
        List<RunResult> rows = of(results, "ReadBenchmark");
        if (rows.isEmpty()) {
            return;
        }
        List<String> cpus = rows.stream().map(r -> r.getParams().getParam("cpus")).distinct()
                .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        out.println();
        out.println("Read latency (ns/op, lower is better) of a counter built for N virtual CPUs: approximate / precise."
                + " adder: LongAdder's cells follow this box's CPUs, not N.");
        StringBuilder h = new StringBuilder(String.format("%-11s", "counter"));
        cpus.forEach(c -> h.append(String.format(" %19s", "N=" + c)));
        out.println(h);
        for (CounterId id : CounterId.values()) {
            StringBuilder line = new StringBuilder(String.format("%-11s", id.id()));
            boolean any = false;
            for (String c : cpus) {
                String a = score(rows, id, c, "approximate");
                String p = score(rows, id, c, "precise");
                any |= !a.equals("-") || !p.equals("-");
                line.append(String.format(" %19s", a + " / " + p));
            }
            if (any) {
                out.println(line);
            }
        }
    }

    private static String score(List<RunResult> rows, CounterId id, String cpus, String method) {
        return rows.stream().filter(r -> id.name().equals(r.getParams().getParam("counter"))
                        && cpus.equals(r.getParams().getParam("cpus")) && method(r.getParams()).equals(method))
                .map(r -> fmt(r.getPrimaryResult().getScore())).findFirst().orElse("-");
    }

    private static void printSimple(PrintWriter out, List<RunResult> results, String benchmark, String title, String... params) {
        List<RunResult> rows = of(results, benchmark);
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (RunResult r : rows) {
            BenchmarkParams p = r.getParams();
            String ps = java.util.Arrays.stream(params).map(k -> k + "=" + p.getParam(k)).collect(Collectors.joining(" "));
            Result gc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            out.printf("  %-11s %-26s %-30s %12s %s%s%n", CounterId.parse(p.getParam("counter")).id(), method(p), ps,
                    fmt(r.getPrimaryResult().getScore()), r.getPrimaryResult().getScoreUnit(),
                    gc == null ? "" : String.format("  (%s B/op)", fmt(gc.getScore())));
        }
    }

    private static List<RunResult> of(List<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().contains("." + benchmark + ".")).toList();
    }

    static String method(BenchmarkParams p) {
        String b = p.getBenchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    static String ratio(double score, double reference) {
        if (Double.isNaN(reference) || reference == 0 || Double.isNaN(score)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.2fx", score / reference);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static Map<String, Result> secondary(RunResult r) {
        return r.getSecondaryResults();
    }
}
