package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.inputs.Range;
import io.counterbench.topology.TopologySources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the custom flags into validated {@link SimSpec}s (bad input: IllegalArgumentException, one line). */
final class CustomPlans {
    static final String DEFAULT_TOPOLOGY = "epyc-9654-2s";
    static final int DEFAULT_TASKS = 4;
    /** The ranges of the custom flags, each declared once. */
    static final Range TASKS = new Range("a task count", 1, 1 << 20);
    /** A trillion operations take days; more is a typo, and sums of them must not overflow. */
    static final Range OPS = new Range("an operation count", 1, 1_000_000_000_000L);

    static final Range EVERY = new Range("a migration period in operations", 1, Long.MAX_VALUE);
    /** 2^40 pages of 4 KiB are 4 PiB, beyond any machine's memory. */
    static final Range PAGES = new Range("a size in pages", 1, 1L << 40);

    static final Range BATCH = new Range("a batch (0: each counter's default)", 0, Long.MAX_VALUE);

    private CustomPlans() {}

    static CustomPlan resolve(CustomOptions o, long seed, boolean quick) {
        int tasks = o.tasks() == null ? DEFAULT_TASKS : TASKS.checkInt("--tasks", o.tasks());
        long ops = o.ops() == null ? (quick ? 100_000 : 1_000_000) : OPS.check("--ops", o.ops());
        if (o.every() != null) {
            EVERY.check("--every", o.every());
        }
        if (o.probability() != null && !(o.probability() >= 0 && o.probability() <= 1)) {
            throw new IllegalArgumentException(
                    "--migrate-probability " + o.probability() + ": a probability must be between 0 and 1");
        }
        if (o.pages() != null) {
            PAGES.check("--pages", o.pages());
        }
        if (o.batch() != null) {
            BATCH.check("--batch", o.batch());
        }
        WorkloadKind workload = o.workload() == null ? WorkloadKind.RANDOM_WALK : WorkloadKind.parse(o.workload());
        MigrationRule rule = rule(o, workload);
        long pages = o.pages() == null ? workload.defaultPages() : o.pages();
        long batch = o.batch() == null ? 0 : o.batch();
        List<CounterType> ids = o.counters() == null || o.counters().isEmpty()
                ? CounterTypes.all()
                : o.counters().stream().map(CounterTypes::parse).toList();
        Set<CounterType> unique = new LinkedHashSet<>(ids);
        CpuMap map = CpuMap.of(TopologySources.load(o.topology() == null ? DEFAULT_TOPOLOGY : o.topology()));
        String label = workload.label() + ", " + rule.label();
        List<SimSpec> specs = unique.stream()
                .map(id -> new SimSpec(label, map, id, batch, tasks, workload, ops, pages, rule, seed))
                .toList();
        for (SimSpec s : specs) {
            if (s.id() instanceof CounterId builtIn) {
                builtIn.factory(
                        map.topology(), batch); // a batch the counter cannot take fails here, before anything runs
            }
        }
        return new CustomPlan(specs);
    }

    private static MigrationRule rule(CustomOptions o, WorkloadKind workload) {
        MigrationRule d = workload.defaultRule();
        Migration where = o.migrate() != null
                ? Migration.parse(o.migrate())
                : d.where() != Migration.STAY || (o.every() == null && o.probability() == null)
                        ? d.where()
                        : Migration.ANYWHERE;
        if (where == Migration.STAY) {
            return MigrationRule.STAY;
        }
        if (o.every() == null && o.probability() == null) {
            return d.moves()
                    ? new MigrationRule(where, d.every(), d.probability())
                    : MigrationRule.probability(where, 0.01);
        }
        return new MigrationRule(
                where, o.every() == null ? 0 : o.every(), o.probability() == null ? 0 : o.probability());
    }
}
