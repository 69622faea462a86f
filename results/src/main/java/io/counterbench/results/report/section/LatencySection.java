package io.counterbench.results.report.section;

import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.table.LatencyTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Core-to-core latency from latency.json: what was measured and how, the summary per distance
 * class, and heatmaps of the CPU x CPU round trips in topology order (CAS and store/load).
 */
final class LatencySection implements ReportSection {
    @Override
    public String title() {
        return "Core-to-core latency";
    }

    @Override
    public String inputFile() {
        return LatencyJson.FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.file(LatencyJson.FILE).isPresent();
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        List<LatencyRun> read = new ArrayList<>();
        for (RunInput run : runs) {
            read.add(LatencyJson.read(run.file(LatencyJson.FILE).orElseThrow()));
        }
        int index = 0;
        for (int k = 0; k < runs.size(); k++) {
            RunInput run = runs.get(k);
            LatencyRun l = read.get(k);
            String prefix = runs.size() > 1 ? "run" + (++index) + "-" : "";
            if (ctx.merged()) {
                out.heading(3, "Machine: " + ctx.label(run));
            }
            if (!l.complete()) {
                out.paragraph(partial(l));
            }
            out.paragraph(describe(l));
            out.add(LatencyTables.summary(l));
            out.add(Block.Chart.heatmap(prefix + "latency-cas", LatencyTables.heatmap(l, true)));
            boolean storeLoad = l.pairs().stream().anyMatch(p -> p.storeLoad().length > 0);
            if (storeLoad) {
                out.add(Block.Chart.heatmap(prefix + "latency-store-load", LatencyTables.heatmap(l, false)));
            }
            out.note("What this cannot tell: the latency of one line bouncing between two otherwise idle CPUs, not "
                    + "under load (many lines, many CPUs, a busy interconnect); on a VM, only where the "
                    + "hypervisor ran the vCPUs during the run.");
        }
    }

    /** The line a partial run gets above everything else: what it holds is not the whole run. */
    static String partial(LatencyRun l) {
        return "PARTIAL RUN (latency.json status: incomplete" + (l.reason() == null ? "" : ", " + l.reason())
                + "): only the " + l.pairs().size() + " pair(s) finished before it stopped are below; distance classes "
                + "may be missing, and the figures are not those of the whole run. Measure again with "
                + "./run-bench.sh latency.";
    }

    static String describe(LatencyRun l) {
        LatencyRun.Settings s = l.settings();
        StringBuilder b = new StringBuilder();
        b.append(l.host().isEmpty() ? "This machine" : l.host());
        if (!l.cpuModel().isEmpty()) {
            b.append(" (").append(l.cpuModel()).append(')');
        }
        b.append(", topology ").append(l.topology().isEmpty() ? "unknown" : l.topology());
        if (!l.topologySource().isEmpty()) {
            b.append(" (").append(l.topologySource()).append(')');
        }
        b.append(": ")
                .append(l.cpus().length)
                .append(" CPUs, ")
                .append(l.pairs().size());
        b.append(
                s.sampled()
                        ? " of " + s.pairsTotal() + " pairs measured (a seeded sample, seed " + s.seed()
                                + ", that covers every distance class)"
                        : " pairs measured (all of them)");
        b.append(". Two threads pinned to the pair's CPUs bounce one cache line (padded on both sides): a CAS "
                + "ping-pong, where each side compare-and-sets the line from the other's value to its own, "
                + "and a store/load pair, where each waits with acquire loads for the other's value and "
                + "answers with a release store. A round trip moves the line twice");
        if (s.samples() > 0) {
            b.append("; each pair: ")
                    .append(s.samples())
                    .append(" samples of ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", s.roundTripsPerSample()))
                    .append(" round trips timed together with System.nanoTime, after ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", s.warmupRoundTrips()))
                    .append(" warm-up round trips");
        }
        b.append(". Medians are over samples, spreads min - max.");
        return b.toString();
    }
}
