package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the simulator's own speed for the tree on a 384-CPU topology, after the scenarios have
 * warmed the JIT up: a random walk of 8 migrating tasks (mostly the fast path) and the CPU-hopping
 * test (a carry every few operations, a new CPU each), each after an unreported warm-up run of a
 * quarter of its length. Every operation is a real add, an exact
 * deviation check against the bound and a coherence-model update.
 */
final class SpeedProbe {
    static final String TOPOLOGY = "epyc-9654-2s";

    private SpeedProbe() {}

    static List<SimResult> measure(boolean quick, long seed, Progress progress) {
        CpuMap map = CpuMap.of(TopologySources.load(TOPOLOGY));
        long ops = quick ? 2_000_000 : 20_000_000;
        List<SimSpec> specs = List.of(
                new SimSpec(
                        "speed: random walk, 8 tasks",
                        map,
                        CounterId.TREE,
                        0,
                        8,
                        WorkloadKind.RANDOM_WALK,
                        ops,
                        0,
                        MigrationRule.probability(Migration.ANYWHERE, 0.01),
                        seed),
                new SimSpec(
                        "speed: hop",
                        map,
                        CounterId.TREE,
                        0,
                        1,
                        WorkloadKind.HOP,
                        ops,
                        4_096,
                        MigrationRule.every(Migration.ANYWHERE, 1),
                        seed));
        List<SimResult> out = new ArrayList<>();
        for (SimSpec s : specs) {
            progress.phase(s.label());
            Engine.run(
                    new SimSpec(
                            s.label(),
                            map,
                            s.id(),
                            s.batch(),
                            s.tasks(),
                            s.workload(),
                            ops / 4,
                            s.pages(),
                            s.migration(),
                            s.seed() + 1),
                    progress); // warm-up, not reported
            out.add(Engine.run(s, progress));
        }
        return out;
    }

    static long plannedOps(boolean quick) {
        return 2 * (quick ? 2_500_000L : 25_000_000L);
    }

    /**
     * Ops/s of the scenarios' tree simulations of at least a million operations together (sum of
     * operations over sum of run times); shorter ones mostly measure the JIT warming up.
     */
    static double treeAggregate(List<SimResult> results) {
        long ops = 0;
        long nanos = 0;
        for (SimResult r : results) {
            if (r.spec().id() == CounterId.TREE && r.ops() >= 1_000_000) {
                ops += r.ops();
                nanos += r.elapsedNanos();
            }
        }
        return nanos == 0 ? 0 : ops * 1e9 / nanos;
    }

    static ArrayNode json(List<SimResult> probes) {
        ArrayNode a = Json.array();
        for (SimResult r : probes) {
            ObjectNode o = a.addObject();
            o.put("run", r.spec().label());
            o.put("counter", r.spec().id().id());
            o.put("topology", r.spec().map().topology().name());
            o.put("ops", r.ops());
            o.put("elapsed_s", Json.round(r.elapsedNanos() / 1e9));
            o.put("ops_per_s", Json.round(r.opsPerSecond()));
            o.put("violations", r.violations());
        }
        return a;
    }
}
