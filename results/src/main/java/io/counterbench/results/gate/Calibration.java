package io.counterbench.results.gate;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a series of ab runs of one version against itself says about the gate: per injected
 * slowdown (the calibration knob, -Dcounterbench.slowdown=COUNTER:PERCENT on the current side,
 * read back from pairs.json) and thread count, in how many runs the slowed row was flagged; how
 * many untouched rows were flagged (in pure A/A runs and beside slowed counters); and each gated
 * row's minimum detectable effect. The Markdown it writes is the table of docs/calibration.md.
 */
public final class Calibration {
    /**
     * The system property of the calibration knob (ab --slowdown sets it on the forks); the
     * benchmarks' SlowdownKnob, in the benchmarks jar that cannot see this module, reads it.
     */
    public static final String KNOB_PROPERTY = "counterbench.slowdown";

    static final String KNOB = "-D" + KNOB_PROPERTY + "=";

    private Calibration() {}

    /** One gated row of one run. */
    public record Observation(
            String run,
            String row,
            String counter,
            int threads,
            double injected,
            Verdict verdict,
            double estimate,
            double mde,
            double spread,
            double runSeconds) {}

    /** Gates every run folder with {@code options} and lists every row. */
    public static List<Observation> observe(List<Path> runs, GateOptions options) {
        List<Observation> out = new ArrayList<>();
        for (Path run : runs) {
            AbFolder f = AbFolder.load(run);
            Map<String, Double> knob = knob(f.pairs().current().jvmArgs());
            GateResult g = f.gate(options);
            double seconds = runSeconds(run);
            for (RowComparison r : g.rows()) {
                if (r.effect() == null) {
                    continue;
                }
                JmhResult res = r.current();
                String counter = JmhResult.displayValue("counter", res.param("counter"));
                double injected = counter == null ? 0 : knob.getOrDefault(counter, 0.0);
                out.add(new Observation(
                        run.getFileName().toString(),
                        r.name(),
                        counter,
                        res.threads(),
                        injected,
                        r.verdict(),
                        r.effect().estimate(),
                        r.effect().mde(),
                        r.effect().spread(),
                        seconds));
            }
        }
        return out;
    }

