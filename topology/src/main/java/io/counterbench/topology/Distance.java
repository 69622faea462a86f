package io.counterbench.topology;

/** How far apart two CPUs are: the innermost domain they share. Ordered nearest first. */
public enum Distance {
    SAME_PU("same PU"),
    SAME_CORE("same core"),
    SAME_LLC("same LLC"),
    SAME_NODE("same NUMA node"),
    SAME_PACKAGE("same package"),
    REMOTE("remote");

    private final String label;

    Distance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Distance sharing(Level innermostShared) {
        return switch (innermostShared) {
            case PU -> SAME_PU;
            case CORE -> SAME_CORE;
            case LLC -> SAME_LLC;
            case NUMA -> SAME_NODE;
            case PACKAGE, DIE -> SAME_PACKAGE;
            case MACHINE -> REMOTE;
        };
    }
}
