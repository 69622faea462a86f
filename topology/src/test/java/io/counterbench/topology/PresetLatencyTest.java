package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresetLatencyTest {

    static List<String> presetNames() {
        return TopologySources.presetNames();
    }

    /** Every distance class some pair of the topology's CPUs is at (computed from the tree). */
    static Set<LatencyClass> classesOf(Topology t) {
        Set<LatencyClass> out = EnumSet.noneOf(LatencyClass.class);
        int[] cpus = t.cpus();
        // the first CPU against all others covers every class on these symmetric presets; check every CPU of the first
        // package too
        for (int a : t.domains(Level.PACKAGE).getFirst().cpus()) {
            for (int b : cpus) {
                if (a != b) {
                    out.add(LatencyClass.of(t.distance(a, b)));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void everyFigureNamesItsSourceAndIsAClassTheMachineHas(String name) {
        LatencyProfile p = TopologySources.presetLatency(name);
        Set<LatencyClass> possible = classesOf(TopologySources.load(name));
        for (var e : p.figures().entrySet()) {
            assertFalse(e.getValue().source().isBlank(), name + " " + e.getKey().key());
            assertTrue(
                    possible.contains(e.getKey()),
                    name + ": a figure for " + e.getKey().key() + ", which no pair of its CPUs is at (" + possible
                            + ")");
        }
        assertFalse(p.source().isBlank(), name);
    }

    @Test
    void theEpycProfileHasTheThreeClassesItsPublishedRunMeasured() {
        LatencyProfile p = TopologySources.presetLatency("epyc-9654-2s");
        assertEquals(
                EnumSet.of(LatencyClass.SAME_LLC, LatencyClass.SAME_NODE, LatencyClass.REMOTE),
                p.figures().keySet());
        assertTrue(p.oneWayNs(LatencyClass.SAME_LLC) < p.oneWayNs(LatencyClass.SAME_NODE), "nearer is faster");
        assertTrue(p.oneWayNs(LatencyClass.SAME_NODE) < p.oneWayNs(LatencyClass.REMOTE), "nearer is faster");
        assertTrue(Double.isNaN(p.oneWayNs(LatencyClass.SAME_CORE)), "no figure is NaN, never a guess");
        assertTrue(p.source().contains("issue #89"), p.source());
    }

    @Test
    void presetsWithoutFiguresHaveAnEmptyProfile() {
        assertTrue(TopologySources.presetLatency("small-2").isEmpty());
        LatencyProfile xeon = TopologySources.presetLatency("xeon-8480-2s");
        assertTrue(xeon.isEmpty());
        assertTrue(xeon.source().startsWith("none"), xeon.source());
    }

    @Test
    void everyDistanceButOnePuHasAClass() {
        for (Distance d : Distance.values()) {
            if (d == Distance.SAME_PU) {
                assertThrows(IllegalArgumentException.class, () -> LatencyClass.of(d));
            } else {
                LatencyClass c = LatencyClass.of(d);
                assertEquals(c, LatencyClass.parse(c.key()));
                assertEquals(d.ordinal() - 1, c.ordinal(), "nearest first, in Distance's order");
            }
        }
    }

    @Test
    void formatErrorsNameTheFileAndTheLine() {
        String head = "# box\n# pus: 2\n# latency-profile: test figures\n";
        assertMessage(head + "# latency same-llc: 20 ns\npack:1 pu:2", "same-llc names no source");
        assertMessage(head + "# latency same-cache: 20 ns -- x\npack:1 pu:2", "unknown latency class 'same-cache'");
        assertMessage(
                head + "# latency same-llc: 20 ns -- x\n# latency same-llc: 21 ns -- y\npack:1 pu:2",
                "same-llc is given twice");
        assertMessage(head + "# latency same-llc: fast -- x\npack:1 pu:2", "'fast' is not a number of ns or none");
        assertMessage(head + "# latency same-llc: -3 ns -- x\npack:1 pu:2", "must be above 0");
        assertMessage(head + "# latency same-llc: 2e7 ns -- x\npack:1 pu:2", "must be above 0 and at most");
        assertMessage(
                "# box\n# pus: 2\n# latency same-llc: 20 ns -- x\npack:1 pu:2", "need a '# latency-profile: ...' line");
        assertMessage(head + "# latency same-llc 20 ns -- x\npack:1 pu:2", "is not '# latency CLASS: NS ns -- SOURCE'");
    }

    @Test
    void noneLinesDocumentAnEmptyClass() {
        LatencyProfile p = PresetLatency.parse(
                "x",
                "# box\n# pus: 2\n# latency-profile: test\n"
                        + "# latency same-core: none -- SMT was off\n# latency same-llc: 20 ns -- a paper\npack:1 pu:2");
        assertEquals(Set.of(LatencyClass.SAME_LLC), p.figures().keySet());
        assertEquals(20.0, p.oneWayNs(LatencyClass.SAME_LLC));
        assertEquals("a paper", p.figures().get(LatencyClass.SAME_LLC).source());
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PresetLatency.parse("x", text));
        assertTrue(e.getMessage().startsWith("preset x (presets/x.topo): "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
