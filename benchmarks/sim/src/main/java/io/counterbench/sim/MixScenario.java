package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.counters.CounterId;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * mix-384: the read/update mix (JMH's MixBenchmark) on a 2-socket EPYC 9654: 384 pinned writers
 * add +1 and each reads the counter after every 10, 1,000 or 100,000 of its adds, approximately or
 * precisely. What a read costs in line moves: approximate() reads one line (the root, the total)
 * that only carries and flushes dirty; precise() walks every CPU's slot, most of them dirtied by
 * other CPUs since the last read. The cost model prices every move, the reads' shared out over the
 * adds; the reads' own instructions are not in the fast path (./run-bench.sh advise adds them from
 * the ReadBenchmark rows). A read rarer than every ops / (2 x 384) adds is simulated at that rate
 * (the table says so): its lines have had less time to be dirtied, so its moves per read are a
 * lower bound, and the predicted cost shares them out at the simulated rate, an upper bound on their
 * share at the true one.
 */
final class MixScenario implements Scenario {
    static final String NAME = "mix-384";
    static final String TOPOLOGY = "epyc-9654-2s";
    /** Every built-in whose lines the coherence model sees. */
    static final List<CounterId> COUNTERS = Arrays.stream(CounterId.values())
            .filter(id -> CounterModel.of(id) != CounterModel.OPAQUE)
            .toList();

    static final long[] UPDATES_PER_READ = {10, 1_000, 100_000};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "384 pinned writers on a 2-socket EPYC 9654, each reading every 10, 1,000 or 100,000 of its adds: line "
                + "moves per "
                + "update and per read, approximate against precise";
    }

    private static long ops(SimSettings s) {
        return s.quick() ? 200_000 : 2_000_000;
    }

    @Override
    public long plannedOps(SimSettings s) {
        return ops(s) * COUNTERS.size() * UPDATES_PER_READ.length * ReadMix.Kind.values().length;
    }

    @Override
    public ScenarioReport run(SimSettings settings, Progress progress) {
        CpuMap map = CpuMap.of(TopologySources.load(TOPOLOGY));
        int threads = map.cpuCount();
        List<SimSpec> specs = new ArrayList<>();
        for (ReadMix.Kind kind : ReadMix.Kind.values()) {
            for (long n : UPDATES_PER_READ) {
                // every task needs two reads' worth of adds: a rarer read is simulated at the rarest rate that fits
                long simulated = Math.max(1, Math.min(n, ops(settings) / (2L * threads)));
                ReadMix mix = new ReadMix(kind, simulated);
                String label = kind.label() + " every " + Units.count(n)
                        + (simulated < n ? " (simulated every " + Units.count(simulated) + ")" : "");
                for (CounterId id : COUNTERS) {
                    specs.add(new SimSpec(
                            label,
                            map,
                            id,
                            0,
                            threads,
                            WorkloadKind.INC,
                            ops(settings),
                            0,
                            MigrationRule.STAY,
                            settings.seedFor(NAME),
                            mix));
                }
            }
        }
        List<SimResult> results = Runs.run(NAME, specs, progress);
        var t = Block.Table.numbers(
                "reads",
                "counter",
                "reads run",
                "line moves per update",
                "line moves per read",
                "worst deviation",
                "bound");
        for (SimResult r : results) {
            CoherenceStats c = r.coherence();
            double perUpdate = Arrays.stream(CostModel.updateMovesPerOp(c)).sum();
            double perRead = c.reads() == 0 ? 0 : Arrays.stream(c.readMoves()).sum() / (double) c.reads();
            t.row(
                    r.spec().label(),
                    r.spec().id().id(),
                    Units.count(c.reads()),
                    CostReport.significant(perUpdate),
                    CostReport.significant(perRead),
                    Units.count(r.worst()),
                    Units.count(Math.max(r.boundUnder(), r.boundOver())));
        }
        StringBuilder md = new StringBuilder();
        md.append("### ").append(NAME).append(": ").append(summary()).append("\n\n");
        md.append("Topology ")
                .append(map.topology().name())
                .append(" (")
                .append(map.cpuCount())
                .append(" CPUs), ")
                .append(threads)
                .append(" tasks pinned by the compact placement adding +1 in random turns, ")
                .append(Units.count(ops(settings)))
                .append(" adds per run; each task reads after every N of its own "
                        + "adds, on its CPU. A read moves a line last written by another CPU that it has not read "
                        + "since; a later write to a line another CPU read moves it once more (the invalidation). The "
                        + "predicted cost below shares the reads' moves out over the adds; the reads' own instructions "
                        + "are not in it "
                        + "(./run-bench.sh advise adds them from ReadBenchmark rows).\n\n");
        md.append(t.render()).append('\n');
        ObjectNode json = Json.object();
        json.put("name", NAME);
        json.put("reproduces", summary());
        json.put("topology", map.topology().name());
        json.set("rows", Runs.json(results));
        return new ScenarioReport(NAME, json, md.toString(), results, ScenarioReport.failuresOf(results));
    }
}
