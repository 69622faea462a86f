package io.counterbench.counters;

import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologyBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Topologies the tests run on: 1, 2, 3 and 250 CPUs linear (one package, node and LLC, one PU per
 * core); 8, 256, 384 and 1024 CPUs structured like a 2-socket server: 2 packages, 2 NUMA nodes per
 * package, LLCs of (at most) 8 cores inside a node, SMT2 with siblings c and c + N/2.
 */
public final class TestTopologies {
    public static final int[] SIZES = {1, 2, 3, 8, 250, 256, 384, 1024};
    private static final Map<Integer, Topology> CACHE = new ConcurrentHashMap<>();

    private TestTopologies() {}

    public static Topology of(int cpus) {
        return CACHE.computeIfAbsent(cpus, n -> structured(n) ? buildStructured(n) : buildLinear(n));
    }

    public static Stream<Topology> all() {
        return IntStream.of(SIZES).mapToObj(TestTopologies::of);
    }

    /** Whether {@code cpus} gets the 2-package SMT shape (even sizes of at least 8). */
    public static boolean structured(int cpus) {
        return cpus >= 8 && cpus % 8 == 0;
    }

    /** NUMA nodes of the topology of {@code cpus} CPUs (4 when structured, else 1). */
    public static int nodes(int cpus) {
        return structured(cpus) ? 4 : 1;
    }

    private static Topology buildLinear(int n) {
        TopologyBuilder b = new TopologyBuilder("lin" + n, "test");
        for (int cpu = 0; cpu < n; cpu++) {
            b.pu(cpu, 0, 0, 0, 0, cpu);
        }
        return b.build();
    }

    private static Topology buildStructured(int n) {
        TopologyBuilder b = new TopologyBuilder("smt" + n, "test");
        int cores = n / 2;
        int coresPerPackage = cores / 2;
        int coresPerNode = cores / 4;
        for (int core = 0; core < cores; core++) {
            int pkg = core / coresPerPackage;
            int node = core / coresPerNode;
            int llc = node * 1000 + (core % coresPerNode) / 8;
            b.pu(core, pkg, 0, node, llc, core);
            b.pu(core + cores, pkg, 0, node, llc, core);
        }
        return b.build();
    }
}
