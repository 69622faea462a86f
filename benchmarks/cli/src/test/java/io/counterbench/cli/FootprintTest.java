package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.bench.ReadBenchmark;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.PerCpuArena;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import org.junit.jupiter.api.Test;

/**
 * The per-CPU arena brings a counter's memory near the kernel's layout: one tree counter at N=256
 * within 1.5x of 8 bytes per CPU plus one 64-byte line per item, and a group of four costs four
 * slots' share, not four padded arrays.
 */
class FootprintTest {
    private static final Topology N256 = TopologySources.load(ReadBenchmark.virtual(256));

    @Test
    void oneTreeAt256CpusIsWithinOneAndAHalfOfTheKernelLayout() {
        Footprint.Row tree = Footprint.measure(CounterId.TREE, N256, 256);
        assertEquals(8 * 256 + 64 * 37, tree.kernelBytes());
        assertTrue(
                tree.oneBytes() <= 1.5 * tree.kernelBytes(),
                tree.oneBytes() + " bytes vs the kernel's " + tree.kernelBytes());
        // the arena share is the slot's 8 bytes per CPU plus its part of the region padding and
        // array header: less than half as much again
        long share = tree.slotShareBytes();
        assertTrue(share >= 8 * 256 && share < 8 * 256 * 3 / 2, "share " + share);
        assertEquals(Math.ceilDiv(tree.chunkBytes(), PerCpuArena.SLOTS_PER_CHUNK), share);
    }

    @Test
    void aGroupOfFourCostsFourSlotsAndFourItemSets() {
        Footprint.Row tree = Footprint.measure(CounterId.TREE, N256, 256);
        assertTrue(
                tree.groupOf4Bytes() <= 4 * tree.oneBytes() + 64, tree.groupOf4Bytes() + " vs 4 x " + tree.oneBytes());
        Footprint.Row flat = Footprint.measure(CounterId.FLAT, N256, 256);
        assertEquals(8 * 256, flat.kernelBytes());
        // 8 bytes per CPU and a padded line for the total and lock: no 128-byte line per CPU any more
        assertTrue(flat.oneBytes() < 2 * flat.kernelBytes(), flat.oneBytes() + " vs " + flat.kernelBytes());
    }
}
