package io.counterbench.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentJsonTest {

    private static final Environment ENV = new Environment(
            "AMD EPYC 9654",
            384,
            "0-383",
            "6.8.0",
            "Linux",
            "amd64",
            new Environment.Jdk("25", "OpenJDK 64-Bit Server VM", "25+36", "Eclipse Adoptium"),
            List.of("-Xmx4g", "-XX:+UseParallelGC"),
            "Parallel (PS Scavenge, PS MarkSweep)",
            "performance",
            false,
            "1.37",
            "epyc-1",
            List.of(0.5, 0.25, 0.125),
            1L << 40);

    @Test
    void environmentHasTheRunJsonShape() throws Exception {
        ProcStat.Delta d = ProcStatTest.delta("kvm-host-start.txt", "kvm-host-end.txt");
        JsonNode root =
                new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(EnvironmentJson.toJson(ENV, d)));
        assertEquals("AMD EPYC 9654", root.get("cpuModel").asText());
        assertEquals(384, root.get("cpus").get("available").asInt());
        assertEquals("0-383", root.get("cpus").get("online").asText());
        assertEquals(384, root.get("cpus").get("onlineCount").asInt());
        assertEquals("6.8.0", root.get("kernel").asText());
        assertEquals("25", root.get("jdk").get("version").asText());
        assertEquals("OpenJDK 64-Bit Server VM", root.get("jdk").get("vmName").asText());
        assertEquals("25+36", root.get("jdk").get("vmVersion").asText());
        assertEquals("Eclipse Adoptium", root.get("jdk").get("vendor").asText());
        assertEquals(2, root.get("jvmArgs").size());
        assertEquals("-XX:+UseParallelGC", root.get("jvmArgs").get(1).asText());
        assertEquals("performance", root.get("governor").asText());
        assertFalse(root.get("virtualMachine").asBoolean());
        assertTrue(root.get("virtualMachine").isBoolean());
        assertEquals("1.37", root.get("jmhVersion").asText());
        assertEquals("epyc-1", root.get("host").asText());
        assertEquals(3, root.get("loadAverage").size());
        assertEquals(0.25, root.get("loadAverage").get(1).asDouble());
        assertEquals(1L << 40, root.get("memoryBytes").asLong());
        assertEquals("Linux", root.get("os").get("name").asText());

        JsonNode ps = root.get("procStat");
        assertTrue(ps.get("available").asBoolean());
        assertEquals(1000, ps.get("jiffies").get("user").asLong());
        assertEquals(2000, ps.get("jiffies").get("guest").asLong());
        assertEquals(100, ps.get("jiffies").get("guestNice").asLong());
        assertEquals(4765, ps.get("jiffies").get("total").asLong());
        assertEquals(20.99, ps.get("percent").get("user").asDouble(), 1e-9);
        assertEquals(41.97, ps.get("percent").get("guest").asDouble(), 1e-9);
        for (String k : List.of("user", "system", "iowait", "steal", "guest", "idle")) {
            assertTrue(ps.get("percent").has(k), k);
        }
        assertEquals(2, ps.get("perCpuBusyPercent").size());
        assertEquals(82.7, ps.get("perCpuBusyPercent").get(0).get("busy").asDouble(), 1e-9);
        assertFalse(ps.get("noisyVm").asBoolean());
        assertEquals(EnvironmentJson.PROC_STAT_NOTE, ps.get("note").asText());
        assertTrue(ps.get("note").asText().contains("user excludes guest time"));
    }

    @Test
    void stealShowsAsANoisyVm() {
        JsonNode ps = EnvironmentJson.procStat(ProcStatTest.delta("steal-start.txt", "steal-end.txt"));
        assertEquals(10.0, ps.get("percent").get("steal").asDouble(), 1e-9);
        assertTrue(ps.get("noisyVm").asBoolean());
    }

    @Test
    void anUnavailableDeltaSaysSoAndStillHasTheNote() {
        ProcStat.Delta d = ProcStat.between(ProcStat.unavailable("not Linux"), ProcStat.unavailable("not Linux"));
        JsonNode ps = EnvironmentJson.procStat(d);
        assertFalse(ps.get("available").asBoolean());
        assertFalse(ps.has("jiffies"));
        assertTrue(ps.get("warnings").get(0).asText().contains("not Linux"));
        assertEquals(EnvironmentJson.PROC_STAT_NOTE, ps.get("note").asText());
    }

    @Test
    void theCapturedEnvironmentSerializes() throws Exception {
        ProcStat a = ProcStat.read();
        String json = new ObjectMapper()
                .writeValueAsString(
                        EnvironmentJson.toJson(Environment.capture(), ProcStat.between(a, ProcStat.read())));
        JsonNode root = new ObjectMapper().readTree(json);
        for (String k : List.of(
                "cpuModel",
                "cpus",
                "kernel",
                "jdk",
                "jvmArgs",
                "governor",
                "virtualMachine",
                "jmhVersion",
                "host",
                "loadAverage",
                "memoryBytes",
                "procStat")) {
            assertTrue(root.has(k), k + " in " + json);
            assertFalse(root.get(k).isNull(), k);
        }
    }
}
