package io.counterbench.sim;

import java.util.Locale;

/**
 * When and where a task migrates: every {@code every}-th operation of the task (0: never by count)
 * and/or with probability {@code probability} before each of its operations, to a CPU chosen by
 * {@code where}.
 */
record MigrationRule(Migration where, long every, double probability) {
    static final MigrationRule STAY = new MigrationRule(Migration.STAY, 0, 0);

    MigrationRule {
        if (every < 0) {
            throw new IllegalArgumentException("--every must be >= 0 operations, got " + every);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("--migrate-probability must be in [0, 1], got " + probability);
        }
    }

    static MigrationRule every(Migration where, long every) {
        return new MigrationRule(where, every, 0);
    }

    static MigrationRule probability(Migration where, double p) {
        return new MigrationRule(where, 0, p);
    }

    boolean moves() {
        return where != Migration.STAY && (every > 0 || probability > 0);
    }

    String label() {
        if (!moves()) {
            return "stay";
        }
        StringBuilder s = new StringBuilder(where.label());
        if (every > 0) {
            s.append(every == 1 ? " every op" : " every " + every + " ops");
        }
        if (probability > 0) {
            s.append(every > 0 ? " and" : "").append(String.format(Locale.ROOT, " p=%s/op", fmt(probability)));
        }
        return s.toString();
    }

    private static String fmt(double p) {
        String s = Double.toString(p);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
