package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.inputs.Limits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values inside a well-formed hwloc XML are checked like the synthetic strings are: CPU numbers in
 * range, at most {@link Limits#MAX_CPUS} PUs, every object typed, cpusets that are hwloc bitmaps and
 * agree with the PUs under them; and a big document loads in time linear in its size.
 */
class HwlocXmlLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "1000000000", "65536"})
    void cpuNumbersOutsideTheRangeAreRefusedLikeSyntheticOnes(String os) {
        String m = message("<topology><object type=\"Machine\"><object type=\"PU\" os_index=\"0\"/>"
                + "<object type=\"PU\" os_index=\"" + os + "\"/></object></topology>");
        assertTrue(m.contains("os_index " + os) && m.contains(Limits.CPU_ID.rule()), m);
    }

    @Test
    void nonAsciiDigitsAreNotNumbers() {
        String m = message(
                "<topology><object type=\"Machine\"><object type=\"PU\" os_index=\"\u0663\"/></object></topology>");
        assertTrue(m.contains("not a non-negative integer"), m);
    }

    @Test
    void aPuWithoutATypeIsRefusedNotDropped() {
        String m = message("<topology><object type=\"Machine\"><object type=\"PU\" os_index=\"0\"/>"
                + "<object os_index=\"1\"/></object></topology>");
        assertTrue(m.contains("line 1: an <object> without a type"), m);
    }

    @Test
    void cpusetsMustBeHwlocBitmaps() {
        assertTrue(
                message(core("zz", "0x1")).contains("cpuset 'zz' word 'zz' is not a 32-bit hex number"),
                message(core("zz", "0x1")));
        assertTrue(message(core("", "0x1")).contains("cpuset '' is empty"), message(core("", "0x1")));
        assertTrue(
                message(core("0x1", "0x123456789")).contains("not a 32-bit hex number"),
                message(core("0x1", "0x123456789")));
    }

    @Test
    void cpusetsMustAgreeWithThePusUnderThem() {
        String m = message(core("0x00000003", "0x00000001"));
        assertTrue(m.contains("Core cpuset '0x00000003' lists CPUs 0-1 but the PUs under it are 0"), m);
        m = message(core("0x0", "0x1"));
        assertTrue(m.contains("lists CPUs none but the PUs under it are 0"), m);
        m = message(core("0x1", "0x2"));
        assertTrue(m.contains("PU cpuset '0x2' lists CPUs 1 but the PUs under it are 0"), m);
    }

    @Test
    void consistentCpusetsInHwlocsFormatAreAccepted() {
        // words most significant first, an empty word for zero, and the infinite prefix
        Topology t = parse("<topology><object type=\"Machine\" cpuset=\"0xf...f,0x1,,0x00000001\">"
                + "<object type=\"Core\" cpuset=\"0x00000001,,\"><object type=\"PU\" os_index=\"64\" cpuset=\"0x1,0x0,0x0\"/></object>"
                + "<object type=\"Core\" cpuset=\"0x1\"><object type=\"PU\" os_index=\"0\" cpuset=\"1\"/></object>"
                + "</object></topology>");
        assertEquals(2, t.puCount());
    }

    @Test
    void deepNestingIsRefusedBeforeItExhaustsTheStack() {
        String xml = "<topology>" + "<object type=\"Group\">".repeat(5000) + "</object>".repeat(5000) + "</topology>";
        String m = message(xml);
        assertTrue(m.contains("nested more than " + SafeXml.MAX_DEPTH + " deep"), m);
    }

    @Test
    void morePusThanAnyTopologyMayHaveAreRefused() {
        StringBuilder xml = new StringBuilder("<topology><object type=\"Machine\">");
        for (int i = 0; i <= Limits.MAX_CPUS; i++) {
            xml.append("<object type=\"PU\" os_index=\"").append(i).append("\"/>");
        }
        String m = message(xml.append("</object></topology>").toString());
        assertTrue(
                m.contains("more than " + Limits.MAX_CPUS + " PU objects") || m.contains("os_index " + Limits.MAX_CPUS),
                m);
    }

    /** 65536 Core+PU pairs under one package (6 MB): quadratic loading took minutes; linear takes a second or two. */
    @Test
    void theLargestTopologyLoadsInLinearTime(@TempDir Path dir) throws Exception {
        int n = Limits.MAX_CPUS;
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\"?>\n<topology version=\"2.0\">\n<object type=\"Machine\" os_index=\"0\">\n"
                        + "<object type=\"Package\" os_index=\"0\">\n<object type=\"NUMANode\" os_index=\"0\"/>\n");
        for (int i = 0; i < n; i++) {
            xml.append("<object type=\"Core\" os_index=\"")
                    .append(i)
                    .append("\"><object type=\"PU\" os_index=\"")
                    .append(i)
                    .append("\"/></object>\n");
        }
        xml.append("</object>\n</object>\n</topology>\n");
        Path file = dir.resolve("big.xml");
        Files.writeString(file, xml);
        Topology t = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> new HwlocXmlSource(file).load(),
                "a hang guard, not a speed test: the quadratic reader needed minutes here");
        assertEquals(n, t.puCount());
        assertEquals(n, t.domainCount(Level.CORE));
        assertEquals(1, t.domainCount(Level.NUMA));
    }

    /** A Core holding one PU, with the given cpusets. */
    private static String core(String coreSet, String puSet) {
        return "<topology><object type=\"Machine\"><object type=\"Core\" cpuset=\"" + coreSet + "\">"
                + "<object type=\"PU\" os_index=\"0\" cpuset=\"" + puSet + "\"/></object></object></topology>";
    }

    private static Topology parse(String xml) {
        return HwlocXmlSource.parse(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "inline", "inline.xml");
    }

    private static String message(String xml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(xml));
        assertTrue(e.getMessage().startsWith("inline.xml: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
