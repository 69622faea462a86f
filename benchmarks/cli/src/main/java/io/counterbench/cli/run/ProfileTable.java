package io.counterbench.cli.run;

import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The profiles as Markdown, generated from {@link Profile} and its slices: what {@code run --profiles}
 * prints, and what the README and docs/methodology.md hold between "generated" markers (a test
 * fails when they differ from this), so a profile's numbers are written in one place only.
 */
public final class ProfileTable {
    /** The CPU count the plan columns are worked out for: the 2-CPU machine the docs' figures come from. */
    public static final int PLAN_CPUS = 2;

    private ProfileTable() {}

    /** One row per profile: forks, iterations, threads, fixed parameters, the plan on {@link #PLAN_CPUS} CPUs. */
    public static Block.Table table(BenchmarkCatalog catalog) {
        List<List<String>> rows = new ArrayList<>();
        for (Profile p : Profile.values()) {
            Plan plan = Plan.build(Plan.Choices.builder(p, "host", PLAN_CPUS).build(), catalog);
            rows.add(List.of(
                    "`" + p.label() + "`",
                    String.valueOf(p.forks),
                    p.warmupIterations + " x " + millis(p.warmupMillis),
                    p.measurementIterations + " x " + millis(p.measurementMillis),
                    p.fullThreadSweep ? "1, 2, 4 ... CPU count" : "1 and CPU count",
                    values(p.params),
                    rows(plan) + " / " + plan.forks() + " / " + duration(plan.estimateSeconds())));
        }
        return new Block.Table(
                null,
                List.of(
                        "profile",
                        "forks per row",
                        "warmup",
                        "measured",
                        "threads",
                        "parameters",
                        "rows / forks / time on " + PLAN_CPUS + " CPUs"),
                List.of(false, true, false, false, false, false, true),
                rows);
    }

    /** Benchmark rows of a plan: one per method and parameter set (methods of one JMH invocation count apart). */
    public static int rows(Plan plan) {
        return plan.entries().stream().mapToInt(e -> e.methods().size()).sum();
    }

    /**
     * What each profile runs, in words: its slices, the benchmarks no slice names (they run with the
     * profile's parameters and their own @Param values) and those it leaves out.
     */
    public static String slices(BenchmarkCatalog catalog) {
        StringBuilder b = new StringBuilder();
        for (Profile p : Profile.values()) {
            List<String> parts = new ArrayList<>();
            for (Slice s : p.slices) {
                if (!s.skip()) {
                    parts.add("`" + name(s) + "`" + (s.params().isEmpty() ? "" : " with " + values(s.params())));
                }
            }
            List<BenchmarkCatalog.Method> unnamed = catalog.methods().stream()
                    .filter(m -> p.slices.stream().noneMatch(s -> s.matches(m.qualifiedName())))
                    .toList();
            // a class whose every method no slice names goes by its name, else each such method by its own
            List<String> others = unnamed.stream()
                    .map(m -> catalog.methods().stream()
                                    .filter(o -> o.className().equals(m.className()))
                                    .allMatch(unnamed::contains)
                            ? m.className()
                            : m.qualifiedName())
                    .distinct()
                    .map(n -> "`" + n + "`")
                    .toList();
            if (!others.isEmpty()) {
                parts.add((parts.isEmpty() ? "" : "and ") + String.join(", ", others));
            }
            List<String> left = p.slices.stream()
                    .filter(Slice::skip)
                    .map(s -> "`" + name(s) + "`")
                    .toList();
            b.append("- `").append(p.label()).append("`: ").append(String.join("; ", parts));
            b.append(left.isEmpty() ? "" : "; left out: " + String.join(", ", left))
                    .append(".\n");
        }
        return b.toString();
    }

    /** The whole listing: the table, then the slices. */
    public static String markdown(BenchmarkCatalog catalog) {
        return MarkdownWriter.table(table(catalog)) + slices(catalog);
    }

    /** The listing for the benchmarks this build holds. */
    public static String markdown() {
        return markdown(BenchmarkCatalog.load());
    }

    /** A slice's pattern as a reader writes the benchmarks: "UpdateBenchmark.(rssMix|random)". */
    private static String name(Slice s) {
        String n = s.pattern()
                .pattern()
                .replaceAll("^\\^", "")
                .replaceAll("\\$$", "")
                .replace("\\.", ".");
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static String values(Map<String, List<String>> params) {
        return params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "="
                        + e.getValue().stream()
                                .map(v -> v.equals("cpus") ? "CPU count" : v)
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining(", "));
    }

    private static String millis(int ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
