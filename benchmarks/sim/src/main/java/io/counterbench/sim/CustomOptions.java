package io.counterbench.sim;

import java.util.List;

/**
 * The flags of the custom scenario as the user gave them; null means "not given" (a default applies).
 *
 * @param topology a topology spec (host, preset, .xml file, synthetic string); default epyc-9654-2s
 * @param counters counter ids; default all
 * @param tasks tasks of the simulated process; default 4
 * @param workload rss, hop, random-walk, fork-exit or adversarial; default random-walk
 * @param migrate stay, anywhere, llc, node, package or next; default: the workload's
 * @param every migrate every k operations of a task
 * @param probability migrate with this probability before each operation
 * @param ops operations; default 1,000,000 (100,000 with --quick)
 * @param pages the workload's size in pages (RSS target, hop region, largest fork-exit process)
 * @param batch the counters' batch; default each counter's own
 */
public record CustomOptions(
        String topology,
        List<String> counters,
        Integer tasks,
        String workload,
        String migrate,
        Long every,
        Double probability,
        Long ops,
        Long pages,
        Long batch) {

    public static final CustomOptions NONE = builder().build();

    /** No flag given; each method gives one (null: not given). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CustomOptions} flag by flag. */
    public static final class Builder {
        private String topology;
        private List<String> counters;
        private Integer tasks;
        private String workload;
        private String migrate;
        private Long every;
        private Double probability;
        private Long ops;
        private Long pages;
        private Long batch;

        private Builder() {}

        public Builder topology(String spec) {
            topology = spec;
            return this;
        }

        public Builder counters(List<String> ids) {
            counters = ids;
            return this;
        }

        public Builder tasks(Integer n) {
            tasks = n;
            return this;
        }

        public Builder workload(String kind) {
            workload = kind;
            return this;
        }

        /** The migration rule and how often it applies: every k operations, or with a probability per operation. */
        public Builder migrate(String rule, Long everyOps, Double perOp) {
            migrate = rule;
            every = everyOps;
            probability = perOp;
            return this;
        }

        public Builder ops(Long n) {
            ops = n;
            return this;
        }

        public Builder pages(Long n) {
            pages = n;
            return this;
        }

        public Builder batch(Long n) {
            batch = n;
            return this;
        }

        public CustomOptions build() {
            return new CustomOptions(
                    topology, counters, tasks, workload, migrate, every, probability, ops, pages, batch);
        }
    }

    /** Whether any custom flag was given. */
    public boolean any() {
        return !equals(NONE);
    }
}
