package io.counterbench.cli.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.cli.env.ProcStat;
import org.junit.jupiter.api.Test;

class ForeignLoadTest {
    // busy = user + nice + system + irq + softirq + steal (idle and iowait are not busy)
    private static final ProcStat STAT = ProcStat.parse("""
            cpu  1100 0 200 5000 0 0 0 0 0 0
            cpu0 100 0 50 2500 0 0 0 0 0 0
            cpu1 1000 0 150 2500 0 0 0 0 0 0
            intr 1
            """);

    @Test
    void aProcessConfinedToOneCpuCountsOnlyThatCpusBusyTime() {
        assertEquals(150, ForeignLoad.busyOn(STAT, new int[] {0}));
        assertEquals(1150, ForeignLoad.busyOn(STAT, new int[] {1}));
    }

    @Test
    void aProcessThatMayUseEveryCpuCountsTheWholeMachine() {
        assertEquals(1300, ForeignLoad.busyOn(STAT, new int[] {0, 1}));
        assertEquals(1300, ForeignLoad.busyOn(STAT, new int[0]));
    }

    @Test
    void aCpuThatProcStatDoesNotListFallsBackToTheWholeMachine() {
        assertEquals(1300, ForeignLoad.busyOn(STAT, new int[] {5}));
    }

    @Test
    void anUnreadableProcStatIsUnknown() {
        assertEquals(-1, ForeignLoad.busyOn(ProcStat.unavailable("test"), new int[] {0}));
    }
}
