package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.LineObserver;
import java.util.Arrays;

/**
 * The coherence-cost model: every cache line a counter writes remembers the CPU that wrote it last;
 * a write from another CPU moves the line, and the move is classed by the innermost domain the two
 * CPUs share (SMT sibling, other core of the LLC, other LLC of the node, other node of the package,
 * other package). Lines written per add: the always-written one, which the add's arguments name
 * (the CPU's slot, the node's slot, the task's cache, atomic's one line), and the slow-path ones the
 * counter reports through {@link LineObserver} (tree items and root, the flush total).
 * {@code adder}, {@code jctools} and contributed counters have no model ({@link #forCounter} returns null).
 */
final class Coherence implements LineObserver {
    /** What the always-written line of an add is keyed by. */
    enum SlotLine { CPU, NODE, TASK, SHARED }

    private final CpuMap map;
    private final SlotLine slotLine;
    private final int[] slotWriter;
    private int[] upperWriter = new int[16];
    private int current;
    private final long[] slotMoves = new long[CpuMap.CLASSES];
    private final long[] upperMoves = new long[CpuMap.CLASSES];
    private long slotWrites;
    private long upperWrites;

    private Coherence(CpuMap map, SlotLine slotLine, int lines) {
        this.map = map;
        this.slotLine = slotLine;
        this.slotWriter = new int[lines];
        fresh();
    }

    /** The model for a counter of {@code type}, or null where its lines cannot be seen (a contributed counter's neither). */
    static Coherence forCounter(CounterType type, CpuMap map, int tasks) {
        if (!(type instanceof CounterId id)) {
            return null;
        }
        int cpuLimit = map.topology().cpuIdLimit();
        return switch (id) {
            case ADDER, JCTOOLS -> null;
            case ATOMIC -> new Coherence(map, SlotLine.SHARED, 1);
            case PER_THREAD -> new Coherence(map, SlotLine.TASK, tasks);
            case PER_NODE -> new Coherence(map, SlotLine.NODE, cpuLimit);
            case FLAT, TREE, TREE_TOPO -> new Coherence(map, SlotLine.CPU, cpuLimit);
        };
    }

    /** A new counter: fresh memory, written by nobody yet. */
    void fresh() {
        Arrays.fill(slotWriter, -1);
        Arrays.fill(upperWriter, -1);
    }

    /** An add by {@code task} on {@code cpu} is about to run: its always-written line. */
    void beforeAdd(int cpu, int task) {
        current = cpu;
        int line = switch (slotLine) {
            case CPU -> cpu;
            case NODE -> map.nodeOf(cpu);
            case TASK -> task;
            case SHARED -> 0;
        };
        slotWrites++;
        int last = slotWriter[line];
        if (last != cpu) {
            if (last >= 0) {
                slotMoves[map.distanceClass(last, cpu)]++;
            }
            slotWriter[line] = cpu;
        }
    }

    /** A slow-path write of the add in progress (called by the counter). */
    @Override
    public void wrote(int line) {
        if (line >= upperWriter.length) {
            int old = upperWriter.length;
            upperWriter = Arrays.copyOf(upperWriter, Math.max(line + 1, old * 2));
            Arrays.fill(upperWriter, old, upperWriter.length, -1);
        }
        upperWrites++;
        int last = upperWriter[line];
        if (last != current) {
            if (last >= 0) {
                upperMoves[map.distanceClass(last, current)]++;
            }
            upperWriter[line] = current;
        }
    }

    CoherenceStats stats(long ops) {
        return new CoherenceStats(ops, slotWrites, upperWrites, slotMoves.clone(), upperMoves.clone());
    }
}
