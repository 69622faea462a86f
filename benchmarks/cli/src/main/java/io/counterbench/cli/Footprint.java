package io.counterbench.cli;

import io.counterbench.bench.ReadBenchmark;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterBuilder;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.PerCpuArena;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Retained memory of counters, measured with JOL: the object graph of one counter, and of a group
 * of four built together (an mm's RSS counters), less the configuration shared by every counter of
 * the same topology (tree shape, CPU maps), as the kernel's boot-time config is.
 *
 * <p>Per-CPU slots live in a {@link PerCpuArena} chunk that many counters share, so the chunk is
 * left out of the graph and each counter is charged its share of a full chunk instead: slots used x
 * (bytes of one chunk, region padding and array header included) / slots per chunk. That is what a
 * counter costs once the arena holds many; a lone counter keeps a whole chunk alive (see
 * {@link Row#chunkBytes}). Beside each row, the bytes the kernel's layout of the same structure
 * needs ({@link CounterFactory#kernelLayoutBytes}), computed from the structure.
 *
 * <p>A counter contributed with --counter-jar is measured whole: JOL's graph of one counter and of a
 * group of four, with nothing left out (its builder does not say what it shares) and no kernel figure.
 */
public final class Footprint {
    /**
     * One measurement. Bytes are JOL's totalSize of the reachable graph without shared configuration
     * and arena, plus the arena share.
     *
     * @param slotShareBytes bytes of one arena slot's share of a full chunk (0 without an arena)
     * @param chunkBytes     bytes of one whole arena chunk (0 without an arena)
     * @param kernelBytes    the kernel layout's bytes for one counter, -1 where the kernel has none
     */
    public record Row(
            String id,
            int cpus,
            long oneBytes,
            long groupOf4Bytes,
            long sharedConfigBytes,
            long slotShareBytes,
            long chunkBytes,
            long kernelBytes) {}

    private Footprint() {}

    public static List<Row> measure(List<? extends CounterType> types, int[] cpuCounts) {
        List<Row> rows = new ArrayList<>();
        for (int cpus : cpuCounts) {
            Topology t = TopologySources.load(ReadBenchmark.virtual(cpus));
            for (CounterType type : types) {
                rows.add(measure(type, t, cpus));
            }
        }
        return rows;
    }

    static Row measure(CounterType type, Topology t, int cpus) {
        CounterBuilder builder = type.factory(t, 0);
        if (!(builder instanceof CounterFactory f)) {
            return measureWhole(type.id(), builder, cpus);
        }
        Counter one = f.create();
        Counter[] group = f.createGroup(4);
        try {
            Object[] shared = f.sharedConfiguration();
            PerCpuArena arena = f.arena();
            Object[] excluded = arena == null ? shared : append(shared, arena);
            GraphLayout config = shared.length == 0 ? null : GraphLayout.parseInstance(shared);
            GraphLayout left = excluded.length == 0 ? null : GraphLayout.parseInstance(excluded);
            long chunk = arena == null ? 0 : chunkBytes(arena);
            long share = arena == null ? 0 : Math.ceilDiv(chunk, PerCpuArena.SLOTS_PER_CHUNK);
            long oneBytes = without(GraphLayout.parseInstance(one), left) + share;
            long groupBytes = without(GraphLayout.parseInstance((Object[]) group), left) + group.length * share;
            return new Row(
                    type.id(),
                    cpus,
                    oneBytes,
                    groupBytes,
                    config == null ? 0 : config.totalSize(),
                    share,
                    chunk,
                    f.kernelLayoutBytes());
        } finally {
            one.close();
            for (Counter c : group) {
                c.close();
            }
        }
    }

    /** A contributed counter: its whole graph, one and a group of four, nothing shared known, no kernel layout. */
    private static Row measureWhole(String id, CounterBuilder builder, int cpus) {
        Counter one = builder.create();
        Counter[] group = builder.createGroup(4);
        try {
            return new Row(
                    id,
                    cpus,
                    GraphLayout.parseInstance(one).totalSize(),
                    GraphLayout.parseInstance((Object[]) group).totalSize(),
                    0,
                    0,
                    0,
                    -1);
        } finally {
            one.close();
            for (Counter c : group) {
                c.close();
            }
        }
    }

    /** A chunk's array as the VM lays it out: header, the longs, alignment. */
    static long chunkBytes(PerCpuArena arena) {
        long raw = VM.current().arrayHeaderSize() + 8L * arena.chunkLongs();
        int align = VM.current().objectAlignment();
        return Math.ceilDiv(raw, align) * align;
    }

    private static Object[] append(Object[] a, Object x) {
        Object[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = x;
        return r;
    }

    private static long without(GraphLayout g, GraphLayout excluded) {
        return excluded == null ? g.totalSize() : g.subtract(excluded).totalSize();
    }
}
