package io.counterbench.counters;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-CPU memory the way the kernel's per-CPU allocator lays it out: for each CPU (or NUMA node) a
 * region of 8-byte slots shared by all live counters built for the same number of regions, slot
 * {@code s} of every region belonging to one counter. So a counter costs 8 bytes per CPU, and two
 * counters never share a line across CPUs: the line of CPU c's region is written by CPU c only
 * (and by a thread that migrated off it between the CPU lookup and the add).
 *
 * <p>Memory comes in chunks of {@link #SLOTS_PER_CHUNK} slots per region: one {@code long[]} per
 * chunk, regions padded apart (package-info, Padding), never reallocated, so a counter holds final
 * references to its chunk and its slot and an add is one index computation and one atomic. Slots
 * are taken zeroed (like alloc_percpu) and returned to a free bitmap when the counter is closed, or
 * through a {@link Cleaner} when it becomes unreachable. A group takes adjacent slots of one chunk,
 * like percpu_counter_tree_init_many's one allocation. A chunk whose slots are all free is dropped
 * unless it is the arena's only chunk.
 *
 * <p>Footprint: a counter is charged its slots' share of a full chunk, padding included:
 * {@code slots x chunkBytes / SLOTS_PER_CHUNK}. A lone counter keeps a whole chunk alive, as the
 * kernel's first per-CPU chunk is there whether one counter uses it or thousands.
 */
public final class PerCpuArena {
    /**
     * Slots per region in one chunk: 48, so that with the padding a region is 64 longs (512 bytes,
     * a CPU's region index is a shift) and a chunk's free slots fit one {@code long} bitmap.
     */
    public static final int SLOTS_PER_CHUNK = 48;
    /** Padding before the first region and after each one: one 128-byte line ({@link Slots#STRIDE} longs). */
    static final int PAD = Slots.STRIDE;
    /** Longs from one region to the next: the slots, then the padding (64, a power of two). */
    static final int REGION_STRIDE = SLOTS_PER_CHUNK + PAD;

    private static final long ALL_FREE = (1L << SLOTS_PER_CHUNK) - 1;

    private static final ConcurrentHashMap<Integer, PerCpuArena> ARENAS = new ConcurrentHashMap<>();
    private static final Cleaner CLEANER = Cleaner.create();

    private final int regions;
    /** Guarded by this. */
    private final List<Chunk> chunks = new ArrayList<>();

    /** One chunk: its memory and, guarded by the arena, which of its slots are taken. */
    static final class Chunk {
        final long[] memory;
        long taken;

        Chunk(int regions) {
            this.memory = new long[PAD + regions * REGION_STRIDE];
        }
    }

    private PerCpuArena(int regions) {
        this.regions = regions;
    }

    /** The arena for counters with {@code regions} per-CPU (or per-node) regions. */
    public static PerCpuArena of(int regions) {
        if (regions < 1) {
            throw new IllegalArgumentException("region count " + regions + " must be >= 1");
        }
        return ARENAS.computeIfAbsent(regions, PerCpuArena::new);
    }

    /** Index of slot {@code slot} of region 0 in a chunk; region r's is {@code r x REGION_STRIDE} further. */
    static int base(int slot) {
        return PAD + slot;
    }

    /** Regions (CPUs or nodes) of every chunk. */
    public int regions() {
        return regions;
    }

    /** Longs in one chunk's array: the footprint of a full chunk is this array. */
    public int chunkLongs() {
        return PAD + regions * REGION_STRIDE;
    }

    /** Chunks held now. */
    public synchronized int chunks() {
        return chunks.size();
    }

    /** Slots taken now, over all chunks. */
    public synchronized int slotsTaken() {
        int n = 0;
        for (Chunk c : chunks) {
            n += Long.bitCount(c.taken);
        }
        return n;
    }

    /**
     * {@code count} adjacent zeroed slots of one chunk (1 to {@link Slots#MAX_GROUP}), one lease each.
     * O(count x regions) for the zeroing, like alloc_percpu's memset of every CPU's unit.
     */
    synchronized SlotLease[] take(int count) {
        if (count < 1 || count > Slots.MAX_GROUP) {
            throw new IllegalArgumentException("slot count " + count + " must be in 1-" + Slots.MAX_GROUP);
        }
        Chunk chunk = null;
        int first = -1;
        for (Chunk c : chunks) {
            first = firstRun(~c.taken & ALL_FREE, count);
            if (first >= 0) {
                chunk = c;
                break;
            }
        }
        if (chunk == null) {
            chunk = new Chunk(regions);
            chunks.add(chunk);
            first = 0;
        }
        long[] m = chunk.memory;
        for (int r = 0; r < regions; r++) {
            int from = r * REGION_STRIDE + base(first);
            java.util.Arrays.fill(m, from, from + count, 0L);
        }
        chunk.taken |= ((1L << count) - 1) << first;
        SlotLease[] leases = new SlotLease[count];
        for (int k = 0; k < count; k++) {
            leases[k] = new SlotLease(this, chunk, first + k);
        }
        return leases;
    }

    /** Lowest bit index i such that bits i .. i + count - 1 of {@code free} are all set, or -1. */
    static int firstRun(long free, int count) {
        long run = free;
        for (int i = 1; i < count; i++) {
            run &= free >>> i;
        }
        return run == 0 ? -1 : Long.numberOfTrailingZeros(run);
    }

    /** Returns one slot (SlotLease calls this once). */
    synchronized void give(Chunk chunk, int slot) {
        chunk.taken &= ~(1L << slot);
        if (chunk.taken == 0 && chunks.size() > 1) {
            chunks.remove(chunk);
        }
    }

    /** Returns {@code lease}'s slot when {@code counter} becomes unreachable (unless closed first). */
    static void releaseWhenUnreachable(Counter counter, SlotLease lease) {
        CLEANER.register(counter, lease);
    }
}
