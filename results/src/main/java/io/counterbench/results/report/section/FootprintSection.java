package io.counterbench.results.report.section;

import io.counterbench.results.report.KernelLayout;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.FootprintJson;
import io.counterbench.results.run.FootprintJson.Row;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Memory per counter against CPU count, from footprint.json (JOL retained sizes): a table of one
 * counter and a group of 4 per CPU count with the kernel layout's bytes beside them, the JVM's
 * padding cost as a ratio, and two log-log charts (one counter; a group of 4) with the kernel
 * layout drawn as reference lines. The kernel layout of a row comes from footprint.json's
 * kernelBytes (one counter, computed from the counter's structure where it has a kernel
 * counterpart) when the file has it, else from {@link KernelLayout} for flat and tree.
 */
final class FootprintSection implements ReportSection {
    static final String FILE = FootprintJson.FILE;

    @Override
    public String title() {
        return "Footprint";
    }

    @Override
    public String inputFile() {
        return FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.file(FILE).isPresent();
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        Map<RunInput, List<Row>> data = new LinkedHashMap<>();
        for (RunInput run : runs) {
            data.put(run, FootprintJson.read(run.file(FILE).orElseThrow()));
        }
        TreeSet<Integer> cpus = new TreeSet<>();
        data.values().forEach(rows -> rows.forEach(r -> cpus.add(r.cpus())));
        boolean fromFile = data.values().stream().flatMap(List::stream).anyMatch(r -> r.kernelBytes() >= 0);
        out.paragraph(
                "Retained bytes (JOL) of one counter / a group of 4 counters built together (an mm's RSS counters), "
                        + "without the per-topology configuration they share; columns are the CPU counts the counters "
                        + "were built for. Kernel layout: what the kernel's per-CPU allocator needs for the same "
                        + "counters, 8 bytes per CPU per counter (percpu_counter; level 0 of the tree) plus, for the "
                        + "HPCC tree, one 64-byte line per tree item"
                        + (fromFile
                                ? " (from footprint.json)."
                                : " (computed from the kernel tree's structure for N CPUs; "
                                        + "tree-topo's items follow the topology and have no kernel counterpart)."));
        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        if (ctx.merged()) {
            header.add("machine");
            numeric.add(false);
        }
        header.add("counter");
        numeric.add(false);
        for (int n : cpus) {
            header.add("N=" + n + " one / group of 4 (bytes)");
            numeric.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> cost = new ArrayList<>();
        SeriesSet one = new SeriesSet();
        SeriesSet four = new SeriesSet();
        int runIndex = 0;
        for (Map.Entry<RunInput, List<Row>> e : data.entrySet()) {
            Map<String, Map<Integer, Row>> byCounter = new LinkedHashMap<>();
            for (Row r : e.getValue()) {
                byCounter
                        .computeIfAbsent(r.counter(), k -> new LinkedHashMap<>())
                        .put(r.cpus(), r);
            }
            for (Map.Entry<String, Map<Integer, Row>> c : byCounter.entrySet()) {
                List<String> cells = new ArrayList<>();
                List<String> ratio = new ArrayList<>();
                if (ctx.merged()) {
                    cells.add(ctx.label(e.getKey()));
                    ratio.add(ctx.label(e.getKey()));
                }
                cells.add(c.getKey());
                ratio.add(c.getKey());
                boolean hasKernel = false;
                for (int n : cpus) {
                    Row r = c.getValue().get(n);
                    cells.add(r == null ? "" : bytes(r.oneBytes()) + " / " + bytes(r.groupOf4Bytes()));
                    long k1 = r == null ? -1 : kernelOne(r);
                    long k4 = r == null ? -1 : kernelGroup(r);
                    hasKernel |= k1 > 0;
                    ratio.add(k1 > 0 ? ratio(r.oneBytes(), k1) + " / " + ratio(r.groupOf4Bytes(), k4) : "");
                }
                rows.add(cells);
                if (hasKernel) {
                    cost.add(ratio);
                }
                String name = c.getKey() + (ctx.merged() ? " @ " + ctx.shortLabel(e.getKey()) : "");
                SeriesStyle style = SeriesStyle.counter(c.getKey(), runIndex);
                for (Row r : c.getValue().values()) {
                    one.add(name, style, ChartSpec.Point.of(r.cpus(), r.oneBytes()));
                    if (r.groupOf4Bytes() > 0) {
                        four.add(name, style, ChartSpec.Point.of(r.cpus(), r.groupOf4Bytes()));
                    }
                }
            }
            runIndex++;
        }
        for (String kind : List.of("percpu_counter", "HPCC tree")) {
            List<String> cells = new ArrayList<>();
            if (ctx.merged()) {
                cells.add("");
            }
            cells.add("kernel layout: " + kind);
            for (int n : cpus) {
                long k = kind.equals("percpu_counter") ? KernelLayout.perCpuCounter(n) : KernelLayout.tree(n);
                cells.add(bytes(k) + " / " + bytes(4 * k));
            }
            rows.add(cells);
        }
        out.add(new Block.Table("", header, numeric, rows));
        if (!cost.isEmpty()) {
            List<String> h = new ArrayList<>(header);
            h.replaceAll(x -> x.replace("one / group of 4 (bytes)", "one / group of 4 (x kernel layout)"));
            out.add(new Block.Table(
                    "The JVM's padding cost: retained bytes / the kernel layout's bytes for the same counters "
                            + "(flat against percpu_counter, tree against the HPCC tree)",
                    h,
                    numeric,
                    cost));
        }
        List<Integer> ns = List.copyOf(cpus);
        out.add(new Block.Chart(
                "footprint-one-by-cpus",
                new ChartSpec(
                        "Footprint: what does one counter cost in memory on N CPUs, next to the kernel's layout?",
                        "Retained bytes (JOL) of one counter, shared topology configuration left out; grey: what the "
                                + "kernel's per-CPU layout needs (8 B per CPU; the tree adds 64 B per tree item). The "
                                + "gap is the JVM's padding cost.",
                        "CPUs the counter is built for (N)",
                        "bytes",
                        true,
                        true,
                        withKernel(one, ns, 1))));
        if (!four.isEmpty()) {
            out.add(new Block.Chart(
                    "footprint-group-of-4-by-cpus",
                    new ChartSpec(
                            "Footprint of a group of 4 counters (an mm's RSS counters) on N CPUs, next to the "
                                    + "kernel's layout",
                            "Retained bytes (JOL) of 4 counters built together (sharing per-CPU lines where the "
                                    + "counter can); grey: 4 x the kernel layout (the kernel allocates each counter's "
                                    + "8 B per CPU and tree items separately).",
                            "CPUs the counters are built for (N)",
                            "bytes",
                            true,
                            true,
                            withKernel(four, ns, 4))));
        }
    }

    private long kernelOne(Row r) {
        if (r.kernelBytes() >= 0) {
            return r.kernelBytes();
        }
        return switch (r.counter()) {
            case "flat" -> KernelLayout.perCpuCounter(r.cpus());
            case "tree" -> KernelLayout.tree(r.cpus());
            default -> -1;
        };
    }

    /** A group of 4: four times one counter's kernel layout (the kernel allocates each counter on its own). */
    private long kernelGroup(Row r) {
        long one = kernelOne(r);
        return one < 0 ? -1 : 4 * one;
    }

    private static List<ChartSpec.Series> withKernel(SeriesSet measured, List<Integer> cpus, int counters) {
        List<ChartSpec.Series> s = new ArrayList<>(measured.series());
        String times = counters == 1 ? "" : counters + " x ";
        s.add(new ChartSpec.Series(
                "kernel layout: " + times + "percpu_counter (8 B x N)",
                cpus.stream()
                        .map(n -> ChartSpec.Point.of(n, counters * KernelLayout.perCpuCounter(n)))
                        .toList(),
                SeriesStyle.reference(0)));
        s.add(new ChartSpec.Series(
                "kernel layout: " + times + "HPCC tree (8 B x N + 64 B x items)",
                cpus.stream()
                        .map(n -> ChartSpec.Point.of(n, counters * KernelLayout.tree(n)))
                        .toList(),
                SeriesStyle.reference(1)));
        return s;
    }

    private static String bytes(long b) {
        return b < 0 ? "" : String.format(Locale.ROOT, "%,d", b);
    }

    private static String ratio(long a, long b) {
        return a < 0 || b <= 0 ? "" : String.format(Locale.ROOT, "%.1fx", (double) a / b);
    }
}
