package io.counterbench.cli.ab;

import io.counterbench.cli.run.Profile;
import io.counterbench.results.gate.GateOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one ab run does, every value checked: made by {@link AbFlags} (or by a calibration series,
 * one per run) with {@link #builder}, taken by {@link Ab}. Null only where it means "the
 * profile's" (counters, threads, filter) or "none" (summary).
 */
record AbOptions(
        Profile profile,
        int pairs,
        long budgetSeconds,
        long budgetFromMillis,
        Pattern filter,
        String benchmarks,
        List<String> counters,
        List<Integer> threads,
        GateOptions gate,
        String sideBySide,
        long seed,
        Path root,
        Path summary,
        List<String> knob,
        double rerunAbove,
        double lockWaitMinutes,
        List<String> command) {
    AbOptions {
        knob = List.copyOf(knob);
        command = List.copyOf(command);
    }

    static Builder builder(Profile profile) {
        return new Builder(profile);
    }

    /** A builder with these options' values, to change a few (a calibration run's seed, knob, folder). */
    Builder toBuilder() {
        Builder b = new Builder(profile)
                .pairs(pairs)
                .budgetSeconds(budgetSeconds)
                .budgetFrom(budgetFromMillis)
                .filter(filter, benchmarks)
                .counters(counters)
                .threads(threads)
                .gate(gate)
                .sideBySide(sideBySide)
                .seed(seed)
                .root(root)
                .summary(summary)
                .knob(knob)
                .rerunAbove(rerunAbove)
                .lockWaitMinutes(lockWaitMinutes);
        return b.command(command);
    }

    /** Seconds of the budget left now (its clock started at {@code budgetFromMillis}). */
    double budgetLeftSeconds() {
        return budgetSeconds - (System.currentTimeMillis() - budgetFromMillis) / 1000.0;
    }

    static final class Builder {
        private final Profile profile;
        private int pairs;
        private long budgetSeconds;
        /**
         * ab's start, when its options are made (its budget counts the builds); not the JVM's start,
         * which in a process that runs several ab's (tests, a long-lived host) may be long past.
         */
        private long budgetFromMillis = System.currentTimeMillis();

        private Pattern filter;
        private String benchmarks;
        private List<String> counters;
        private List<Integer> threads;
        private GateOptions gate = GateOptions.paired();
        private String sideBySide = "auto";
        private Long seed;
        private Path root;
        private Path summary;
        private List<String> knob = List.of();
        private double rerunAbove;
        private double lockWaitMinutes;
        private List<String> command = List.of();

        private Builder(Profile profile) {
            this.profile = profile;
        }

        Builder pairs(int n) {
            pairs = n;
            return this;
        }

        Builder budgetSeconds(long s) {
            budgetSeconds = s;
            return this;
        }

        /** When the budget's clock starts, in epoch milliseconds (default: this JVM's start). */
        Builder budgetFrom(long epochMillis) {
            budgetFromMillis = epochMillis;
            return this;
        }

        Builder filter(Pattern p, String text) {
            filter = p;
            benchmarks = text;
            return this;
        }

        Builder counters(List<String> ids) {
            counters = ids;
            return this;
        }

        Builder threads(List<Integer> t) {
            threads = t;
            return this;
        }

        Builder gate(GateOptions g) {
            gate = g;
            return this;
        }

        /** "auto" (rows with a CPU to spare in each half), "on" (rows that fit in a half) or "off". */
        Builder sideBySide(String mode) {
            sideBySide = mode;
            return this;
        }

        Builder seed(Long s) {
            seed = s;
            return this;
        }

        Builder root(Path folder) {
            root = folder;
            return this;
        }

        Builder summary(Path file) {
            summary = file;
            return this;
        }

        /** The slowdown knob's JVM flags for the current side's forks (none: A/A). */
        Builder knob(List<String> flags) {
            knob = flags;
            return this;
        }

        Builder rerunAbove(double cpus) {
            rerunAbove = cpus;
            return this;
        }

        Builder lockWaitMinutes(double minutes) {
            lockWaitMinutes = minutes;
            return this;
        }

        /** The command line, as run.json records it. */
        Builder command(List<String> args) {
            command = args;
            return this;
        }

        AbOptions build() {
            return new AbOptions(
                    profile,
                    pairs,
                    budgetSeconds,
                    budgetFromMillis,
                    filter,
                    benchmarks,
                    counters,
                    threads,
                    gate,
                    sideBySide,
                    seed != null ? seed : new java.security.SecureRandom().nextLong(),
                    root,
                    summary,
                    knob,
                    rerunAbove,
                    lockWaitMinutes,
                    command);
        }
    }
}
