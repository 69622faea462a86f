package io.counterbench.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A CPU topology: a tree machine > package > die > NUMA node > LLC > core > PU, each PU carrying its
 * OS CPU number. Immutable; built by {@link TopologyBuilder} from any source (sysfs, hwloc XML, a
 * synthetic string, a preset).
 */
public final class Topology {
    private final String name;
    private final String source;
    private final Domain root;
    private final int[] cpus;
    private final Map<Level, List<Domain>> domains;
    /** domainIds[level.ordinal()][cpu] = dense id of the domain at that level holding cpu, -1 if no such CPU. */
    private final int[][] domainIds;

    private final List<String> notes;

    Topology(String name, String source, Domain root, Map<Level, List<Domain>> domains, List<String> notes) {
        this.name = name;
        this.source = source;
        this.root = root;
        this.domains = new EnumMap<>(domains);
        this.notes = List.copyOf(notes);
        List<Domain> pus = domains.get(Level.PU);
        this.cpus = pus.stream().mapToInt(Domain::osIndex).sorted().toArray();
        int limit = cpus.length == 0 ? 0 : cpus[cpus.length - 1] + 1;
        this.domainIds = new int[Level.values().length][limit];
        for (int[] row : domainIds) {
            Arrays.fill(row, -1);
        }
        for (Domain pu : pus) {
            for (Domain d = pu; d != null; d = d.parent()) {
                domainIds[d.level().ordinal()][pu.osIndex()] = d.id();
            }
        }
    }

    /** A short name: the preset name, the file name, the synthetic string, or "host". */
    public String name() {
        return name;
    }

    /** Where it came from, for the record: "sysfs /sys/devices/system/cpu", "hwloc XML x.xml", ... */
    public String source() {
        return source;
    }

    /** Remarks the source made while building: what it inferred, what it left out. */
    public List<String> notes() {
        return notes;
    }

    public Domain root() {
        return root;
    }

    /** Number of PUs (logical CPUs) in the topology. */
    public int puCount() {
        return cpus.length;
    }

    /** One more than the highest OS CPU number: the kernel's nr_cpu_ids, the size of per-CPU arrays. */
    public int cpuIdLimit() {
        return domainIds[0].length;
    }

    /** OS CPU numbers, ascending. */
    public int[] cpus() {
        return cpus.clone();
    }

    public boolean hasCpu(int cpu) {
        return cpu >= 0 && cpu < cpuIdLimit() && domainIds[Level.PU.ordinal()][cpu] >= 0;
    }

    /** Domains of a level in tree order; their ids are their positions here. */
    public List<Domain> domains(Level level) {
        return Collections.unmodifiableList(domains.get(level));
    }

    public int domainCount(Level level) {
        return domains.get(level).size();
    }

    /** Dense id of the domain of {@code level} that holds {@code cpu}. */
    public int domainId(int cpu, Level level) {
        requireCpu(cpu);
        return domainIds[level.ordinal()][cpu];
    }

    public Domain domainOf(int cpu, Level level) {
        return domains.get(level).get(domainId(cpu, level));
    }

    /** The domains holding {@code cpu}, from the machine down to its PU. */
    public List<Domain> path(int cpu) {
        List<Domain> path = new ArrayList<>();
        for (Domain d = domainOf(cpu, Level.PU); d != null; d = d.parent()) {
            path.add(0, d);
        }
        return path;
    }

    /** CPUs sharing the domain of {@code level} with {@code cpu} (cpu itself included), ascending. */
    public int[] siblings(int cpu, Level level) {
        return domainOf(cpu, level).cpus();
    }

    /** The innermost domain two CPUs share, as a distance. */
    public Distance distance(int a, int b) {
        requireCpu(a);
        requireCpu(b);
        Level[] levels = Level.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            if (domainIds[i][a] == domainIds[i][b]) {
                return Distance.sharing(levels[i]);
            }
        }
        return Distance.REMOTE;
    }

    /** Largest number of children any domain of {@code level} has (its fan-out in a tree of domains). */
    public int maxFanOut(Level level) {
        int max = 0;
        for (Domain d : domains.get(level)) {
            max = Math.max(max, d.children().size());
        }
        return max;
    }

    private void requireCpu(int cpu) {
        if (!hasCpu(cpu)) {
            throw new IllegalArgumentException(
                    "CPU " + cpu + " is not in topology '" + name + "' (CPUs: " + CpuList.format(cpus) + ")");
        }
    }

    @Override
    public String toString() {
        return name + " (" + cpus.length + " PUs)";
    }
}
