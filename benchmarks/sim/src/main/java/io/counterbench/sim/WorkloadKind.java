package io.counterbench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The workloads, by the name users type, with the migration rule and size each has by default. */
enum WorkloadKind {
    RSS(
            "rss",
            "page faults to a target RSS, churn around it, frees to zero",
            MigrationRule.probability(Migration.ANYWHERE, 0.001),
            25_600,
            RssWorkload::new),
    HOP(
            "hop",
            "CPU-hopping mmap/munmap: one page fault per operation on a new CPU, munmap of the region",
            MigrationRule.every(Migration.ANYWHERE, 1),
            4_096,
            HopWorkload::new),
    RANDOM_WALK(
            "random-walk",
            "+1 or -1 at random from random tasks",
            MigrationRule.probability(Migration.ANYWHERE, 0.01),
            0,
            RandomWalkWorkload::new),
    FORK_EXIT(
            "fork-exit",
            "short-lived processes: a new counter each, a few page faults, exit",
            MigrationRule.probability(Migration.ANYWHERE, 0.01),
            512,
            ForkExitWorkload::new),
    ADVERSARIAL(
            "adversarial",
            "the additions that leave the counter at its worst reachable deviation",
            MigrationRule.STAY,
            0,
            AdversarialWorkload::new),
    INC(
            "inc",
            "JMH UpdateBenchmark.inc replayed: +1 from random tasks, each pinned where the compact placement puts it",
            MigrationRule.STAY,
            0,
            s -> new PinnedUpdateWorkload(s, false)),
    RSS_MIX(
            "rss-mix",
            "JMH UpdateBenchmark.rssMix replayed: +1 or -1 from random tasks, each pinned where the compact placement "
                    + "puts it",
            MigrationRule.STAY,
            0,
            s -> new PinnedUpdateWorkload(s, true));

    private final String label;
    private final String description;
    private final MigrationRule defaultRule;
    private final long defaultPages;
    private final Function<WorkloadSetup, Workload> create;

    WorkloadKind(
            String label,
            String description,
            MigrationRule defaultRule,
            long defaultPages,
            Function<WorkloadSetup, Workload> create) {
        this.label = label;
        this.description = description;
        this.defaultRule = defaultRule;
        this.defaultPages = defaultPages;
        this.create = create;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    MigrationRule defaultRule() {
        return defaultRule;
    }

    /** The RSS target, hop region or largest fork-exit process, in pages (0: unused). */
    long defaultPages() {
        return defaultPages;
    }

    Workload create(WorkloadSetup setup) {
        return create.apply(setup);
    }

    static WorkloadKind parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (WorkloadKind k : values()) {
            if (k.label.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + text + "' (known: "
                + Arrays.stream(values()).map(WorkloadKind::label).collect(Collectors.joining(", ")) + ")");
    }
}