    /** How long the ab run took (run.json's started to finished); NaN when unknown. */
    static double runSeconds(Path run) {
        try {
            io.counterbench.results.run.RunJson r =
                    io.counterbench.results.run.RunJson.read(run.resolve(io.counterbench.results.run.RunJson.FILE));
            if (r.started() == null || r.finished() == null) {
                return Double.NaN;
            }
            return java.time.Duration.between(
                                    java.time.Instant.parse(r.started()), java.time.Instant.parse(r.finished()))
                            .toMillis()
                    / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The knob's levels by counter id, from the current side's JVM flags ({} for an A/A run). */
    static Map<String, Double> knob(List<String> jvmArgs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String a : jvmArgs) {
            if (a.startsWith(KNOB)) {
                for (String part : a.substring(KNOB.length()).split(",")) {
                    int colon = part.indexOf(':');
                    if (colon > 0) {
                        m.put(part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)));
                    }
                }
            }
        }
        return m;
    }

    /** The calibration tables in Markdown. */
    public static String markdown(List<Observation> obs, GateOptions o, String command) {
        StringBuilder b = new StringBuilder();
        List<String> aaRuns = obs.stream()
                .filter(x -> obs.stream().noneMatch(y -> y.run.equals(x.run) && y.injected > 0))
                .map(x -> x.run)
                .distinct()
                .toList();
        List<String> slowRuns = obs.stream()
                .filter(x -> x.injected > 0)
                .map(x -> x.run)
                .distinct()
                .toList();
        b.append(String.format(
                Locale.ROOT,
                "Threshold %s, family-wise alpha %s, --detect %s; %d A/A runs, %d runs with the knob set.%n%n",
                o.thresholdText(),
                trim(o.alpha()),
                o.detectText(),
                aaRuns.size(),
                slowRuns.size()));
        List<List<String>> summary = new ArrayList<>();
        List<Observation> aa = obs.stream().filter(x -> aaRuns.contains(x.run)).toList();
        summary.add(line("none: pure A/A runs, all rows", aa));
        List<Observation> untouched = obs.stream()
                .filter(x -> slowRuns.contains(x.run) && x.injected == 0)
                .toList();
        summary.add(line("none: untouched rows of the knob runs", untouched));
        long runsWithFalseAlarm = obs.stream()
                .filter(x -> x.injected == 0 && x.verdict == Verdict.REGRESSION)
                .map(x -> x.run)
                .distinct()
                .count();
        TreeMap<Double, TreeMap<Integer, List<Observation>>> byLevel = new TreeMap<>();
        obs.stream()
                .filter(x -> x.injected > 0)
                .forEach(x -> byLevel.computeIfAbsent(x.injected, k -> new TreeMap<>())
                        .computeIfAbsent(x.threads, k -> new ArrayList<>())
                        .add(x));
        byLevel.forEach((level, byThreads) -> byThreads.forEach((threads, list) -> summary.add(line(
                String.format(
                        Locale.ROOT,
                        "%s%% (knob) on one counter, %d thread%s",
                        trim(level),
                        threads,
                        threads == 1 ? "" : "s"),
                list))));
        b.append(MarkdownWriter.verbatim(
                table(summary, "injected slowdown", "rows", "flagged", "measured slowdown (median)", "MDE (median)")));
        b.append(String.format(
                Locale.ROOT,
                "Runs with any untouched row flagged: %d of %d.%n",
                runsWithFalseAlarm,
                aaRuns.size() + slowRuns.size()));
        long aaInconclusive = aaRuns.stream()
                .filter(r -> obs.stream().anyMatch(x -> x.run.equals(r) && x.verdict == Verdict.INCONCLUSIVE))
                .count();
        if (!aaRuns.isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "Pure A/A runs inconclusive (some row neither flagged nor cleared): %s.%n",
                    withInterval(aaInconclusive, aaRuns.size())));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        obs.forEach(x -> seconds.putIfAbsent(x.run, x.runSeconds));
        double[] secs = seconds.values().stream()
                .mapToDouble(Double::doubleValue)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (secs.length > 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "Each ab run took %s (median of %d runs; shortest %s, longest %s).%n",
                    minutes(median(secs)),
                    secs.length,
                    minutes(secs[0]),
                    minutes(secs[secs.length - 1])));
        }
        b.append('\n');
        if (!byLevel.isEmpty()) {
            b.append("Each injected slowdown by counter (the knob's levels rotate over the counters from run to "
                    + "run):\n\n");
            List<List<String>> byKnob = new ArrayList<>();
            byLevel.forEach((level, byThreads) -> byThreads.forEach((threads, list) -> {
                Map<String, List<Observation>> byCounter = new java.util.TreeMap<>();
                list.forEach(x -> byCounter
                        .computeIfAbsent(x.counter, k -> new ArrayList<>())
                        .add(x));
                byCounter.forEach((counter, l) -> byKnob.add(List.of(
                        trim(level) + "%",
                        String.valueOf(counter),
                        String.valueOf(threads),
                        String.valueOf(l.size()),
                        String.valueOf(l.stream()
                                .filter(x -> x.verdict == Verdict.REGRESSION)
                                .count()),
                        l.stream()
                                .map(x -> pct(x.estimate) + (x.verdict == Verdict.REGRESSION ? " (flagged)" : ""))
                                .collect(java.util.stream.Collectors.joining(", ")))));
            }));
            b.append(MarkdownWriter.verbatim(new Block.Table(
                    "",
                    List.of("injected", "counter", "threads", "runs", "flagged", "measured slowdown (each run)"),
                    List.of(true, false, true, true, true, false),
                    byKnob)));
        }
        b.append("Minimum detectable effect per gated row (median over the A/A runs; the slowdown flagged in 4 of 5 "
                + "runs):\n\n");
        List<List<String>> mdes = new ArrayList<>();
        Map<String, List<Observation>> byRow = new LinkedHashMap<>();
        aa.forEach(x -> byRow.computeIfAbsent(x.row, k -> new ArrayList<>()).add(x));
        byRow.forEach((row, list) -> mdes.add(List.of(
                String.valueOf(row),
                pct(median(list.stream().mapToDouble(Observation::mde).toArray())),
                String.format(
                        Locale.ROOT,
                        "±%.2f%%",
                        100
                                * Math.expm1(median(list.stream()
                                        .mapToDouble(Observation::spread)
                                        .toArray()))))));
        b.append(MarkdownWriter.verbatim(table(mdes, "row", "MDE", "pair spread")));
        if (command != null) {
            b.append("Produced by `").append(command).append("`.\n");
        } else {
            b.setLength(b.length() - 1); // the last table's blank line
        }
        return b.toString();
    }

    /** A table whose first column is text and the others numbers. */
    private static Block.Table table(List<List<String>> rows, String... header) {
        return new Block.Table(
                "",
                List.of(header),
                java.util.stream.IntStream.range(0, header.length)
                        .mapToObj(i -> i > 0)
                        .toList(),
                rows);
    }

    private static List<String> line(String what, List<Observation> list) {
        long flagged =
                list.stream().filter(x -> x.verdict == Verdict.REGRESSION).count();
        long runs = list.stream().map(x -> x.run).distinct().count();
        return List.of(
                what,
                list.size() + " (" + runs + " runs)",
                withInterval(flagged, list.size()),
                list.isEmpty()
                        ? ""
                        : pct(median(
                                list.stream().mapToDouble(Observation::estimate).toArray())),
                list.isEmpty()
                        ? ""
                        : pct(median(list.stream().mapToDouble(Observation::mde).toArray())));
    }

    /** "6 of 10 (95% CI 26-88%)": the Clopper-Pearson interval beside a count. */
    static String withInterval(long k, long n) {
        if (n == 0) {
            return "0 of 0";
        }
        io.counterbench.results.stats.ClopperPearson c =
                io.counterbench.results.stats.ClopperPearson.of((int) k, (int) n, 0.95);
        return String.format(Locale.ROOT, "%d of %d (95%% CI %.0f-%.0f%%)", k, n, 100 * c.lower(), 100 * c.upper());
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String pct(double f) {
        if (Double.isNaN(f)) {
            return "";
        }
        if (Double.isInfinite(f)) {
            return "none";
        }
        return String.format(Locale.ROOT, "%+.2f%%", 100 * f);
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
