package io.counterbench.bench;

import io.counterbench.counters.CpuId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * A line-by-line copy of TreeCounter's add path (add(delta) -> CurrentCpu.within -> add(cpu, task,
 * delta) with Slots.addExact, Carry.of and the not-inlined propagate call), on the real tree's own
 * level-0 array, for LookupLadderBenchmark's copy rungs: each variant differs from the literal copy
 * in one piece, so the rung that loses the lookup gap names the piece that owns it. Only level 0 is
 * kept: a carry is counted, never propagated.
 */
final class LadderTreeCopy {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int REGION = 64;

    private final long[] level0;
    private final int base;
    private final int cpuLimit;
    private final long mask0;
    long carries;

    LadderTreeCopy(long[] level0, int base, int cpuLimit, long mask0) {
        this.level0 = level0;
        this.base = base;
        this.cpuLimit = cpuLimit;
        this.mask0 = mask0;
    }

    /** TreeCounter.add(delta), literally. */
    void add(long delta) {
        add(within(cpuLimit), 0, delta);
    }

    /** The literal copy with Carry.of replaced by the ladder's mask test. */
    void addMaskCarry(long delta) {
        addMaskCarry(within(cpuLimit), delta);
    }

    /** The literal copy without the propagate call site (the carry is counted in line). */
    void addNoCall(long delta) {
        addNoCall(within(cpuLimit), delta);
    }

    /** The shape TreeCounter now has: a cheap test in line, Carry.of and the propagate call out of line. */
    void addOutOfLine(long delta) {
        addOutOfLine(within(cpuLimit), delta);
    }

    private void addOutOfLine(int cpu, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw outOfRange(cpu, cpuLimit);
        }
        if (delta == 0) {
            return;
        }
        try {
            int slot = cpu * REGION + base;
            long orig = addExact(level0, slot, delta);
            if ((((orig ^ (orig + delta)) | Math.abs(delta)) & -mask0) != 0) {
                carry(cpu, slot, orig, delta);
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private void carry(int cpu, int slot, long orig, long delta) {
        long carry = carryOf(orig, orig + delta, delta, mask0);
        if (carry != 0) {
            try {
                propagate(cpu, 1, carry);
            } catch (ArithmeticException e) {
                LONGS.getAndAdd(level0, slot, -delta);
                throw e;
            }
        }
    }

    private static int within(int cpuLimit) {
        int cpu = CpuId.current();
        return cpu < cpuLimit ? cpu : cpu % cpuLimit;
    }

    void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw outOfRange(cpu, cpuLimit);
        }
        if (delta == 0) {
            return;
        }
        try {
            int slot = cpu * REGION + base;
            long orig = addExact(level0, slot, delta);
            long carry = carryOf(orig, orig + delta, delta, mask0);
            if (carry != 0) {
                try {
                    propagate(cpu, 1, carry);
                } catch (ArithmeticException e) {
                    LONGS.getAndAdd(level0, slot, -delta);
                    throw e;
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private void addMaskCarry(int cpu, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw outOfRange(cpu, cpuLimit);
        }
        if (delta == 0) {
            return;
        }
        try {
            int slot = cpu * REGION + base;
            long orig = addExact(level0, slot, delta);
            long res = orig + delta;
            if (((orig ^ res) & mask0) != 0) {
                try {
                    propagate(cpu, 1, (orig ^ res) & mask0);
                } catch (ArithmeticException e) {
                    LONGS.getAndAdd(level0, slot, -delta);
                    throw e;
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private void addNoCall(int cpu, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw outOfRange(cpu, cpuLimit);
        }
        if (delta == 0) {
            return;
        }
        try {
            int slot = cpu * REGION + base;
            long orig = addExact(level0, slot, delta);
            long carry = carryOf(orig, orig + delta, delta, mask0);
            if (carry != 0) {
                carries++;
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Stands for TreeCounter.propagate: a call that is not inlined (as propagate: "too big"), taken on a carry. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void propagate(int cpu, int l, long carry) {
        carries += carry;
        if (carries == Long.MIN_VALUE) {
            throw new ArithmeticException("carry " + carry + " at level " + l + " of CPU " + cpu);
        }
    }

    private static long addExact(long[] a, int i, long delta) {
        long orig = (long) LONGS.getAndAdd(a, i, delta);
        long res = orig + delta;
        if (((orig ^ res) & (delta ^ res)) < 0) {
            LONGS.getAndAdd(a, i, -delta);
            throw new ArithmeticException("counter slot overflow: " + orig + " + " + delta + " leaves the long range");
        }
        return orig;
    }

    private static long carryOf(long orig, long res, long inc, long bitMask) {
        long low = bitMask - 1;
        if (inc < 0) {
            inc = -(-inc & ~low);
            if (((inc ^ orig ^ res) & bitMask) != 0) {
                inc -= bitMask;
            }
        } else {
            inc &= ~low;
            if (((inc ^ orig ^ res) & bitMask) != 0) {
                inc += bitMask;
            }
        }
        return inc;
    }

    private static IllegalArgumentException outOfRange(int cpu, int cpuLimit) {
        return new IllegalArgumentException(
                "CPU " + cpu + " is outside the counter's topology (CPUs 0-" + (cpuLimit - 1) + ")");
    }
}
