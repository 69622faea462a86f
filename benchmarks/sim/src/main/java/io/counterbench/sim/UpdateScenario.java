package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import java.util.List;

/**
 * update: the JMH UpdateBenchmark rows replayed on a topology (this machine by default): for inc
 * and rssMix and each thread count, T tasks pinned by the compact placement add in random turns.
 * The coherence model counts the line moves; with --latency and --fast-path the cost model turns
 * them into ns/op, and where the --fast-path run measured the same row at T threads on this
 * machine, the prediction stands against the measurement (predicted / measured across forks).
 */
final class UpdateScenario implements Scenario {
    static final String NAME = "update";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the JMH Update rows (inc, rssMix) replayed: pinned threads adding in random turns; predicted against "
                + "measured ns/op";
    }

    @Override
    public long plannedOps(SimSettings s) {
        return s.update().specs().stream().mapToLong(SimSpec::ops).sum();
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        UpdatePlan plan = settings.update();
        List<SimResult> results = Runs.run(NAME, plan.specs(), progress);
        SimSpec first = plan.specs().getFirst();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(NAME).append(": ").append(summary()).append("\n\n");
        md.append("Topology ")
                .append(first.map().topology().name())
                .append(" (")
                .append(first.map().cpuCount())
                .append(" CPUs), threads ")
                .append(plan.threads())
                .append(", ")
                .append(Units.count(first.ops()))
                .append(" operations per run, seed ")
                .append(first.seed())
                .append(". Thread t runs on the CPU the compact placement gives it (as the benchmark pins it); each "
                        + "add comes from a thread drawn at random, so with T threads the next add is another "
                        + "thread's with probability (T - 1) / T. Deviations are checked as in every "
                        + "scenario.\n\n");
        md.append(Runs.coherence(results, "run")).append('\n');
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.put("topology", first.map().topology().name());
        json.set("threads", Json.MAPPER.valueToTree(plan.threads()));
        json.set("rows", Runs.json(results));
        return new ScenarioReport(NAME, json, md.toString(), results, ScenarioReport.failuresOf(results));
    }
}
