package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.TopologySources;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The read/update mix in the simulator: how many reads run, and the lines they move in the coherence model. */
class ReadMixTest {
    private static SimResult run(String topology, CounterId id, int tasks, ReadMix mix, long ops) {
        CpuMap map = CpuMap.of(TopologySources.load(topology));
        return Engine.run(
                new SimSpec("mix", map, id, 0, tasks, WorkloadKind.INC, ops, 0, MigrationRule.STAY, 3, mix),
                Progress.silent());
    }

    private static long readMoves(SimResult r) {
        return Arrays.stream(r.coherence().readMoves()).sum();
    }

    @Test
    void everyTaskReadsAfterEveryNOfItsOwnAdds() {
        SimResult r = run("small-8", CounterId.FLAT, 3, new ReadMix(ReadMix.Kind.APPROXIMATE, 10), 100_000);
        assertEquals(100_000, r.ops(), "ops counts the adds only");
        // each task reads floor(its adds / 10) times: between 100000/10 - 3 and 100000/10
        assertTrue(
                r.coherence().reads() <= 10_000 && r.coherence().reads() >= 9_997,
                "reads " + r.coherence().reads());
        assertEquals(0, r.violations());
        assertEquals(0, r.preciseMismatches());
    }

    @Test
    void oneThreadsReadsMoveNoLine() {
        SimResult r = run("small-64", CounterId.TREE, 1, new ReadMix(ReadMix.Kind.PRECISE, 10), 50_000);
        assertEquals(5_000, r.coherence().reads());
        assertEquals(0, readMoves(r));
    }

    @Test
    void aPreciseReadPullsTheSlotsOtherCpusDirtiedAndTheApproximateReadOnlyTheTotal() {
        ReadMix precise = new ReadMix(ReadMix.Kind.PRECISE, 10);
        ReadMix approximate = new ReadMix(ReadMix.Kind.APPROXIMATE, 10);
        SimResult p = run("small-64", CounterId.FLAT, 64, precise, 200_000);
        SimResult a = run("small-64", CounterId.FLAT, 64, approximate, 200_000);
        double perPrecise = readMoves(p) / (double) p.coherence().reads();
        double perApproximate = readMoves(a) / (double) a.coherence().reads();
        // 64 writers add 10 times each between two reads of one of them: nearly every other slot was written since
        assertTrue(perPrecise > 40, "precise: " + perPrecise + " line moves per read");
        // the total is written once per batch (128) adds of a CPU
        assertTrue(perApproximate < 1, "approximate: " + perApproximate + " line moves per read");
        assertEquals(0, p.preciseMismatches());
        assertTrue(p.preciseChecks() > p.coherence().reads(), "every precise read is checked against the exact value");
    }

    @Test
    void aMixNeedsAtLeastOneUpdatePerRead() {
        assertThrows(IllegalArgumentException.class, () -> new ReadMix(ReadMix.Kind.PRECISE, 0));
        assertThrows(IllegalArgumentException.class, () -> ReadMix.Kind.parse("exact"));
        assertEquals("an approximate read every 1,000 updates", new ReadMix(ReadMix.Kind.APPROXIMATE, 1000).label());
    }

    @Test
    void errorLimitsInCountsPagesAndFractions() {
        assertEquals(5000, ErrorLimit.parse("5000", null).counts());
        assertEquals(16_384, ErrorLimit.parse("64MB", null).counts());
        assertEquals(262_144, ErrorLimit.parse("1GiB", null).counts());
        assertEquals(256, ErrorLimit.parse("1%", 25_600L).counts());
        assertEquals(Long.MAX_VALUE, ErrorLimit.parse(null, null).counts());
        assertThrows(IllegalArgumentException.class, () -> ErrorLimit.parse("1%", null));
        assertThrows(IllegalArgumentException.class, () -> ErrorLimit.parse("ten", null));
        assertThrows(IllegalArgumentException.class, () -> ErrorLimit.parse("64MB", 100L));
        assertThrows(IllegalArgumentException.class, () -> ErrorLimit.parse("-5", null));
    }
}
