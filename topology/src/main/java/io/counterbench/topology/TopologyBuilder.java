package io.counterbench.topology;

import io.counterbench.inputs.Limits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link Topology} from one record per PU: its OS CPU number and the OS ids of its
 * package, die, NUMA node, LLC and core (-1 where the source does not know one). Domains nest in
 * the fixed order package > die > NUMA node > LLC > core > PU; an LLC that spans NUMA nodes (Intel
 * sub-NUMA clustering) is split at node boundaries, and the builder notes it. Siblings are ordered
 * by their lowest CPU number and ids are dense per level in that tree order (hwloc's logical order).
 * CPU numbers must lie in {@link Limits#CPU_ID}, whichever source gives them.
 */
public final class TopologyBuilder {
    private static final Level[] INNER = {Level.PACKAGE, Level.DIE, Level.NUMA, Level.LLC, Level.CORE};

    private final String name;
    private final String source;
    private final TreeMap<Integer, long[]> pus = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    public TopologyBuilder(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /**
     * Adds one PU. Ids are the source's own numbers (physical_package_id, die_id, node number, an LLC
     * key, core_id); -1 means unknown, and all PUs with an unknown id at a level share one domain
     * under their parent.
     */
    public TopologyBuilder pu(int cpu, int pkg, int die, int node, int llc, int core) {
        if (!Limits.CPU_ID.contains(cpu)) {
            throw new IllegalArgumentException("CPU number " + cpu + ": " + Limits.CPU_ID.rule());
        }
        if (pus.put(cpu, new long[] {pkg, die, node, llc, core}) != null) {
            throw new IllegalArgumentException("CPU " + cpu + " appears twice");
        }
        return this;
    }

    public TopologyBuilder note(String note) {
        notes.add(note);
        return this;
    }

    public int size() {
        return pus.size();
    }

    public Topology build() {
        if (pus.isEmpty()) {
            throw new IllegalArgumentException("topology '" + name + "' has no CPUs");
        }
        Node root = new Node(-1);
        for (Map.Entry<Integer, long[]> e : pus.entrySet()) {
            Node n = root;
            for (long id : e.getValue()) {
                n = n.children.computeIfAbsent(id, Node::new);
            }
            n.children.put((long) e.getKey(), new Node(e.getKey()));
        }
        noteSplitLlcs();
        Map<Level, List<Domain>> byLevel = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            byLevel.put(l, new ArrayList<>());
        }
        root.minCpu();
        Domain machine = materialize(root, Level.MACHINE, null, byLevel);
        return new Topology(name, source, machine, byLevel, notes);
    }

    private Domain materialize(Node node, Level level, Domain parent, Map<Level, List<Domain>> byLevel) {
        List<Domain> list = byLevel.get(level);
        Domain d = new Domain(level, list.size(), level == Level.MACHINE ? -1 : (int) node.osId, parent);
        list.add(d);
        if (level == Level.PU) {
            d.setCpus(new int[] {(int) node.osId});
            return d;
        }
        List<Node> kids = new ArrayList<>(node.children.values());
        kids.sort(Comparator.comparingInt(k -> k.minCpu));
        List<int[]> cpuLists = new ArrayList<>();
        for (Node k : kids) {
            cpuLists.add(materialize(k, level.child(), d, byLevel).cpus());
        }
        d.setCpus(cpuLists.stream()
                .flatMapToInt(java.util.Arrays::stream)
                .sorted()
                .toArray());
        return d;
    }

    private void noteSplitLlcs() {
        Map<String, java.util.Set<Long>> nodesPerLlc = new LinkedHashMap<>();
        for (long[] ids : pus.values()) {
            if (ids[3] >= 0) {
                nodesPerLlc
                        .computeIfAbsent(ids[0] + "/" + ids[1] + "/" + ids[3], k -> new java.util.TreeSet<>())
                        .add(ids[2]);
            }
        }
        long split = nodesPerLlc.values().stream().filter(s -> s.size() > 1).count();
        if (split > 0) {
            notes.add(split + " LLC(s) span several NUMA nodes; each is split at node boundaries in the tree");
        }
    }

    /** Levels a PU record describes, in order; exposed for sources that report per-level facts. */
    static Level[] innerLevels() {
        return INNER.clone();
    }

    private static final class Node {
        final long osId;
        final Map<Long, Node> children = new LinkedHashMap<>();
        int minCpu = Integer.MAX_VALUE;

        Node(long osId) {
            this.osId = osId;
        }

        int minCpu() {
            if (children.isEmpty()) {
                minCpu = (int) osId;
            } else {
                for (Node c : children.values()) {
                    minCpu = Math.min(minCpu, c.minCpu());
                }
            }
            return minCpu;
        }
    }
}
