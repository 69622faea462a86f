package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlacementTest {
    /** 2 packages x 2 cores x 2 PUs, Linux-style numbering: core k has CPUs k and k+4. */
    private final Topology box = SyntheticSource.parse("pack:2 core:2 pu:2 numbering:smt-split");

    @Test
    void compactFillsSiblingsFirst() {
        assertArrayEquals(new int[] {0, 4, 1, 5, 2, 6, 3, 7}, Placement.COMPACT.cpusFor(box, 8));
        assertArrayEquals(new int[] {0, 4}, Placement.COMPACT.cpusFor(box, 2));
    }

    @Test
    void spreadAlternatesPackagesThenCoresThenSiblings() {
        int[] cpus = Placement.SPREAD.cpusFor(box, 8);
        assertArrayEquals(new int[] {0, 2, 1, 3, 4, 6, 5, 7}, cpus);
        for (int i = 0; i + 1 < cpus.length; i++) {
            assertEquals(Distance.REMOTE, box.distance(cpus[i], cpus[i + 1]), "threads " + i + " and " + (i + 1));
        }
    }

    @Test
    void spreadUsesEveryLlcBeforeDoublingUp() {
        Topology t = SyntheticSource.parse("pack:2 l3:3 core:4 pu:2");
        int[] cpus = Placement.SPREAD.cpusFor(t, 6);
        Set<Integer> llcs = new HashSet<>();
        for (int cpu : cpus) {
            llcs.add(t.domainId(cpu, Level.LLC));
        }
        assertEquals(6, llcs.size(), Arrays.toString(cpus));
    }

    @Test
    void onePerCoreNeverRepeatsACore() {
        int[] cpus = Placement.ONE_PER_CORE.cpusFor(box, 4);
        assertArrayEquals(new int[] {0, 2, 1, 3}, cpus);
        Set<Integer> cores = new HashSet<>();
        for (int cpu : cpus) {
            assertTrue(cores.add(box.domainId(cpu, Level.CORE)), "core repeated: " + Arrays.toString(cpus));
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Placement.ONE_PER_CORE.cpusFor(box, 5));
        assertEquals(
                "placement one-per-core needs 5 cores but topology 'pack:2 core:2 pu:2 numbering:smt-split' has 4",
                e.getMessage());
    }

    @Test
    void noneDoesNotPin() {
        assertArrayEquals(new int[] {-1, -1, -1}, Placement.NONE.cpusFor(box, 3));
        assertArrayEquals(new int[] {-1, -1, -1}, Placement.NONE.cpusFor(box, 3, new int[] {0}));
    }

    @Test
    void allowedSetRestrictsEveryPolicy() {
        int[] allowed = {1, 5, 6, 7};
        assertArrayEquals(new int[] {1, 5, 6, 7}, Placement.COMPACT.cpusFor(box, 4, allowed));
        assertArrayEquals(new int[] {1, 6, 5, 7}, Placement.SPREAD.cpusFor(box, 4, allowed));
        assertArrayEquals(new int[] {1, 6, 7}, Placement.ONE_PER_CORE.cpusFor(box, 3, allowed));
    }

    @Test
    void tooFewAllowedCpusSaysHowMany() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Placement.COMPACT.cpusFor(box, 8, new int[] {0, 1}));
        assertEquals("placement compact needs 8 CPUs but the process may use 2 (0-1)", e.getMessage());
        IllegalArgumentException core = assertThrows(
                IllegalArgumentException.class, () -> Placement.ONE_PER_CORE.cpusFor(box, 2, new int[] {0, 4, 99}));
        assertEquals("placement one-per-core needs 2 cores but the process may use 1 (on CPUs 0,4)", core.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Placement.class)
    void nonPositiveThreadCountsAreRejected(Placement p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.cpusFor(box, 0));
        assertEquals("thread count must be positive, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.cpusFor(box, -3, new int[] {0}));
    }

    @Test
    void labelsParse() {
        for (Placement p : Placement.values()) {
            assertEquals(p, Placement.parse(p.label()));
            assertEquals(p, Placement.parse(p.name()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Placement.parse("scatter"));
        assertTrue(e.getMessage().contains("unknown placement 'scatter'"), e.getMessage());
    }
}
