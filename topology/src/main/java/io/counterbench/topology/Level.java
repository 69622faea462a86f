package io.counterbench.topology;

import java.util.Locale;

/**
 * The levels of a CPU topology tree, outermost first. Every topology has all of them; a level the
 * source does not describe (a die, say) is one domain per parent.
 */
public enum Level {
    MACHINE("machine"),
    PACKAGE("pack"),
    DIE("die"),
    NUMA("numa"),
    LLC("l3"),
    CORE("core"),
    PU("pu");

    private final String shortName;

    Level(String shortName) {
        this.shortName = shortName;
    }

    /** The short name used in hwloc synthetic strings and in printed trees ("pack", "l3", "pu"). */
    public String shortName() {
        return shortName;
    }

    public String displayName() {
        return switch (this) {
            case NUMA -> "NUMA node";
            case LLC -> "LLC";
            case PU -> "PU";
            default -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** The next level inwards, or null for PU. */
    public Level child() {
        return this == PU ? null : values()[ordinal() + 1];
    }
}
