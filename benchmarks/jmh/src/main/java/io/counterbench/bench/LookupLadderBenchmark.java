package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Rseq;
import io.counterbench.topology.TopologySources;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What: tree's add(delta) (cpu=lookup) taken apart, one step of its path at a time, so that each
 * nanosecond of the lookup gap has an owner (issue 22, docs/forensics.md). Every rung is the one
 * before it plus one step, and the atomic add's slot depends on each step's result by data (a
 * "+ (x >>> 63)" that is 0 at run time but unknown to the JIT), as the real path's slot depends on
 * the CPU it looked up:
 *   r0atomic      getAndAdd on a fixed slot of an arena-like long[] (the cpu=known add, bare)
 *   r1thread      + Thread.currentThread().threadId()
 *   r2entry       + the table entry for that id (an array load, then the entry's owner id)
 *   r3owner       + the owner check (entry != null, owner id == thread id), then the entry's rseq address
 *   r4rseq        + the opaque load of rseq's cpu_id: the slot is now cpu x region + base
 *   r5range       + the CPU range checks (within the counter's CPUs, compareUnsigned as TreeCounter)
 *   r6checks      + the overflow check of the add and the carry check (the complete fast path)
 *   treeLookup / treeKnown: the real TreeCounter's add(delta) and add(cpu, 0, delta); adder: LongAdder
 * The table, the entry and the arena are this class's own copies of CpuId's and PerCpuArena's
 * layout (same sizes, same indexing); treeLookup is the real code they are checked against.
 *
 * Hypothesis (the README's): the steps cost little alone (CpuIdBenchmark: 0.76 ns over the empty
 * loop for CpuId.current()), but behind the previous add's locked instruction the dependent loads
 * (thread -> entry -> address -> cpu_id) wait, so one rung costs much more than it does alone.
 *
 * Surprise would be: r6checks far from treeLookup (the copy is not the real path), or the whole
 * gap in one rung that has no load (r5range, r6checks).
 *
 * Run just this: ./run-bench.sh jmh -- LookupLadderBenchmark -f 5
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
@Threads(1)
public class LookupLadderBenchmark {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** CpuId's table: 4096 entries indexed by thread id. */
    private static final Entry[] TABLE = new Entry[1 << 12];
    /** PerCpuArena's layout: 16 longs of padding, then per region 48 slots and 16 longs of padding. */
    private static final int PAD = 16;

    private static final int REGION = 64;

    /** CpuId's fields that current() reads: the owner's id and the rseq cpu_id address. */
    static final class Entry {
        final long ownerId;
        final long address;

        Entry(long ownerId, long address) {
            this.ownerId = ownerId;
            this.address = address;
        }
    }

    @State(Scope.Thread)
    public static class Path {
        long[] arena;
        int base;
        int cpuLimit;
        int cpu;
        long mask;
        long slowPaths;
        Counter tree;
        final LongAdder adder = new LongAdder();

        @Setup(Level.Trial)
        public void setUp() {
            cpu = Affinity.currentCpu();
            Affinity.pin(cpu); // the known CPU stays the thread's own
            cpuLimit = Runtime.getRuntime().availableProcessors();
            arena = new long[PAD + Math.max(cpuLimit, cpu + 1) * REGION];
            base = PAD + 3;
            mask = 32; // tree's level-0 batch on a small machine
            long address = Rseq.cpuIdAddressOfCurrentThread();
            if (address == 0) {
                throw new IllegalStateException("no rseq here: the ladder needs the rseq cpu_id load");
            }
            long id = Thread.currentThread().threadId();
            TABLE[(int) id & (TABLE.length - 1)] = new Entry(id, address);
            tree = CounterTypes.parse("tree")
                    .factory(TopologySources.load("host"), 0)
                    .create();
        }

        @TearDown(Level.Trial)
        public void check() {
            long sum = 0;
            for (long v : arena) {
                sum += v;
            }
            if (sum + tree.precise() + adder.sum() <= 0) { // each rung adds to one of the three
                throw new IllegalStateException("the ladder's adds went nowhere");
            }
        }
    }

    @Benchmark
    public long r0atomic(Path p) {
        return (long) LONGS.getAndAdd(p.arena, p.cpu * REGION + p.base, 1L);
    }

    @Benchmark
    public long r1thread(Path p) {
        long id = Thread.currentThread().threadId();
        return (long) LONGS.getAndAdd(p.arena, p.cpu * REGION + p.base + (int) (id >>> 63), 1L);
    }

    @Benchmark
    public long r2entry(Path p) {
        long id = Thread.currentThread().threadId();
        Entry e = TABLE[(int) id & (TABLE.length - 1)];
        return (long) LONGS.getAndAdd(p.arena, p.cpu * REGION + p.base + (int) (e.ownerId >>> 63), 1L);
    }

    @Benchmark
    public long r3owner(Path p) {
        long id = Thread.currentThread().threadId();
        Entry e = TABLE[(int) id & (TABLE.length - 1)];
        if (e == null || e.ownerId != id) {
            throw new IllegalStateException("not this thread's entry");
        }
        return (long) LONGS.getAndAdd(p.arena, p.cpu * REGION + p.base + (int) (e.address >>> 63), 1L);
    }

    @Benchmark
    public long r4rseq(Path p) {
        long id = Thread.currentThread().threadId();
        Entry e = TABLE[(int) id & (TABLE.length - 1)];
        if (e == null || e.ownerId != id) {
            throw new IllegalStateException("not this thread's entry");
        }
        int cpu = Rseq.read(e.address);
        return (long) LONGS.getAndAdd(p.arena, cpu * REGION + p.base, 1L);
    }

    @Benchmark
    public long r5range(Path p) {
        return (long) LONGS.getAndAdd(p.arena, slot(p), 1L);
    }

    @Benchmark
    public long r6checks(Path p) {
        int slot = slot(p);
        long orig = (long) LONGS.getAndAdd(p.arena, slot, 1L);
        long res = orig + 1;
        if (((orig ^ res) & (1 ^ res)) < 0) {
            throw new ArithmeticException("overflow");
        }
        if (((orig ^ res) & p.mask) != 0) {
            p.slowPaths++; // where the tree would carry
        }
        return orig;
    }

    @Benchmark
    public void treeLookup(Path p) {
        p.tree.add(1);
    }

    @Benchmark
    public void treeKnown(Path p) {
        p.tree.add(p.cpu, 0, 1);
    }

    @Benchmark
    public void adder(Path p) {
        p.adder.increment();
    }

    /** r4's lookup plus the range checks of CurrentCpu.within and TreeCounter.add. */
    private static int slot(Path p) {
        long id = Thread.currentThread().threadId();
        Entry e = TABLE[(int) id & (TABLE.length - 1)];
        if (e == null || e.ownerId != id) {
            throw new IllegalStateException("not this thread's entry");
        }
        int cpu = Rseq.read(e.address);
        int limit = p.cpuLimit;
        cpu = cpu < limit ? cpu : cpu % limit;
        if (Integer.compareUnsigned(cpu, limit) >= 0) {
            throw new IllegalArgumentException("CPU " + cpu + " out of range");
        }
        return cpu * REGION + p.base;
    }
}
