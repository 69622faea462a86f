package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-CPU arena: slots taken zeroed, adjacent for a group, returned on close() or when the
 * counter is unreachable, regions of different CPUs never on one line. Each test builds counters
 * for its own odd CPU count, so that it has an arena of its own.
 */
class PerCpuArenaTest {

    /** {@code n} CPUs, each its own core, LLC and NUMA node: flat, tree and per-node all get n regions. */
    private static Topology linear(int n) {
        TopologyBuilder b = new TopologyBuilder("arena" + n, "test");
        for (int cpu = 0; cpu < n; cpu++) {
            b.pu(cpu, 0, 0, cpu, cpu, cpu);
        }
        return b.build();
    }

    private static SlotLease lease(Counter c) {
        return c instanceof TreeCounter t ? t.lease() : ((BatchedCounter) c).lease();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "TREE", "TREE_TOPO"})
    void aGroupTakesAdjacentSlotsOfOneChunk(CounterId id) {
        Topology t = linear(100 + id.ordinal());
        CounterFactory f = id.factory(t, 0);
        PerCpuArena arena = f.arena();
        assertSame(arena, PerCpuArena.of(t.cpuIdLimit()), "one arena per region count, shared by every factory");
        int taken = arena.slotsTaken();
        Counter[] group = f.createGroup(4);
        assertEquals(taken + 4, arena.slotsTaken());
        for (int k = 1; k < group.length; k++) {
            assertSame(lease(group[0]).memory(), lease(group[k]).memory());
            assertEquals(lease(group[0]).slot() + k, lease(group[k]).slot());
        }
        for (Counter c : group) {
            c.close();
        }
        assertEquals(taken, arena.slotsTaken());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CounterId.class,
            names = {"FLAT", "PER_NODE", "TREE", "TREE_TOPO"})
    void aReturnedSlotIsTakenAgainZeroed(CounterId id) {
        Topology t = linear(110 + id.ordinal());
        CounterFactory f = id.factory(t, 0);
        Counter first = f.create();
        for (int cpu : t.cpus()) {
            first.add(cpu, 0, 1000 + cpu);
        }
        int slot = lease(first).slot();
        first.close();
        assertThrows(IllegalStateException.class, first::precise);
        assertThrows(IllegalStateException.class, () -> first.set(1));
        first.close();
        Counter second = f.create();
        assertEquals(slot, lease(second).slot(), "the lowest free slot is reused");
        assertEquals(0, second.precise());
        assertEquals(0, second.approximate());
        second.add(t.cpus()[3], 0, 5);
        assertEquals(5, second.precise());
        second.close();
    }

    /** Counters in different chunks and slots never see each other's adds; past a chunk's slots the arena grows. */
    @Test
    void moreCountersThanAChunkHolds() {
        Topology t = linear(121);
        CounterFactory f = CounterId.TREE.factory(t, 2);
        PerCpuArena arena = f.arena();
        List<Counter> counters = new ArrayList<>();
        for (int i = 0; i < 3 * PerCpuArena.SLOTS_PER_CHUNK / 4; i++) {
            for (Counter c : f.createGroup(4)) {
                counters.add(c);
            }
        }
        assertTrue(arena.chunks() >= 3, arena.chunks() + " chunks for " + counters.size() + " counters");
        for (int i = 0; i < counters.size(); i++) {
            for (int cpu : t.cpus()) {
                counters.get(i).add(cpu, 0, i);
            }
        }
        for (int i = 0; i < counters.size(); i++) {
            assertEquals((long) i * t.puCount(), counters.get(i).precise(), "counter " + i);
        }
        counters.forEach(Counter::close);
        assertEquals(0, arena.slotsTaken());
        assertEquals(1, arena.chunks(), "empty chunks are dropped, one is kept");
    }

    /** A counter nobody closes returns its slot once it is unreachable (Cleaner). */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anUnreachableCounterReturnsItsSlot() throws InterruptedException {
        Topology t = linear(123);
        CounterFactory f = CounterId.FLAT.factory(t, 0);
        PerCpuArena arena = f.arena();
        assertEquals(0, arena.slotsTaken());
        for (int i = 0; i < 10; i++) {
            f.createGroup(3)[1].add(t.cpus()[i], 0, 7);
        }
        assertEquals(30, arena.slotsTaken());
        while (arena.slotsTaken() > 0) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, arena.slotsTaken());
    }

    /** Regions are a padded 128-byte line apart: slot s of CPU c and any slot of CPU c + 1 never share a line. */
    @Test
    void regionsArePaddedApart() {
        int lastOfRegion = PerCpuArena.base(PerCpuArena.SLOTS_PER_CHUNK - 1);
        int firstOfNext = PerCpuArena.REGION_STRIDE + PerCpuArena.base(0);
        assertTrue((firstOfNext - lastOfRegion) * 8 > 128, "at least one full line between two CPUs' slots");
        assertTrue(PerCpuArena.base(0) * 8 >= 128, "the array header is a line away from the first region");
        assertEquals(
                PerCpuArena.PAD + 125 * PerCpuArena.REGION_STRIDE,
                PerCpuArena.of(125).chunkLongs());
    }

    @Test
    void firstRunFindsAdjacentFreeSlots() {
        assertEquals(0, PerCpuArena.firstRun(-1L, 16));
        assertEquals(4, PerCpuArena.firstRun(~0b1111L, 4));
        assertEquals(-1, PerCpuArena.firstRun(0b1011_0110L, 3));
        assertEquals(1, PerCpuArena.firstRun(0b1011_0110L, 2));
        assertEquals(60, PerCpuArena.firstRun(0xF000_0000_0000_0000L, 4));
        assertEquals(-1, PerCpuArena.firstRun(0xF000_0000_0000_0000L, 5));
    }

    @Test
    void countersWithoutPerCpuSlotsHaveNoArena() {
        Topology t = linear(4);
        for (CounterId id :
                new CounterId[] {CounterId.ATOMIC, CounterId.ADDER, CounterId.JCTOOLS, CounterId.PER_THREAD}) {
            CounterFactory f = id.factory(t, 0);
            assertNull(f.arena(), id.id());
            Counter c = f.create();
            c.add(1, 0, 3);
            c.close();
        }
        assertNotSame(PerCpuArena.of(4), PerCpuArena.of(5));
    }

    /** The kernel layout's bytes, from the structure: 8 per CPU slot, 64 per tree item. */
    @Test
    void kernelLayoutBytes() {
        Topology t256 = TestTopologies.of(256);
        assertEquals(
                8 * 256 + 64 * 37, CounterId.TREE.factory(t256, 0).kernelLayoutBytes(), "order 8: 32 + 4 items + root");
        assertEquals(8 * 256, CounterId.FLAT.factory(t256, 0).kernelLayoutBytes());
        assertEquals(-1, CounterId.PER_NODE.factory(t256, 0).kernelLayoutBytes(), "no kernel counterpart");
        assertEquals(8, CounterId.ATOMIC.factory(t256, 0).kernelLayoutBytes());
        assertEquals(-1, CounterId.ADDER.factory(t256, 0).kernelLayoutBytes());
        assertEquals(8, CounterId.TREE.factory(TestTopologies.of(1), 0).kernelLayoutBytes(), "1 CPU: no items");
        TreeShape topo = TreeShape.topology(t256);
        assertEquals(
                8L * 256 + 64L * topo.itemCount(),
                CounterId.TREE_TOPO.factory(t256, 0).kernelLayoutBytes());
    }
}
