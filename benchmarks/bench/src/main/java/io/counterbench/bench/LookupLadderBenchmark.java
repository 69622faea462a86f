package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.CpuId;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Rseq;
import io.counterbench.topology.TopologySources;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 *   then one copied piece at a time replaced by the real one (each on r6checks):
 *   r7cpuid       r6checks with the real CpuId.current() (and CurrentCpu.within's fold) as the lookup
 *   r8handle      r6checks with a kept real CpuId handle (cpuWithin) as the lookup (cpu=handle)
 *   r9addCopy     r7cpuid calling a copy of TreeCounter.add(cpu, task, delta): its range check, delta == 0
 *                 return, try/finally with reachabilityFence, exact add, and a not-taken carry call site
 *   r10realArena  r9addCopy on the real tree's own level-0 slot (its arena chunk, found by reflection)
 *   r11realAdd    the real CpuId.current() and fold here, then the real add(cpu, 0, delta) through Counter
 *   c0copy        a line-by-line copy of TreeCounter.add(delta)'s path (LadderTreeCopy) on the real slot
 *   c1maskCarry   c0copy with Carry.of replaced by the ladder's mask test
 *   c2noCall      c0copy without the (not inlined) propagate call site
 *   c3outOfLine   c0copy in TreeCounter's new shape: a cheap carry test in line, Carry.of and the call out of line
 *   treeLookup / treeKnown: the real TreeCounter's add(delta) and add(cpu, 0, delta); adder: LongAdder
 *   treeHandle    the real add(CpuId, delta) with a kept handle
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
        CpuId handle;
        long[] treeArena;
        int treeBase;
        LadderTreeCopy copy;
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
            handle = CpuId.ofCurrentThread();
            tree = CounterTypes.parse("tree")
                    .factory(TopologySources.load("host"), 0)
                    .create();
            try {
                var level0 = tree.getClass().getDeclaredField("level0");
                var treeBaseField = tree.getClass().getDeclaredField("base");
                level0.setAccessible(true);
                treeBaseField.setAccessible(true);
                treeArena = (long[]) level0.get(tree);
                treeBase = treeBaseField.getInt(tree);
                var mask0 = tree.getClass().getDeclaredField("mask0");
                mask0.setAccessible(true);
                copy = new LadderTreeCopy(treeArena, treeBase, cpuLimit, mask0.getLong(tree));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("r10realArena needs TreeCounter's level0 and base: " + e, e);
            }
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
    public long r7cpuid(Path p) {
        int limit = p.cpuLimit;
        int cpu = CpuId.current();
        cpu = cpu < limit ? cpu : cpu % limit;
        return checkedAdd(p, cpu, limit);
    }

    @Benchmark
    public long r8handle(Path p) {
        int limit = p.cpuLimit;
        return checkedAdd(p, p.handle.cpuWithin(limit), limit);
    }

    @Benchmark
    public void r9addCopy(Path p) {
        int limit = p.cpuLimit;
        int cpu = CpuId.current();
        addCopy(p, p.arena, p.base, cpu < limit ? cpu : cpu % limit, 1L);
    }

    @Benchmark
    public void r10realArena(Path p) {
        int limit = p.cpuLimit;
        int cpu = CpuId.current();
        addCopy(p, p.treeArena, p.treeBase, cpu < limit ? cpu : cpu % limit, 1L);
    }

    @Benchmark
    public void r11realAdd(Path p) {
        int limit = p.cpuLimit;
        int cpu = CpuId.current();
        p.tree.add(cpu < limit ? cpu : cpu % limit, 0, 1L);
    }

    @Benchmark
    public void c0copy(Path p) {
        p.copy.add(1);
    }

    @Benchmark
    public void c1maskCarry(Path p) {
        p.copy.addMaskCarry(1);
    }

    @Benchmark
    public void c2noCall(Path p) {
        p.copy.addNoCall(1);
    }

    @Benchmark
    public void c3outOfLine(Path p) {
        p.copy.addOutOfLine(1);
    }

    @Benchmark
    public void treeHandle(Path p) {
        p.tree.add(p.handle, 1);
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

    /** r6checks' range check, add and checks on a CPU found by the caller. */
    private static long checkedAdd(Path p, int cpu, int limit) {
        if (Integer.compareUnsigned(cpu, limit) >= 0) {
            throw new IllegalArgumentException("CPU " + cpu + " out of range");
        }
        int slot = cpu * REGION + p.base;
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

    /** A copy of TreeCounter.add(cpu, task, delta)'s shape on the ladder's arena (see r9addCopy). */
    private static void addCopy(Path p, long[] arena, int base, int cpu, long delta) {
        if (Integer.compareUnsigned(cpu, p.cpuLimit) >= 0) {
            throw new IllegalArgumentException("CPU " + cpu + " out of range");
        }
        if (delta == 0) {
            return;
        }
        try {
            int slot = cpu * REGION + base;
            long orig = (long) LONGS.getAndAdd(arena, slot, delta);
            long res = orig + delta;
            if (((orig ^ res) & (delta ^ res)) < 0) {
                LONGS.getAndAdd(arena, slot, -delta);
                throw new ArithmeticException("overflow");
            }
            if (((orig ^ res) & p.mask) != 0) {
                try {
                    carry(p, cpu, (orig ^ res) & p.mask);
                } catch (ArithmeticException e) {
                    LONGS.getAndAdd(arena, slot, -delta);
                    throw e;
                }
            }
        } finally {
            Reference.reachabilityFence(p);
        }
    }

    /** Where the tree carries (the slow path): counted, not carried; a call, as TreeCounter's propagate. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void carry(Path p, int cpu, long c) {
        if (c == Long.MIN_VALUE) {
            throw new ArithmeticException("carry " + cpu);
        }
        p.slowPaths++;
    }
}
