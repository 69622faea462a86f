package io.counterbench.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @Test
    void captureWorksHereAndEveryFieldIsNonNull() throws Exception {
        Environment env = Environment.capture();
        for (RecordComponent c : Environment.class.getRecordComponents()) {
            assertNotNull(c.getAccessor().invoke(env), c.getName());
        }
        for (RecordComponent c : Environment.Jdk.class.getRecordComponents()) {
            assertNotNull(c.getAccessor().invoke(env.jdk()), "jdk." + c.getName());
        }
        assertEquals(Runtime.getRuntime().availableProcessors(), env.availableProcessors());
        assertEquals(System.getProperty("java.version"), env.jdk().version());
        assertEquals("1.37", env.jmhVersion());
        assertFalse(env.gc().equals(Environment.NA), env.gc());
        assertFalse(env.host().equals(Environment.NA));
        assertTrue(env.memoryBytes() > 0, "memory " + env.memoryBytes());
        assertFalse(env.jvmArgs().isEmpty(), "surefire passes the test JVM flags");
        if (Files.isReadable(Path.of("/proc/cpuinfo"))) {
            assertFalse(env.cpuModel().equals(Environment.NA), env.cpuModel());
            assertFalse(env.kernel().equals(Environment.NA));
            assertEquals(3, env.loadAverage().size());
            assertTrue(env.onlineCpuCount() >= 1, env.onlineCpus());
        }
        if (!Files.exists(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"))) {
            assertEquals("n/a (no cpufreq in sysfs: VM?)", env.governor());
        }
    }

    @Test
    void anEmptyRootGivesNaEverywhereAndNeverThrows(@TempDir Path root) {
        Environment env = Environment.capture(root);
        assertEquals(Environment.NA, env.cpuModel());
        assertEquals(Environment.NA, env.kernel());
        assertEquals(Environment.NA, env.onlineCpus());
        assertEquals(-1, env.onlineCpuCount());
        assertEquals(Environment.NO_CPUFREQ, env.governor());
        assertFalse(env.virtualMachine());
        assertEquals(List.of(), env.loadAverage());
        assertNotNull(env.host());
        assertTrue(env.memoryBytes() > 0, "falls back to the OS MXBean");
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void readsAFixtureTreeOfAnX86VmWithAGovernor(@TempDir Path root) throws IOException {
        write(root, "proc/cpuinfo", """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Xeon(R) Platinum 8480+
                flags\t\t: fpu vme de pse tsc msr hypervisor lahf_lm

                processor\t: 1
                model name\t: Intel(R) Xeon(R) Platinum 8480+
                """);
        write(root, "proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        write(root, "proc/sys/kernel/hostname", "bench-7\n");
        write(root, "proc/loadavg", "0.52 0.58 0.59 2/1234 56789\n");
        write(root, "proc/meminfo", "MemTotal:       16384 kB\nMemFree:  1 kB\n");
        write(root, "sys/devices/system/cpu/online", "0-3,8,10-11\n");
        write(root, "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        Environment env = Environment.capture(root);
        assertEquals("Intel(R) Xeon(R) Platinum 8480+", env.cpuModel());
        assertEquals("6.8.0-45-generic", env.kernel());
        assertEquals("bench-7", env.host());
        assertEquals(List.of(0.52, 0.58, 0.59), env.loadAverage());
        assertEquals(16384L * 1024, env.memoryBytes());
        assertEquals("0-3,8,10-11", env.onlineCpus());
        assertEquals(7, env.onlineCpuCount());
        assertEquals("performance", env.governor());
        assertTrue(env.virtualMachine());
    }

    @Test
    void armCpuinfoUsesHardwareOrTheCpuPart(@TempDir Path root) throws IOException {
        assertEquals("BCM2835", Environment.cpuModel("""
                processor\t: 0
                BogoMIPS\t: 108.00
                Features\t: fp asimd evtstrm crc32 cpuid
                CPU implementer\t: 0x41
                CPU part\t: 0xd08

                Hardware\t: BCM2835
                """));
        assertEquals("ARM implementer 0x41 part 0xd0c", Environment.cpuModel("""
                processor\t: 0
                Features\t: fp asimd
                CPU implementer\t: 0x41
                CPU architecture: 8
                CPU part\t: 0xd0c
                """));
        assertEquals(Environment.NA, Environment.cpuModel("garbage without colons\n"));
        assertFalse(Environment.hasHypervisorFlag("Features\t: fp asimd\n"));
        assertTrue(Environment.hasHypervisorFlag("flags : fpu hypervisor\n"));
        assertFalse(Environment.hasHypervisorFlag("flags : fpu hypervisorx\n"));
    }

    @Test
    void malformedProbesDegradeToNa() {
        assertEquals(List.of(), Environment.loadAverage("not numbers at all\n"));
        assertEquals(List.of(), Environment.loadAverage(""));
        Environment e =
                new Environment(null, 1, "x-y", null, null, null, null, null, null, null, false, null, null, null, -1);
        assertEquals(Environment.NA, e.cpuModel());
        assertEquals(Environment.NA, e.jdk().version());
        assertEquals(List.of(), e.jvmArgs());
        assertEquals(-1, e.onlineCpuCount());
        assertEquals(
                "Parallel",
                Environment.collectorFromBeans(new java.util.LinkedHashSet<>(List.of("PS Scavenge", "PS MarkSweep"))));
        assertEquals(
                "G1", Environment.collectorFromBeans(new java.util.LinkedHashSet<>(List.of("G1 Young Generation"))));
    }
}
