package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pins the test thread on this machine; restores its affinity after every test. */
class AffinityTest {
    private int[] original;

    @BeforeEach
    void save() {
        assumeTrue(Affinity.available(), "sched_* calls unavailable on this OS");
        original = Affinity.allowedCpus();
    }

    @AfterEach
    void restore() {
        if (original != null) {
            Affinity.unpin(original);
            assertArrayEquals(original, Affinity.allowedCpus());
        }
    }

    @Test
    void allowedCpusAreThoseTheJvmSees() {
        assertTrue(original.length >= 1);
        // the JVM's count is the affinity set, or fewer under a cgroup CPU quota
        assertTrue(Runtime.getRuntime().availableProcessors() <= original.length, Arrays.toString(original));
        assertTrue(Arrays.stream(original).allMatch(c -> c >= 0));
    }

    @Test
    void processCpusStayWhenTheThreadIsPinned() {
        assertArrayEquals(original, Affinity.processCpus(), "the test thread starts unpinned");
        Affinity.pin(original[0]);
        assertArrayEquals(original, Affinity.processCpus());
    }

    @Test
    void currentCpuIsAnAllowedCpu() {
        int cpu = Affinity.currentCpu();
        assertTrue(Arrays.binarySearch(original, cpu) >= 0, cpu + " not in " + Arrays.toString(original));
    }

    @Test
    void pinningMovesTheThread() {
        for (int cpu : original) {
            Affinity.pin(cpu);
            assertArrayEquals(new int[] {cpu}, Affinity.allowedCpus());
            int seen = -1;
            for (int attempt = 0; attempt < 50 && seen != cpu; attempt++) {
                Thread.yield();
                seen = Affinity.currentCpu();
            }
            assertEquals(cpu, seen, "pinned to " + cpu);
        }
    }

    @Test
    void unpinRestoresTheWholeSet() {
        Affinity.pin(original[original.length - 1]);
        Affinity.unpin(original);
        assertArrayEquals(original, Affinity.allowedCpus());
    }

    @Test
    void pinningToANonexistentCpuIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Affinity.pin(9999));
        assertTrue(
                e.getMessage().startsWith("cannot pin to CPU 9999: it does not exist on this machine (allowed: "),
                e.getMessage());
        assertArrayEquals(original, Affinity.allowedCpus(), "affinity unchanged");
        assertThrows(IllegalArgumentException.class, () -> Affinity.pin(-1));
        assertThrows(IllegalArgumentException.class, () -> Affinity.unpin(new int[0]));
        IllegalArgumentException u =
                assertThrows(IllegalArgumentException.class, () -> Affinity.unpin(new int[] {original[0], 9999}));
        // an allowed CPU beside it (CPU 0 may be outside a cpuset), so the line is about 9999
        assertTrue(u.getMessage().contains("CPU 9999"), u.getMessage());
    }
}
