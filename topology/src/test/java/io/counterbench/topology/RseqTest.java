package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** rseq's cpu_id says what sched_getcpu says, on every CPU the thread is pinned to. */
class RseqTest {

    @Test
    void cpuIdFollowsThePinnedCpu() {
        assumeTrue(Rseq.unavailableReason() == null, () -> "rseq unavailable: " + Rseq.unavailableReason());
        long address = Rseq.cpuIdAddressOfCurrentThread();
        assertNotEquals(0L, address, "glibc registered rseq but this thread's cpu_id did not agree with sched_getcpu");
        int[] original = Affinity.allowedCpus();
        try {
            for (int cpu : original) {
                Affinity.pin(cpu);
                assertEquals(cpu, Rseq.read(address), "cpu_id after pinning to " + cpu);
                assertEquals(cpu, Affinity.currentCpu());
            }
        } finally {
            Affinity.unpin(original);
            assertArrayEquals(original, Affinity.allowedCpus());
        }
    }

    @Test
    void everyThreadHasItsOwnArea() throws InterruptedException {
        assumeTrue(Rseq.unavailableReason() == null, () -> "rseq unavailable: " + Rseq.unavailableReason());
        AtomicLong other = new AtomicLong();
        Thread t = Thread.ofPlatform().start(() -> other.set(Rseq.cpuIdAddressOfCurrentThread()));
        t.join();
        long mine = Rseq.cpuIdAddressOfCurrentThread();
        assertNotEquals(0L, other.get());
        assertNotEquals(mine, other.get(), "two threads, one rseq area");
    }

    @Test
    void virtualThreadsGetNoArea() throws InterruptedException {
        AtomicLong seen = new AtomicLong(-1);
        Thread.ofVirtual()
                .start(() -> seen.set(Rseq.cpuIdAddressOfCurrentThread()))
                .join();
        assertEquals(0L, seen.get(), "a virtual thread's carrier changes: it must not read a carrier's area");
    }
}
