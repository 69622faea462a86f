package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticSourceTest {

    @Test
    void countsPerLevel() {
        Topology t = SyntheticSource.parse("pack:2 numa:2 l3:6 core:8 pu:2");
        assertEquals(384, t.puCount());
        assertEquals(2, t.domainCount(Level.PACKAGE));
        assertEquals(4, t.domainCount(Level.NUMA));
        assertEquals(24, t.domainCount(Level.LLC));
        assertEquals(192, t.domainCount(Level.CORE));
        assertEquals(6, t.maxFanOut(Level.NUMA));
        assertEquals("pack:2 numa:2 l3:6 core:8 pu:2", t.name());
    }

    @Test
    void linearNumberingPutsSiblingsNextToEachOther() {
        Topology t = SyntheticSource.parse("pack:2 core:4 pu:2");
        assertArrayEquals(new int[] {0, 1}, t.siblings(0, Level.CORE));
        assertArrayEquals(new int[] {8, 9, 10, 11, 12, 13, 14, 15}, t.siblings(8, Level.PACKAGE));
    }

    @Test
    void smtSplitNumberingMatchesLinuxOnIntelAndAmd() {
        Topology t = SyntheticSource.parse("pack:2 core:4 pu:2 numbering:smt-split");
        assertArrayEquals(new int[] {0, 8}, t.siblings(0, Level.CORE));
        assertArrayEquals(new int[] {7, 15}, t.siblings(15, Level.CORE));
        assertArrayEquals(new int[] {0, 1, 2, 3, 8, 9, 10, 11}, t.siblings(0, Level.PACKAGE));
        assertEquals("pack:2 core:4 pu:2 numbering:smt-split", t.name());
    }

    @Test
    void smtSplitWithFourThreadsPerCore() {
        Topology t = SyntheticSource.parse("core:3 pu:4 numbering:smt-split");
        assertArrayEquals(new int[] {1, 4, 7, 10}, t.siblings(1, Level.CORE));
    }

    @Test
    void longNamesMachineGroupsAndInnerCaches() {
        Topology t = SyntheticSource.parse("Machine Package:2 Group:2 NUMANode:1 L3Cache:2 L2:2 Core:1 PU:2");
        assertEquals(2 * 2 * 2 * 2 * 2, t.puCount());
        assertEquals(2, t.domainCount(Level.PACKAGE));
        assertEquals(4, t.domainCount(Level.NUMA), "group:2 doubles the nodes per package");
        assertEquals(8, t.domainCount(Level.LLC));
        assertEquals(16, t.domainCount(Level.CORE), "l2:2 doubles the cores per LLC");
        assertTrue(
                t.notes().stream().anyMatch(n -> n.contains("Group:2")),
                t.notes().toString());
    }

    @Test
    void missingCoreLevelMakesEveryPuACore() {
        Topology t = SyntheticSource.parse("pack:2 pu:4");
        assertEquals(8, t.domainCount(Level.CORE));
        assertTrue(t.notes().get(0).contains("no core level"), t.notes().toString());
    }

    @Test
    void llcAndDieAliases() {
        Topology t = SyntheticSource.parse("socket:1 die:2 node:1 llc:2 core:2 pu:1");
        assertEquals(2, t.domainCount(Level.DIE));
        assertEquals(4, t.domainCount(Level.LLC));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pack:2 cores:4 pu:2|unknown level 'cores:4'",
                "pack:two core:4 pu:2|count in 'pack:two'",
                "pack:0 core:4 pu:2|count in 'pack:0'",
                "pack:-1 core:4 pu:2|count in 'pack:-1'",
                "pack:2 pu:2 core:4|'core:4' comes after pu",
                "pack:2 core:4|no pu level",
                "pack:2 pack:2 pu:1|level 'pack:2' appears twice",
                "core:4 pack:2 pu:1|'pack:2' is out of order",
                "pack:2 l2:2 l3:2 pu:1|'l3:2' is out of order",
                "pack:2 core pu:1|'core' has no count",
                "pack:2 numbering:smt-split pu:2|'numbering:smt-split' must be the last token",
                "pack:2 pu:2 numbering:odd|unknown numbering 'odd'",
                "pack:256 core:256 pu:2|more than 65536 PUs at 'pu:2'",
                "pack:2 l1i:2 pu:1|instruction caches",
                "pack:2 pu:2(indexes=2*2:1*2)|indexes= attribute is not supported",
                "machine:2 pu:2|'machine:2': machine may only come first",
                "pack:2 core:4 p@u:2|cannot read token 'p@u:2'",
            })
    void malformedStringsNameTheOffendingToken(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSource.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad synthetic topology '"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void blankStringIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSource.parse("  "));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void largestAllowedTopologyBuilds() {
        Topology t = SyntheticSource.parse("pack:16 numa:4 l3:8 core:64 pu:2 numbering:smt-split");
        assertEquals(SyntheticSpec.MAX_PUS, t.puCount());
        assertArrayEquals(new int[] {5, 5 + 32768}, t.siblings(5, Level.CORE));
    }
}
