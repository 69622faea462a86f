package io.counterbench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the scheduler model moves a task when it migrates. */
enum Migration {
    STAY("stay", "never migrates"),
    ANYWHERE("anywhere", "to any other CPU"),
    LLC("llc", "to another CPU of the same LLC"),
    NODE("node", "to another CPU of the same NUMA node"),
    PACKAGE("package", "to a CPU of another package (any CPU on one package)"),
    NEXT("next", "to the next CPU number, round robin (a sequential hop)");

    private final String label;
    private final String description;

    Migration(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    static Migration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Migration m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown migration policy '" + text + "' (known: "
                + Arrays.stream(values()).map(Migration::label).collect(Collectors.joining(", ")) + ")");
    }
}
