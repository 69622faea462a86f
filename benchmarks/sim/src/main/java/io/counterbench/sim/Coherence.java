package io.counterbench.sim;

import io.counterbench.counters.CounterFactory;
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
 * {@code adder}, {@code jctools} and contributed counters have no model ({@link #forCounter} returns null);
 * {@link CounterModel} says which lines each counter kind writes and reads.
 *
 * <p>Reads (a read/update mix): a read takes a shared copy of each line it reads; it moves the line
 * when the line was last written by another CPU and the reader has not read it since that write
 * (one reader copy per line is remembered: a second reader's read forgets the first's). A write to
 * a line its writer still owns but another CPU has read since pays one more move, the invalidation
 * of that copy. Both count as moves caused by reads ({@link CoherenceStats#readMoves}). Lines read:
 * approximate() reads the total (flat, per-node, per-thread), the root (trees; level 0 for a 1-CPU
 * tree) or atomic's line; precise() reads every slot line (CPUs, nodes or tasks) and, for flat and
 * per-node, writes the total's line too (it takes the counter's lock with a CAS).
 */
public final class Coherence implements LineObserver {
    /** What the always-written line of an add is keyed by. */
    enum SlotLine {
        CPU,
        NODE,
        TASK,
        SHARED
    }

    private final CpuMap map;
    private final SlotLine slotLine;
    private final int[] slotWriter;
    private int[] upperWriter = new int[16];
    private int current;
    private final long[] slotMoves = new long[CpuMap.CLASSES];
    private final long[] upperMoves = new long[CpuMap.CLASSES];
    private long slotWrites;
    private long upperWrites;
    /**
     * Reads: the slot lines precise() reads ([0, preciseSlots)), the upper line approximate() reads (-1: slot line 0).
     */
    private final int preciseSlots;

    private final int readLine;
    private final boolean preciseLocks;
    private final int[] slotReader;
    private int[] upperReader = new int[16];
    private final long[] readMoves = new long[CpuMap.CLASSES];
    private long reads;

    Coherence(CpuMap map, SlotLine slotLine, int lines, int preciseSlots, int readLine, boolean preciseLocks) {
        this.map = map;
        this.slotLine = slotLine;
        this.slotWriter = new int[lines];
        this.slotReader = new int[lines];
        this.preciseSlots = preciseSlots;
        this.readLine = readLine;
        this.preciseLocks = preciseLocks;
        fresh();
    }

    /**
     * The model without reads' line layout (updates only); see {@link #forCounter(CounterType, CpuMap, int,
     * CounterFactory)}.
     */
    static Coherence forCounter(CounterType type, CpuMap map, int tasks) {
        return forCounter(type, map, tasks, type instanceof CounterId id ? id.factory(map.topology(), 0) : null);
    }

    /**
     * The model for a counter of {@code type} built by {@code factory} (its batch and tree shape give
     * the lines reads touch), or null where its lines cannot be seen ({@link CounterModel#coherence}).
     */
    static Coherence forCounter(CounterType type, CpuMap map, int tasks, CounterFactory factory) {
        return type instanceof CounterId ? CounterModel.of(type).coherence(map, tasks, factory) : null;
    }

    /** A new counter: fresh memory, written and read by nobody yet. */
    void fresh() {
        Arrays.fill(slotWriter, -1);
        Arrays.fill(upperWriter, -1);
        Arrays.fill(slotReader, -1);
        Arrays.fill(upperReader, -1);
    }

    /** A read by {@code task} on {@code cpu}: the lines approximate() or precise() reads (see the class comment). */
    void read(int cpu, int task, boolean precise) {
        reads++;
        if (!precise) {
            if (readLine < 0) {
                readLine(slotWriter, slotReader, slotLine == SlotLine.SHARED ? 0 : cpu, cpu);
            } else {
                growUpper(readLine);
                readLine(upperWriter, upperReader, readLine, cpu);
            }
            return;
        }
        if (preciseLocks) {
            // the lock's CAS: a write of the total's line by the reader
            growUpper(readLine);
            int last = upperWriter[readLine];
            if (last >= 0 && last != cpu) {
                readMoves[map.distanceClass(last, cpu)]++;
            }
            upperWriter[readLine] = cpu;
            upperReader[readLine] = -1;
        }
        for (int line = 0; line < preciseSlots; line++) {
            readLine(slotWriter, slotReader, line, cpu);
        }
        if (readLine >= 0 && !preciseLocks) {
            growUpper(readLine);
            readLine(upperWriter, upperReader, readLine, cpu);
        }
    }

    private void readLine(int[] writer, int[] reader, int line, int cpu) {
        int w = writer[line];
        if (w >= 0 && w != cpu && reader[line] != cpu) {
            readMoves[map.distanceClass(w, cpu)]++;
        }
        if (w >= 0 && w != cpu) {
            reader[line] = cpu;
        }
    }

    /** A write by {@code cpu} to a line it still owns: one more move when another CPU read it since. */
    private void invalidate(int[] reader, int line, int cpu) {
        int r = reader[line];
        if (r >= 0) {
            if (r != cpu) {
                readMoves[map.distanceClass(r, cpu)]++;
            }
            reader[line] = -1;
        }
    }

    private void growUpper(int line) {
        if (line >= upperWriter.length) {
            int old = upperWriter.length;
            int size = Math.max(line + 1, old * 2);
            upperWriter = Arrays.copyOf(upperWriter, size);
            upperReader = Arrays.copyOf(upperReader, size);
            Arrays.fill(upperWriter, old, size, -1);
            Arrays.fill(upperReader, old, size, -1);
        }
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
            slotReader[line] = -1;
        } else {
            invalidate(slotReader, line, cpu);
        }
    }

    /** A slow-path write of the add in progress (called by the counter). */
    @Override
    public void wrote(int line) {
        growUpper(line);
        upperWrites++;
        int last = upperWriter[line];
        if (last != current) {
            if (last >= 0) {
                upperMoves[map.distanceClass(last, current)]++;
            }
            upperWriter[line] = current;
            upperReader[line] = -1;
        } else {
            invalidate(upperReader, line, current);
        }
    }

    CoherenceStats stats(long ops) {
        return new CoherenceStats(
                ops, slotWrites, upperWrites, slotMoves.clone(), upperMoves.clone(), reads, readMoves.clone());
    }
}
