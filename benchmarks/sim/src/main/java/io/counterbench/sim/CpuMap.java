package io.counterbench.sim;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A topology flattened into arrays for the simulator's inner loop: each CPU's core, LLC, NUMA node
 * and package, the CPUs of every domain, and the distance class of two CPUs without allocation.
 */
public final class CpuMap {
    /** Distance classes of two different CPUs, nearest first (same PU is not a class: no move). */
    static final int SIBLING = 0;

    static final int OTHER_CORE = 1;
    static final int OTHER_LLC = 2;
    static final int OTHER_NODE = 3;
    static final int OTHER_PACKAGE = 4;
    static final int CLASSES = 5;

    private final Topology topology;
    private final int[] cpus;
    private final int[] coreOf;
    private final int[] llcOf;
    private final int[] nodeOf;
    private final int[] packageOf;
    private final int[][] llcCpus;
    private final int[][] nodeCpus;
    private final int[][] outsidePackage;

    private CpuMap(Topology t) {
        this.topology = t;
        this.cpus = t.cpus();
        int limit = t.cpuIdLimit();
        this.coreOf = map(t, Level.CORE, limit);
        this.llcOf = map(t, Level.LLC, limit);
        this.nodeOf = map(t, Level.NUMA, limit);
        this.packageOf = map(t, Level.PACKAGE, limit);
        this.llcCpus = members(llcOf, t.domainCount(Level.LLC));
        this.nodeCpus = members(nodeOf, t.domainCount(Level.NUMA));
        int packages = t.domainCount(Level.PACKAGE);
        this.outsidePackage = new int[packages][];
        for (int p = 0; p < packages; p++) {
            int pk = p;
            int[] others = Arrays.stream(cpus).filter(c -> packageOf[c] != pk).toArray();
            outsidePackage[p] = others.length == 0 ? cpus : others;
        }
    }

    public static CpuMap of(Topology t) {
        return new CpuMap(t);
    }

    private static int[] map(Topology t, Level level, int limit) {
        int[] m = new int[limit];
        Arrays.fill(m, -1);
        for (int cpu : t.cpus()) {
            m[cpu] = t.domainId(cpu, level);
        }
        return m;
    }

    private int[][] members(int[] domainOf, int count) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        for (int cpu : cpus) {
            lists.get(domainOf[cpu]).add(cpu);
        }
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    public Topology topology() {
        return topology;
    }

    /** Real CPU ids, ascending (shared: do not modify). */
    int[] cpus() {
        return cpus;
    }

    int cpuCount() {
        return cpus.length;
    }

    int nodeOf(int cpu) {
        return nodeOf[cpu];
    }

    /** The distance class of two different CPUs ({@link #SIBLING} .. {@link #OTHER_PACKAGE}). */
    int distanceClass(int a, int b) {
        if (packageOf[a] != packageOf[b]) {
            return OTHER_PACKAGE;
        }
        if (nodeOf[a] != nodeOf[b]) {
            return OTHER_NODE;
        }
        if (llcOf[a] != llcOf[b]) {
            return OTHER_LLC;
        }
        return coreOf[a] != coreOf[b] ? OTHER_CORE : SIBLING;
    }

    /** CPUs of {@code cpu}'s LLC (shared: do not modify). */
    int[] llcCpus(int cpu) {
        return llcCpus[llcOf[cpu]];
    }

    /** CPUs of {@code cpu}'s NUMA node (shared: do not modify). */
    int[] nodeCpus(int cpu) {
        return nodeCpus[nodeOf[cpu]];
    }

    /** CPUs outside {@code cpu}'s package, or every CPU on a one-package machine (shared: do not modify). */
    int[] outsidePackage(int cpu) {
        return outsidePackage[packageOf[cpu]];
    }

    /** Index of {@code cpu} in {@link #cpus()}. */
    int indexOf(int cpu) {
        return Arrays.binarySearch(cpus, cpu);
    }
}
