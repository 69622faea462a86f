package io.counterbench.counters;

import io.counterbench.topology.Affinity;
import io.counterbench.topology.Rseq;

/**
 * The calling thread's CPU for the cost of a load: a handle that a thread creates once and keeps,
 * as a server keeps per-event-loop state, and passes to {@link Counter#add(CpuId, long)}:
 *
 * <pre>{@code
 * CpuId h = CpuId.ofCurrentThread();   // once per thread
 * counter.add(h, 1);                   // per event
 * }</pre>
 *
 * <p>How it finds the CPU ({@link #lookup()}): an opaque load of {@code cpu_id} in the thread's rseq
 * area that glibc registered ({@link Rseq}); sched_getcpu through FFM when rseq is not registered,
 * on virtual threads (their carrier changes), and whenever the handle is used on a thread other
 * than the one that created it. Such misuse stays correct, only slower: the area of another thread
 * is never read (it may be gone with its thread).
 *
 * <p>Without a handle, {@link #current()} finds the calling thread's handle in a table indexed by
 * thread id: a few loads more than a kept handle, less than a ThreadLocal or sched_getcpu.
 *
 * <p>Cost of {@link #cpu()}: one compare of the owner with {@link Thread#currentThread()} and one
 * load on the owner; a sched_getcpu downcall (a vDSO call, a few ns) otherwise. The CPU may change
 * right after the read, as with sched_getcpu: counters update their slot atomically for that reason.
 * The handle also carries the thread's dense per-thread index, the task per-thread counters add as.
 */
public final class CpuId {
    private static final int TABLE_BITS = 12;
    /** Handles by thread id (low bits); racy but safe: a handle is immutable and checked against the id. */
    private static final CpuId[] BY_THREAD = new CpuId[1 << TABLE_BITS];

    /** The thread whose rseq area {@link #address} is; null when this handle always asks sched_getcpu. */
    private final Thread owner;

    private final long ownerId;
    private final long address;
    /** Why this handle uses sched_getcpu on its own thread; null when it reads rseq. */
    private final String fallback;
    /** The thread that made the handle, whatever its CPU lookup; it alone may use {@link #threadIndex}. */
    private final Thread maker;
    /** The maker's dense per-thread index ({@link ThreadIndex}), or -1 for a virtual thread. */
    private final int threadIndex;

    private CpuId(Thread owner, long ownerId, long address, String fallback, Thread maker, int threadIndex) {
        this.owner = owner;
        this.ownerId = ownerId;
        this.address = address;
        this.fallback = fallback;
        this.maker = maker;
        this.threadIndex = threadIndex;
    }

    /**
     * A handle for the calling thread: keep it and use it from this thread. Reads rseq's cpu_id
     * when glibc registered rseq for this thread (and it agrees with sched_getcpu), else
     * sched_getcpu.
     */
    public static CpuId ofCurrentThread() {
        Thread t = Thread.currentThread();
        int index = t.isVirtual() ? -1 : ThreadIndex.current();
        long address = Rseq.cpuIdAddressOfCurrentThread();
        if (address != 0) {
            return new CpuId(t, t.threadId(), address, null, t, index);
        }
        String why = Rseq.unavailableReason() != null
                ? Rseq.unavailableReason()
                : t.isVirtual() ? "virtual thread" : "rseq cpu_id did not agree with sched_getcpu";
        return new CpuId(null, t.threadId(), 0, why, t, index);
    }

    /** The CPU the calling thread runs on now (see the class comment for the cost). */
    public int cpu() {
        if (owner == Thread.currentThread()) {
            return Rseq.read(address);
        }
        return Affinity.currentCpu();
    }

    /** {@link #cpu()} folded into [0, cpuLimit) for a counter built for fewer CPUs than the machine has. */
    public int cpuWithin(int cpuLimit) {
        int cpu = cpu();
        return cpu < cpuLimit ? cpu : cpu % cpuLimit;
    }

    /**
     * The calling thread's CPU without a handle in hand: the thread's handle from a table indexed
     * by thread id (created on first use; a thread whose slot another thread took recreates it), or
     * sched_getcpu on a virtual thread.
     */
    public static int current() {
        Thread t = Thread.currentThread();
        long id = t.threadId();
        CpuId h = BY_THREAD[(int) id & (BY_THREAD.length - 1)];
        if (h != null && h.ownerId == id) {
            // thread ids are never reused, so the handle is this thread's own
            return h.address != 0 ? Rseq.read(h.address) : Affinity.currentCpu();
        }
        return register(t, id);
    }

    private static int register(Thread t, long id) {
        if (t.isVirtual()) {
            return Affinity.currentCpu(); // unbounded in number; their carrier changes anyway
        }
        CpuId h = ofCurrentThread();
        BY_THREAD[(int) id & (BY_THREAD.length - 1)] = h;
        return h.cpu();
    }

    /**
     * The dense per-thread index of the thread that made this handle ({@link ThreadIndex}, what
     * per-thread counters use as the task), when called on that thread; -1 on any other thread or
     * for a virtual thread's handle. Saves per-thread counters their ThreadLocal lookup.
     */
    int threadIndexHere() {
        return maker == Thread.currentThread() ? threadIndex : -1;
    }

    /** True when this handle reads rseq on the calling thread (false: it falls back to sched_getcpu here). */
    public boolean readsRseqHere() {
        return owner == Thread.currentThread();
    }

    /** "rseq cpu_id" or "sched_getcpu (...why...)": how this handle finds the CPU on its own thread. */
    public String lookup() {
        return fallback == null ? "rseq cpu_id" : "sched_getcpu (" + fallback + ")";
    }

    @Override
    public String toString() {
        return "CpuId[thread " + ownerId + ", " + lookup() + "]";
    }
}
