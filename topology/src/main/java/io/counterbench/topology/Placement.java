package io.counterbench.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Where benchmark threads go: thread i runs on {@code cpusFor(...)[i]}. Placements depend only on
 * the topology tree (and the CPUs the process may use), never on the OS numbering, so compact means
 * SMT siblings first whether Linux numbers them c, c+1 or c, c+N/2.
 */
public enum Placement {
    /** Siblings first: PUs in logical (tree) order, filling a core, then an LLC, then a package. */
    COMPACT("compact"),
    /** Across packages, then LLCs, then cores first: round-robin over the tree at every level. */
    SPREAD("spread"),
    /** The first PU of each core, in spread order; at most one thread per core. */
    ONE_PER_CORE("one-per-core"),
    /** No pinning: the OS decides; every entry is -1. */
    NONE("none");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    /** The name users write: compact, spread, one-per-core, none. */
    public String label() {
        return label;
    }

    /** Parses a label (or the enum name), case-insensitively. */
    public static Placement parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Placement p : values()) {
            if (p.label.equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown placement '" + text + "' (known: compact, spread, one-per-core, none)");
    }

    /** CPUs for {@code threads} threads on any PU of the topology. */
    public int[] cpusFor(Topology t, int threads) {
        return place(t, threads, null);
    }

    /**
     * CPUs for {@code threads} threads using only the {@code allowed} CPUs (those of {@code allowed}
     * outside the topology are ignored); an IllegalArgumentException says when they are too few.
     */
    public int[] cpusFor(Topology t, int threads, int[] allowed) {
        return place(t, threads, allowed.clone());
    }

    private int[] place(Topology t, int threads, int[] allowed) {
        if (threads <= 0) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        if (this == NONE) {
            int[] none = new int[threads];
            Arrays.fill(none, -1);
            return none;
        }
        BitSet usable = new BitSet();
        for (int cpu : allowed == null ? t.cpus() : allowed) {
            if (t.hasCpu(cpu)) {
                usable.set(cpu);
            }
        }
        int[] order = switch (this) {
            case COMPACT -> compactOrder(t, usable);
            case SPREAD -> spreadOrder(t.root(), usable);
            case ONE_PER_CORE -> firstPerCore(t, spreadOrder(t.root(), usable));
            case NONE -> throw new AssertionError();
        };
        if (threads > order.length) {
            String unit = this == ONE_PER_CORE ? "cores" : "CPUs";
            String have = allowed == null
                    ? "topology '" + t.name() + "' has " + order.length
                    : "the process may use " + order.length + (this == ONE_PER_CORE ? " (on CPUs " : " (")
                            + CpuList.format(usable.stream().toArray()) + ")";
            throw new IllegalArgumentException(
                    "placement " + label + " needs " + threads + " " + unit + " but " + have);
        }
        return Arrays.copyOf(order, threads);
    }

    private static int[] compactOrder(Topology t, BitSet usable) {
        return t.domains(Level.PU).stream()
                .mapToInt(Domain::osIndex)
                .filter(usable::get)
                .toArray();
    }

    /** Interleaves the children's orders: the i-th CPU of every child before any child's (i+1)-th. */
    private static int[] spreadOrder(Domain d, BitSet usable) {
        if (d.level() == Level.PU) {
            return usable.get(d.osIndex()) ? new int[] {d.osIndex()} : new int[0];
        }
        List<int[]> kids = new ArrayList<>();
        int total = 0;
        for (Domain c : d.children()) {
            int[] o = spreadOrder(c, usable);
            if (o.length > 0) {
                kids.add(o);
                total += o.length;
            }
        }
        int[] out = new int[total];
        int n = 0;
        for (int round = 0; n < total; round++) {
            for (int[] o : kids) {
                if (round < o.length) {
                    out[n++] = o[round];
                }
            }
        }
        return out;
    }

    private static int[] firstPerCore(Topology t, int[] spread) {
        BitSet coresSeen = new BitSet();
        return Arrays.stream(spread)
                .filter(cpu -> {
                    int core = t.domainId(cpu, Level.CORE);
                    boolean first = !coresSeen.get(core);
                    coresSeen.set(core);
                    return first;
                })
                .toArray();
    }
}
