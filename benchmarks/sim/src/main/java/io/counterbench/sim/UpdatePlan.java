package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.inputs.Range;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The update scenario's runs, resolved and validated from the flags: for inc and rssMix, each
 * thread count and each counter, one simulation.
 *
 * @param threads the thread counts replayed
 */
record UpdatePlan(List<Integer> threads, List<SimSpec> specs) {
    static final String DEFAULT_TOPOLOGY = "host";
    static final Range THREADS = new Range("a thread count", 1, 1 << 16);

    /**
     * @param o the flags --topology, --counters and --ops (the others are custom's)
     * @param threads --threads, or null: every count above 1 that the fast-path rows have, else 2
     * @param rows the --fast-path rows, or null
     */
    static UpdatePlan resolve(CustomOptions o, List<Integer> threads, UpdateRows rows, long seed, boolean quick) {
        long ops = o.ops() == null ? (quick ? 100_000 : 1_000_000) : CustomPlans.OPS.check("--ops", o.ops());
        CpuMap map = CpuMap.of(TopologySources.load(o.topology() == null ? DEFAULT_TOPOLOGY : o.topology()));
        int pus = map.cpuCount();
        List<Integer> counts = new ArrayList<>();
        if (threads != null && !threads.isEmpty()) {
            for (int t : threads) {
                THREADS.check("--threads", t);
                if (t > pus) {
                    throw new IllegalArgumentException("--threads " + t + ": topology "
                            + map.topology().name() + " has " + pus + " CPUs, and the replay pins one thread per CPU");
                }
                if (!counts.contains(t)) {
                    counts.add(t);
                }
            }
        } else {
            if (rows != null) {
                rows.threads().stream().filter(t -> t > 1 && t <= pus).forEach(counts::add);
            }
            if (counts.isEmpty()) {
                counts.add(Math.min(2, pus));
            }
        }
        List<CounterId> ids = o.counters() == null || o.counters().isEmpty()
                ? Arrays.asList(CounterId.values())
                : o.counters().stream().map(CounterId::parse).toList();
        Set<CounterId> unique = new LinkedHashSet<>(ids);
        List<SimSpec> specs = new ArrayList<>();
        for (WorkloadKind w : List.of(WorkloadKind.INC, WorkloadKind.RSS_MIX)) {
            for (int t : counts) {
                String label = CostReport.updateMethod(w) + ", " + t + (t == 1 ? " thread" : " threads");
                for (CounterId id : unique) {
                    specs.add(new SimSpec(label, map, id, 0, t, w, ops, 0, MigrationRule.STAY, seed));
                }
            }
        }
        return new UpdatePlan(List.copyOf(counts), specs);
    }
}
