package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.counters.CounterId;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.List;
import java.util.Map;

/**
 * rss-250: the report that started it all. A five-thread service of about 100 MB on a 250-CPU box,
 * its threads moved around by the scheduler, read RSS "tens of megabytes" off with percpu_counter
 * (worst case "as large as a gigabyte"), where per-thread caching had been off by at most
 * 64 x nr_threads pages.
 */
final class RssScenario implements Scenario {
    static final String NAME = "rss-250";
    static final String TOPOLOGY = "rss-250";
    static final int THREADS = 5;
    static final long TARGET_PAGES = 25_600;
    static final MigrationRule MIGRATION = MigrationRule.probability(Migration.ANYWHERE, 0.001);
    static final List<CounterId> COUNTERS =
            List.of(CounterId.PER_THREAD, CounterId.PER_NODE, CounterId.FLAT, CounterId.TREE, CounterId.TREE_TOPO);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "5-thread ~100 MB service on a 250-CPU box (Sweet Tea Dorminy's report): RSS error in MB";
    }

    private static long ops(SimSettings s) {
        return s.quick() ? 300_000 : 20_000_000;
    }

    @Override
    public long plannedOps(SimSettings s) {
        return ops(s) * COUNTERS.size();
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        CpuMap map = CpuMap.of(TopologySources.load(TOPOLOGY));
        SimSpec base = new SimSpec(
                "rss",
                map,
                CounterId.FLAT,
                0,
                THREADS,
                WorkloadKind.RSS,
                ops(settings),
                TARGET_PAGES,
                MIGRATION,
                settings.seedFor(NAME));
        List<SimResult> results =
                Runs.run(NAME, COUNTERS.stream().map(base::withCounter).toList(), progress);

        Map<CounterId, String> published = Map.of(
                CounterId.PER_THREAD,
                "<= 64 x " + THREADS + " pages = " + Units.mbText(64 * THREADS) + " (pre-6.2)",
                CounterId.FLAT,
                "tens of MB; up to ~1 GB (6.2+)");
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.put("unit", "pages of 4 KiB");
        ObjectNode pub = json.putObject("published");
        pub.put("per-thread", "error bounded by 64 x nr_threads pages (" + 64 * THREADS + " pages for 5 threads)");
        pub.put(
                "flat",
                "tens of megabytes off for a 5-thread 100 MB service on 250 CPUs; could be as large as a gigabyte");
        json.set("rows", Runs.json(results, r -> published.get(r.spec().id())));
        SimTables tables = new SimTables(Units.PAGE_BYTES);
        StringBuilder md = new StringBuilder();
        md.append("### ").append(NAME).append(": ").append(summary()).append("\n\n");
        md.append("Topology ")
                .append(map.topology().name())
                .append(" (")
                .append(map.cpuCount())
                .append(" CPUs), ")
                .append(THREADS)
                .append(" threads migrating ")
                .append(MIGRATION.label())
                .append("; workload: ")
                .append(TARGET_PAGES)
                .append(" page faults (")
                .append(Units.mbText(TARGET_PAGES))
                .append("), ")
                .append(Units.count(results.getFirst().ops() - 2 * TARGET_PAGES))
                .append(" ops of churn within 10%, frees to 0. ")
                .append("Deviation = approximate - precise, worst over every operation; bound = accuracy() (under / "
                        + "over when they differ).\n\n");
        md.append(MarkdownWriter.padded(tables.rss(json))).append('\n');
        md.append(Runs.coherence(tables.coherence(json, null)));

        return new ScenarioReport(NAME, json, md.toString(), results, ScenarioReport.failuresOf(results));
    }
}
