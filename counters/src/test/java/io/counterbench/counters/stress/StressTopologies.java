package io.counterbench.counters.stress;

import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologyBuilder;

/** Small linear topologies for the jcstress tests (one package, node and LLC; one PU per core). */
final class StressTopologies {
    static final Topology TWO = linear(2);
    static final Topology FOUR = linear(4);

    private StressTopologies() {}

    private static Topology linear(int n) {
        TopologyBuilder b = new TopologyBuilder("stress" + n, "jcstress");
        for (int cpu = 0; cpu < n; cpu++) {
            b.pu(cpu, 0, 0, 0, 0, cpu);
        }
        return b.build();
    }
}
