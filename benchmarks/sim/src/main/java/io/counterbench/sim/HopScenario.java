package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.TreeShape;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * hop-384: the HPCC cover letter's CPU-hopping mmap/munmap test on a 2-socket EPYC 9654 (384 CPUs):
 * about 1 GB of drift with percpu_counter, about 80 MB with HPCC, against HPCC's guaranteed 192 MB.
 * Run twice: hopping to a random CPU each operation, and to the next CPU number.
 */
final class HopScenario implements Scenario {
    static final String NAME = "hop-384";
    static final String TOPOLOGY = "epyc-9654-2s";
    static final long REGION_PAGES = 4_096;
    static final List<CounterId> COUNTERS = List.of(CounterId.FLAT, CounterId.TREE, CounterId.TREE_TOPO);
    static final List<MigrationRule> ORDERS =
            List.of(MigrationRule.every(Migration.ANYWHERE, 1), MigrationRule.every(Migration.NEXT, 1));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "CPU-hopping mmap/munmap on a 2-socket EPYC 9654, 384 CPUs (HPCC cover letter): drift in MB";
    }

    private static long ops(SimSettings s) {
        return s.quick() ? 400_000 : 20_000_000;
    }

    @Override
    public long plannedOps(SimSettings s) {
        return ops(s) * COUNTERS.size() * ORDERS.size();
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        CpuMap map = CpuMap.of(TopologySources.load(TOPOLOGY));
        List<SimSpec> specs = new ArrayList<>();
        for (MigrationRule order : ORDERS) {
            String label = order.where() == Migration.NEXT ? "sequential hop" : "random hop";
            for (CounterId id : COUNTERS) {
                specs.add(new SimSpec(
                        label,
                        map,
                        id,
                        0,
                        1,
                        WorkloadKind.HOP,
                        ops(settings),
                        REGION_PAGES,
                        order,
                        settings.seedFor(NAME)));
            }
        }
        List<SimResult> results = Runs.run(NAME, specs, progress);

        CounterFactory tree = CounterId.TREE.factory(map.topology(), 0);
        TreeShape shape = tree.shape();
        long bound = tree.create().accuracy().under();
        String boundLine = "HPCC's bound for N=" + map.topology().cpuIdLimit() + ", batch " + tree.batch()
                + ": under = batch x M = "
                + tree.batch() + " x " + Units.count(shape.multiplier()) + " = " + Units.count(bound) + " pages = "
                + Units.mbText(bound) + " (published: 192 MB); " + shape.description() + ".";

        Map<CounterId, String> published = Map.of(CounterId.FLAT, "~1 GB", CounterId.TREE, "~80 MB (bound 192 MB)");
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.put("unit", "pages of 4 KiB");
        json.put("tree_bound_pages", bound);
        json.put("tree_bound_mb", Units.mb(bound));
        json.put("tree_multiplier", shape.multiplier());
        ObjectNode pub = json.putObject("published");
        pub.put("flat", "about 1 GB of drift");
        pub.put("tree", "about 80 MB of drift");
        pub.put("tree_bound", "192 MB guaranteed");
        json.set("rows", Runs.json(results, r -> published.get(r.spec().id())));
        SimTables tables = new SimTables(Units.PAGE_BYTES);
        StringBuilder md = new StringBuilder();
        md.append("### ").append(NAME).append(": ").append(summary()).append("\n\n");
        md.append("Topology ")
                .append(map.topology().name())
                .append(" (")
                .append(map.cpuCount())
                .append(" CPUs, SMT siblings c and c+192). One task faults a ")
                .append(Units.mbText(REGION_PAGES))
                .append(" region in page by page, then unmaps it in one call, every operation on a new CPU; ")
                .append(Units.count(results.getFirst().ops()))
                .append(" operations per run. ")
                .append(boundLine)
                .append("\n\n");
        md.append(MarkdownWriter.padded(tables.hop(json))).append('\n');
        md.append(Runs.coherence(tables.coherence(json, "hop")));

        return new ScenarioReport(NAME, json, md.toString(), results, ScenarioReport.failuresOf(results));
    }
}
