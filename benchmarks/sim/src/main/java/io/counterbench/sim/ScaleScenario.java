package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.counters.CounterId;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.List;

/**
 * scale: how each counter's bound and worst deviation grow with the CPU count N, from 8 to 4096
 * (powers of two, plus 250 and 384): percpu_counter's O(N^2) (batch 2N, N slots) against the
 * tree's O(N log N). For every N and counter id: the bound, what the adversary reaches, and the
 * worst drift of a random CPU-hopping run.
 */
final class ScaleScenario implements Scenario {
    static final String NAME = "scale";
    static final long REGION_PAGES = 4_096;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "bound and worst deviation for N = 8 to 4096 CPUs, every counter (O(N^2) against O(N log N))";
    }

    private static long hopOps(SimSettings s) {
        return s.quick() ? 20_000 : 1_000_000;
    }

    @Override
    public long plannedOps(SimSettings s) {
        return (long) ScaleTopologies.SIZES.size() * CounterId.values().length * hopOps(s);
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        List<SimResult> adversarial = new ArrayList<>();
        List<SimResult> hops = new ArrayList<>();
        long seed = settings.seedFor(NAME);
        for (int n : ScaleTopologies.SIZES) {
            CpuMap map = CpuMap.of(TopologySources.load(ScaleTopologies.spec(n)));
            String label = "N=" + n;
            for (CounterId id : CounterId.values()) {
                progress.phase(NAME + ": " + id.id() + ", " + label);
                adversarial.add(Engine.run(
                        new SimSpec(label, map, id, 0, n, WorkloadKind.ADVERSARIAL, 0, 0, MigrationRule.STAY, seed),
                        Progress.silent()));
                hops.add(Engine.run(
                        new SimSpec(
                                label,
                                map,
                                id,
                                0,
                                1,
                                WorkloadKind.HOP,
                                hopOps(settings),
                                REGION_PAGES,
                                MigrationRule.every(Migration.ANYWHERE, 1),
                                seed),
                        progress));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("### ").append(NAME).append(": ").append(summary()).append("\n\n");
        md.append("Counts are in the counters' units (pages in the RSS reading). Default batches: flat max(32, "
                        + "2N), tree 32, ")
                .append("per-node 32, per-thread 64 events; per-thread runs N tasks in the adversary (a thread per "
                        + "CPU).\n\n");
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.put("unit", "counter units (pages)");
        ArrayNode rows = json.putArray("rows");
        for (int i = 0; i < adversarial.size(); i++) {
            ObjectNode row = rows.addObject();
            SimResult a = adversarial.get(i);
            row.put("n", a.spec().map().cpuCount());
            row.put("topology", a.spec().map().topology().name());
            row.put("counter", a.spec().id().id());
            row.set("adversarial", ResultJson.of(a));
            row.set("hop", ResultJson.of(hops.get(i)));
        }
        SimTables tables = new SimTables(Units.PAGE_BYTES);
        for (Block.Table t : List.of(tables.scaleBound(json), tables.scaleWorst(json), tables.scaleHop(json))) {
            md.append(t.caption())
                    .append(":\n\n")
                    .append(MarkdownWriter.padded(t))
                    .append('\n');
        }
        List<SimResult> all = new ArrayList<>(adversarial);
        all.addAll(hops);
        return new ScenarioReport(NAME, json, md.toString(), all, ScenarioReport.failuresOf(all));
    }
}
