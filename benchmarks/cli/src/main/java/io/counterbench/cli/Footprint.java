package io.counterbench.cli;

import io.counterbench.bench.ReadBenchmark;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained memory of counters, measured with JOL: the object graph of one counter, and of a group
 * of four sharing per-CPU memory (an mm's RSS counters), less the configuration shared by every
 * counter of the same topology (tree shape, CPU maps), as the kernel's boot-time config is.
 */
public final class Footprint {
    /** One measurement. Bytes are JOL's totalSize of the reachable graph. */
    public record Row(CounterId id, int cpus, long oneBytes, long groupOf4Bytes, long sharedConfigBytes) {
    }

    private Footprint() {
    }

    public static List<Row> measure(List<CounterId> ids, int[] cpuCounts) {
        List<Row> rows = new ArrayList<>();
        for (int cpus : cpuCounts) {
            Topology t = TopologySources.load(ReadBenchmark.virtual(cpus));
            for (CounterId id : ids) {
                rows.add(measure(id, t, cpus));
            }
        }
        return rows;
    }

    static Row measure(CounterId id, Topology t, int cpus) {
        CounterFactory f = id.factory(t, 0);
        Counter one = f.create();
        Counter[] group = f.createGroup(4);
        Object[] shared = f.sharedConfiguration();
        GraphLayout config = shared.length == 0 ? null : GraphLayout.parseInstance(shared);
        long oneBytes = withoutConfig(GraphLayout.parseInstance(one), config);
        long groupBytes = withoutConfig(GraphLayout.parseInstance((Object[]) group), config);
        return new Row(id, cpus, oneBytes, groupBytes, config == null ? 0 : config.totalSize());
    }

    private static long withoutConfig(GraphLayout g, GraphLayout config) {
        return config == null ? g.totalSize() : g.subtract(config).totalSize();
    }
}
