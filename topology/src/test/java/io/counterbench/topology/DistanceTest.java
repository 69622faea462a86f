package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Distances on the 2-socket SMT sysfs fixture (siblings c and c+8, one node and L3 per socket). */
class DistanceTest {
    private final Topology t = Fixtures.loadSysfs("two-socket-smt");

    @Test
    void samePu() {
        assertEquals(Distance.SAME_PU, t.distance(5, 5));
    }

    @Test
    void smtSiblingsShareACore() {
        assertEquals(Distance.SAME_CORE, t.distance(1, 9));
    }

    @Test
    void coresOfOneSocketShareTheLlc() {
        assertEquals(Distance.SAME_LLC, t.distance(0, 3));
        assertEquals(Distance.SAME_LLC, t.distance(0, 11));
    }

    @Test
    void socketsAreRemote() {
        assertEquals(Distance.REMOTE, t.distance(0, 4));
        assertEquals(Distance.REMOTE, t.distance(8, 12));
    }

    @Test
    void sameNodeAndSamePackageWhereTheyDiffer() {
        Topology t2 = SyntheticSource.parse("pack:2 numa:2 l3:2 core:2 pu:2");
        assertEquals(Distance.SAME_NODE, t2.distance(0, 4), "two LLCs of one node");
        assertEquals(Distance.SAME_PACKAGE, t2.distance(0, 8), "two nodes of one package");
        assertEquals(Distance.REMOTE, t2.distance(0, 16));
    }
}
