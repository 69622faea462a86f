package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.topology.TopologySources;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the custom flags into validated {@link SimSpec}s (bad input: IllegalArgumentException, one line). */
final class CustomPlans {
    static final String DEFAULT_TOPOLOGY = "epyc-9654-2s";
    static final int DEFAULT_TASKS = 4;
    static final int MAX_TASKS = 1 << 20;

    private CustomPlans() {
    }

    static CustomPlan resolve(CustomOptions o, long seed, boolean quick) {
        int tasks = o.tasks() == null ? DEFAULT_TASKS : o.tasks();
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("--tasks must be in 1-" + MAX_TASKS + ", got " + tasks);
        }
        long ops = o.ops() == null ? (quick ? 100_000 : 1_000_000) : o.ops();
        if (ops < 1) {
            throw new IllegalArgumentException("--ops must be at least 1, got " + ops);
        }
        if (o.every() != null && o.every() < 1) {
            throw new IllegalArgumentException("--every must be at least 1 operation, got " + o.every());
        }
        if (o.probability() != null && !(o.probability() >= 0 && o.probability() <= 1)) {
            throw new IllegalArgumentException("--migrate-probability must be in [0, 1], got " + o.probability());
        }
        if (o.pages() != null && o.pages() < 1) {
            throw new IllegalArgumentException("--pages must be at least 1, got " + o.pages());
        }
        if (o.batch() != null && o.batch() < 0) {
            throw new IllegalArgumentException("--batch must be >= 0 (0: each counter's default), got " + o.batch());
        }
        WorkloadKind workload = o.workload() == null ? WorkloadKind.RANDOM_WALK : WorkloadKind.parse(o.workload());
        MigrationRule rule = rule(o, workload);
        long pages = o.pages() == null ? workload.defaultPages() : o.pages();
        long batch = o.batch() == null ? 0 : o.batch();
        List<CounterId> ids = o.counters() == null || o.counters().isEmpty() ? Arrays.asList(CounterId.values())
                : o.counters().stream().map(CounterId::parse).toList();
        Set<CounterId> unique = new LinkedHashSet<>(ids);
        CpuMap map = CpuMap.of(TopologySources.load(o.topology() == null ? DEFAULT_TOPOLOGY : o.topology()));
        String label = workload.label() + ", " + rule.label();
        List<SimSpec> specs = unique.stream()
                .map(id -> new SimSpec(label, map, id, batch, tasks, workload, ops, pages, rule, seed))
                .toList();
        for (SimSpec s : specs) {
            s.id().factory(map.topology(), batch); // a batch the counter cannot take fails here, before anything runs
        }
        return new CustomPlan(specs);
    }

    private static MigrationRule rule(CustomOptions o, WorkloadKind workload) {
        MigrationRule d = workload.defaultRule();
        Migration where = o.migrate() != null ? Migration.parse(o.migrate())
                : d.where() != Migration.STAY || (o.every() == null && o.probability() == null) ? d.where() : Migration.ANYWHERE;
        if (where == Migration.STAY) {
            return MigrationRule.STAY;
        }
        if (o.every() == null && o.probability() == null) {
            return d.moves() ? new MigrationRule(where, d.every(), d.probability()) : MigrationRule.probability(where, 0.01);
        }
        return new MigrationRule(where, o.every() == null ? 0 : o.every(), o.probability() == null ? 0 : o.probability());
    }
}
