package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysfsSourceTest {

    @Test
    void twoSocketSmtBoxHasItsShape() {
        Topology t = Fixtures.loadSysfs("two-socket-smt");
        assertEquals(16, t.puCount());
        assertEquals(2, t.domainCount(Level.PACKAGE));
        assertEquals(2, t.domainCount(Level.NUMA));
        assertEquals(2, t.domainCount(Level.LLC));
        assertEquals(8, t.domainCount(Level.CORE));
        assertArrayEquals(new int[] {3, 11}, t.siblings(3, Level.CORE));
        assertArrayEquals(new int[] {4, 5, 6, 7, 12, 13, 14, 15}, t.siblings(12, Level.LLC));
        assertArrayEquals(new int[] {0, 1, 2, 3, 8, 9, 10, 11}, t.siblings(0, Level.NUMA));
        assertTrue(t.notes().isEmpty(), "complete sysfs needs no notes: " + t.notes());
        assertTrue(t.source().contains("sysfs"));
    }

    @Test
    void offlineCpusAreLeftOutAndNoted() {
        Topology t = Fixtures.loadSysfs("offline-cpus");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 8, 9, 10, 11}, t.cpus());
        assertFalse(t.hasCpu(6));
        assertEquals(12, t.cpuIdLimit());
        assertEquals(6, t.domainCount(Level.CORE), "cores 6 and 7 have no online PU");
        assertArrayEquals(new int[] {0, 8}, t.siblings(0, Level.CORE));
        assertArrayEquals(new int[] {4}, t.siblings(4, Level.CORE), "its sibling 12 is offline");
        assertTrue(
                t.notes().stream().anyMatch(n -> n.contains("offline CPUs 6-7,12-15")),
                t.notes().toString());
    }

    @Test
    void vmWithoutCachesOrNodesFallsBackWithNotes() {
        Topology t = Fixtures.loadSysfs("vm-no-caches");
        assertEquals(4, t.puCount());
        assertEquals(1, t.domainCount(Level.LLC));
        assertEquals(1, t.domainCount(Level.NUMA));
        assertEquals(4, t.domainCount(Level.CORE));
        assertTrue(
                t.notes().stream()
                        .anyMatch(n -> n.contains("no cache information in sysfs (VM?): one LLC per package")),
                t.notes().toString());
        assertTrue(
                t.notes().stream().anyMatch(n -> n.contains("no NUMA nodes in sysfs: one node assumed")),
                t.notes().toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "empty|online: no online CPUs",
                "cpu-in-two-nodes|CPU 2 is in two NUMA nodes",
                "garbage-core-id|core_id: 'banana' is not a non-negative integer",
                "online-without-dir|lists CPU 2 as online but",
                "garbage-online|'x' is not a number or a range",
                "llc-without-self|does not list CPU 1 itself",
            })
    void brokenSysfsNamesTheFileAndTheProblem(String fixture, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.loadSysfs(fixture));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(fixture), "names the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingRootIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new SysfsSource(Fixtures.sysfs("empty").resolve("nowhere")).load("x"));
        assertTrue(e.getMessage().contains("no online CPUs"), e.getMessage());
    }

    @Test
    void thisMachineLoadsWhenItHasSysfs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.exists(java.nio.file.Path.of("/sys/devices/system/cpu/online")), "no sysfs here");
        Topology t = SysfsSource.host();
        assertEquals("host", t.name());
        assertTrue(t.puCount() >= 1);
        for (int cpu : Affinity.allowedCpus()) {
            assertTrue(t.hasCpu(cpu), "allowed CPU " + cpu + " is online");
        }
    }
}
