package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import java.util.ArrayList;
import java.util.List;

/** custom: the counters, topology, workload and scheduler the flags name. */
final class CustomScenario implements Scenario {
    static final String NAME = "custom";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the topology, counters, tasks, workload and migration given by the flags";
    }

    @Override
    public long plannedOps(SimSettings s) {
        return s.custom().specs().stream().mapToLong(SimSpec::ops).sum();
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        List<SimSpec> specs = settings.custom().specs();
        List<SimResult> results = new ArrayList<>();
        List<SimFailure> failed = new ArrayList<>();
        for (SimSpec s : specs) {
            progress.phase(NAME + ": " + s.id().id() + ", " + s.label());
            try {
                results.add(Engine.run(s, progress));
            } catch (RuntimeException e) {
                failed.add(SimFailure.of(s, e));
            }
        }
        SimSpec first = specs.getFirst();
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.set("rows", Runs.json(results));
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(NAME)
                .append(": ")
                .append(first.workload().label())
                .append(" on ")
                .append(first.map().topology().name())
                .append("\n\n");
        md.append("Topology ")
                .append(first.map().topology().name())
                .append(" (")
                .append(first.map().cpuCount())
                .append(" CPUs), ")
                .append(first.tasks())
                .append(" tasks, workload ")
                .append(first.workload().label())
                .append(" (")
                .append(first.workload().description())
                .append(")")
                .append(first.pages() > 0 ? ", size " + Units.count(first.pages()) + " pages" : "")
                .append(", migration ")
                .append(first.migration().label())
                .append(", seed ")
                .append(first.seed())
                .append(". Deviations in counter units.\n\n");
        SimTables tables = new SimTables(Units.PAGE_BYTES);
        md.append(MarkdownWriter.padded(tables.results(json, true))).append('\n');
        if (!failed.isEmpty()) {
            Block.Table.Rows f = Block.Table.numbers("counter", "FAILED: threw, no numbers");
            failed.forEach(x -> f.row(x.spec().id().id(), x.reason()));
            md.append("These counters threw; the others ran to the end.\n\n")
                    .append(f.render())
                    .append('\n');
        }
        if (first.workload() == WorkloadKind.FORK_EXIT) {
            var life = Block.Table.numbers(
                    "counter", "processes (one counter each)", "precise != 0 at exit", "worst |approximate| at exit");
            for (SimResult r : results) {
                life.row(
                        r.spec().id().id(),
                        Units.count(r.exits()),
                        r.preciseMismatches(),
                        Units.count(r.worstExitDeviation()));
            }
            md.append("Each process exits with nothing resident: precise() must read 0 (the kernel's check_mm); "
                            + "approximate() ")
                    .append("is what a monitor reading the dying process would have seen.\n\n")
                    .append(life.render())
                    .append('\n');
        }
        md.append(Runs.coherence(tables.coherence(json, null)));
        ArrayNode failedJson = json.putArray("failed");
        failed.forEach(
                x -> failedJson.addObject().put("counter", x.spec().id().id()).put("error", x.reason()));
        return new ScenarioReport(
                NAME, json, md.toString(), results, ScenarioReport.failuresOf(results) + failed.size());
    }
}
