package io.counterbench.counters;

/**
 * One counter's slot in a {@link PerCpuArena} chunk: the chunk's memory, the slot's index in region
 * 0, and the return of the slot, which runs once: on {@link Counter#close()}, or as the
 * {@link java.lang.ref.Cleaner} action once the counter is unreachable. It references the arena
 * and the chunk, never the counter (a Cleaner action that did would keep it reachable).
 */
final class SlotLease implements Runnable {
    private final PerCpuArena arena;
    private final PerCpuArena.Chunk chunk;
    private final int slot;
    private volatile boolean returned;

    SlotLease(PerCpuArena arena, PerCpuArena.Chunk chunk, int slot) {
        this.arena = arena;
        this.chunk = chunk;
        this.slot = slot;
    }

    /** The chunk's memory: region r's slot is at {@code r x PerCpuArena.REGION_STRIDE + base()}. */
    long[] memory() {
        return chunk.memory;
    }

    int base() {
        return PerCpuArena.base(slot);
    }

    int slot() {
        return slot;
    }

    /** Whether the slot went back to the arena (the counter was closed). */
    boolean returned() {
        return returned;
    }

    /** Throws when the counter was closed: its slot may belong to another counter now. */
    void checkOpen() {
        if (returned) {
            throw new IllegalStateException("the counter was closed: its per-CPU slots were returned");
        }
    }

    /** Returns the slot, once; later calls do nothing. */
    @Override
    public void run() {
        synchronized (this) {
            if (returned) {
                return;
            }
            returned = true;
        }
        arena.give(chunk, slot);
    }
}
