package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** hwloc XML files written by lstopo 2.9 (see the fixture names for the synthetic strings used). */
class HwlocXmlSourceTest {

    private static Topology load(String file) {
        return new HwlocXmlSource(Fixtures.hwloc(file)).load();
    }

    @Test
    void numaNodesAttachedToGroupsAndL3s() {
        // lstopo --input "pack:2 numa:2 l3:3 core:4 pu:2": each NUMANode hangs off a Group
        Topology t = load("pack2-numa2-l3x3-core4-pu2.xml");
        assertEquals(96, t.puCount());
        assertEquals(2, t.domainCount(Level.PACKAGE));
        assertEquals(4, t.domainCount(Level.NUMA));
        assertEquals(12, t.domainCount(Level.LLC));
        assertEquals(48, t.domainCount(Level.CORE));
        assertArrayEquals(new int[] {0, 1}, t.siblings(0, Level.CORE));
        assertArrayEquals(java.util.stream.IntStream.range(24, 48).toArray(), t.siblings(30, Level.NUMA));
        assertEquals("pack2-numa2-l3x3-core4-pu2.xml", t.name());
        assertTrue(t.notes().isEmpty(), t.notes().toString());
    }

    @Test
    void splitSmtNumberingAndANodeAtTheMachine() {
        // lstopo --input "pack:2 l3:1 core:4 pu:2(indexes=2*8:1*2)": siblings c and c+8, one NUMANode for both packages
        Topology t = load("two-socket-smt-split.xml");
        assertEquals(16, t.puCount());
        assertArrayEquals(new int[] {2, 10}, t.siblings(2, Level.CORE));
        assertArrayEquals(new int[] {4, 5, 6, 7, 12, 13, 14, 15}, t.siblings(4, Level.PACKAGE));
        assertEquals(2, t.domainCount(Level.NUMA), "the machine's one node appears under each package");
        assertEquals(Distance.SAME_CORE, t.distance(3, 11));
        assertEquals(Distance.REMOTE, t.distance(3, 4));
    }

    @Test
    void diesAndInnerCaches() {
        // lstopo --input "pack:1 die:2 numa:1 l3:2 l2:2 core:1 pu:2": L3 is the LLC, not L2
        Topology t = load("one-socket-two-dies.xml");
        assertEquals(16, t.puCount());
        assertEquals(2, t.domainCount(Level.DIE));
        assertEquals(2, t.domainCount(Level.NUMA));
        assertEquals(4, t.domainCount(Level.LLC));
        assertEquals(8, t.domainCount(Level.CORE));
        assertEquals(Distance.SAME_LLC, t.distance(0, 2));
    }

    @Test
    void realMachineWithIoObjectsAndAllCacheLevels() {
        // lstopo --of xml on the 2-vCPU development VM: L1d/L1i/L2 per core, one L3, PCI and OS devices
        Topology t = load("vm-2cpu-real.xml");
        assertArrayEquals(new int[] {0, 1}, t.cpus());
        assertEquals(2, t.domainCount(Level.CORE));
        assertEquals(1, t.domainCount(Level.LLC));
        assertEquals(Distance.SAME_LLC, t.distance(0, 1));
    }

    @Test
    void notHwlocXmlIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("not-hwloc.xml"));
        assertTrue(e.getMessage().contains("not an hwloc XML topology (root element is <project>"), e.getMessage());
    }

    @Test
    void truncatedXmlIsRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("truncated.xml"));
        assertTrue(e.getMessage().contains("truncated.xml: line "), e.getMessage());
    }

    @Test
    void missingFileIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new HwlocXmlSource(java.nio.file.Path.of("/nonexistent/box.xml")).load());
        assertEquals("hwloc XML /nonexistent/box.xml: no such file", e.getMessage());
    }

    @Test
    void puWithoutOsIndexOrWithGarbageIsRejected() {
        assertMessage(
                "<topology><object type=\"Machine\"><object type=\"PU\"/></object></topology>",
                "PU #0 (in document order) has no os_index");
        assertMessage(
                "<topology><object type=\"Machine\"><object type=\"PU\" os_index=\"x1\"/></object></topology>",
                "os_index 'x1', not a non-negative integer");
        assertMessage(
                "<topology><object type=\"Machine\"><object type=\"PU\" os_index=\"1\"/>"
                        + "<object type=\"PU\" os_index=\"1\"/></object></topology>",
                "CPU 1 appears twice");
        assertMessage("<topology><object type=\"Machine\"/></topology>", "no PU objects");
    }

    @Test
    void coreIdsRepeatedAcrossPackagesStayDistinct() {
        String xml = "<topology><object type=\"Machine\">"
                + "<object type=\"Package\" os_index=\"0\"><object type=\"Core\" os_index=\"0\"><object type=\"PU\" os_index=\"0\"/></object></object>"
                + "<object type=\"Package\" os_index=\"1\"><object type=\"Core\" os_index=\"0\"><object type=\"PU\" os_index=\"1\"/></object></object>"
                + "</object></topology>";
        Topology t = parse(xml);
        assertEquals(2, t.domainCount(Level.CORE));
        assertEquals(Distance.REMOTE, t.distance(0, 1));
        assertTrue(
                t.notes().stream().anyMatch(n -> n.contains("no NUMANode")),
                t.notes().toString());
    }

    private static Topology parse(String xml) {
        return HwlocXmlSource.parse(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "inline", "inline.xml");
    }

    private static void assertMessage(String xml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(xml));
        assertTrue(e.getMessage().startsWith("inline.xml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
