package io.counterbench.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the topology tree: a package, a NUMA node, an LLC, a core or a PU. {@code id} is dense
 * within its level, in tree order; {@code osIndex} is the number the source gave it (the OS CPU
 * number for a PU), or -1 when the source gave none.
 */
public final class Domain {
    private final Level level;
    private final int id;
    private final int osIndex;
    private final Domain parent;
    private final List<Domain> children = new ArrayList<>();
    private int[] cpus = new int[0];

    Domain(Level level, int id, int osIndex, Domain parent) {
        this.level = level;
        this.id = id;
        this.osIndex = osIndex;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public Level level() {
        return level;
    }

    public int id() {
        return id;
    }

    public int osIndex() {
        return osIndex;
    }

    public Domain parent() {
        return parent;
    }

    public List<Domain> children() {
        return Collections.unmodifiableList(children);
    }

    /** OS CPU numbers of the PUs under this domain, ascending. */
    public int[] cpus() {
        return cpus.clone();
    }

    public int cpuCount() {
        return cpus.length;
    }

    void setCpus(int[] cpus) {
        this.cpus = cpus;
    }

    @Override
    public String toString() {
        return level.shortName() + "#" + id + (osIndex >= 0 ? "(os " + osIndex + ")" : "");
    }
}
