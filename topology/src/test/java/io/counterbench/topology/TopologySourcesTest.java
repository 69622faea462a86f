package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopologySourcesTest {

    @Test
    void presetByName() {
        assertEquals(224, TopologySources.load("xeon-8480-2s").puCount());
    }

    @Test
    void presetsAndHostMatchInAnyCaseAndAreNamedInTheirOwnSpelling() {
        assertEquals("xeon-8480-2s", TopologySources.load("Xeon-8480-2S").name());
        assertEquals("epyc-9654-2s", TopologySources.preset("EPYC-9654-2s").name());
        assertEquals("epyc-9654-2s", TopologySources.canonical(" EPYC-9654-2S "));
        assertEquals("host", TopologySources.canonical("HOST"));
        assertTrue(TopologySources.isHost(" Host "));
        assertEquals(
                "pack:2 core:4 pu:2",
                TopologySources.canonical(" pack:2 core:4 pu:2 "),
                "other specs are only stripped");
    }

    @Test
    void syntheticString() {
        Topology t = TopologySources.load(" pack:2 core:4 pu:2 ");
        assertEquals(16, t.puCount());
        assertEquals("hwloc synthetic string", t.source());
    }

    @Test
    void xmlFile() {
        Topology t =
                TopologySources.load(Fixtures.hwloc("two-socket-smt-split.xml").toString());
        assertEquals(16, t.puCount());
        assertTrue(t.source().startsWith("hwloc XML "), t.source());
    }

    @Test
    void host() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.exists(java.nio.file.Path.of("/sys/devices/system/cpu/online")));
        assertEquals("host", TopologySources.load("host").name());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TopologySources.load("epyc-9999"));
        assertTrue(e.getMessage().startsWith("unknown topology 'epyc-9999'"), e.getMessage());
        for (String name : TopologySources.presetNames()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> TopologySources.preset("nope"));
        assertTrue(p.getMessage().contains("unknown preset 'nope' (known: epyc-9654-2s"), p.getMessage());
    }

    @Test
    void blankSpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopologySources.load(" "));
        assertTrue(e.getMessage().startsWith("empty topology"), e.getMessage());
    }

    @Test
    void badSyntheticStringSaysSo() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TopologySources.load("pack:2 cpu:4"));
        assertTrue(e.getMessage().contains("unknown level 'cpu:4'"), e.getMessage());
    }
}
