package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.TopologySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyCommandTest {

    @Test
    void smallPresetPrintsTheWholeTreeAndThePlacements() {
        Cli.Run r = run("topology", "--topology", "small-16");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("topology: small-16"), out);
        assertTrue(out.contains("source:   preset small-16"), out);
        assertTrue(out.contains("notes:    none"), out);
        assertTrue(out.contains("Package #1 + Die #1 + NUMA node #1 + LLC #1: 8 PUs, CPUs 4-7,12-15"), out);
        assertTrue(out.contains("Core #7: PUs 7,15"), out);
        assertTrue(out.contains("counts:      packages 2, dies 2, NUMA nodes 2, LLCs 2, cores 8, PUs 16"), out);
        assertTrue(out.contains("max fan-out: machine 2, package 1, die 1, NUMA node 1, LLC 4, core 2"), out);
        assertTrue(out.contains("placement of 16 threads"), out);
        assertTrue(out.contains("  compact       0,8,1,9,2,10,3,11,4,12,5,13,6,14,7,15"), out);
        assertTrue(
                out.contains(
                        "  one-per-core  cannot place: placement one-per-core needs 16 cores but topology 'small-16' has 8"),
                out);
        assertTrue(out.contains("  none          not pinned"), out);
        assertEquals("", r.err());
    }

    @Test
    void bigMachinesGetAShortenedTree() {
        Cli.Run r = run("topology", "--topology", "epyc-9654-2s", "--threads", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12x LLC #0-11: 16 PUs each; first: CPUs 0-7,192-199"), r.out());
        assertTrue(r.out().contains("8x Core #0-7: 2 PUs each; first: PUs 0,192"), r.out());
        assertTrue(r.out().contains("  spread        0,96,8,104"), r.out());
        assertTrue(r.out().lines().count() < 40, r.out());
    }

    @Test
    void syntheticStringAndXmlFile(@TempDir Path dir) throws IOException {
        Cli.Run s = run("topology", "--topology", "pack:2 core:2 pu:2 numbering:smt-split", "--threads", "2");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("  spread        0,2"), s.out());
        Path xml = Files.writeString(dir.resolve("two.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE topology SYSTEM "hwloc2.dtd">
                <topology version="2.0"><object type="Machine" os_index="0">
                  <object type="Package" os_index="0"><object type="Core" os_index="0">
                    <object type="PU" os_index="0"/><object type="PU" os_index="1"/></object></object>
                </object></topology>
                """);
        Cli.Run x = run("topology", "--topology", xml.toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains("topology: two.xml"), x.out());
        assertTrue(x.out().contains("Core #0: PUs 0-1"), x.out());
        assertTrue(x.out().contains("no NUMANode"), x.out());
    }

    @Test
    void hostIsTheDefault() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/sys/devices/system/cpu/online")));
        Cli.Run r = run("topology");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("topology: host"), r.out());
        assertTrue(r.out().contains("on the CPUs this process may use"), r.out());
    }

    @Test
    void listShowsEveryPresetWithItsComment() {
        Cli.Run r = run("topology", "--list");
        assertEquals(0, r.code(), r.err());
        for (var p : TopologySources.presets()) {
            assertTrue(r.out().contains(p.name()), r.out());
            assertTrue(r.out().contains(p.description()), r.out());
        }
        assertTrue(r.out().contains("384 PUs  2-socket AMD EPYC 9654"), r.out());
    }

    @Test
    void unknownPreset() {
        run("topology", "--topology", "epyc-9999").assertOneLineError("unknown topology 'epyc-9999'");
        assertTrue(run("topology", "--topology", "epyc-9999").err().contains("epyc-9654-2s"));
    }

    @Test
    void badSyntheticString() {
        run("topology", "--topology", "pack:2 cores:4 pu:2").assertOneLineError("unknown level 'cores:4'");
        run("topology", "--topology", "pack:0 pu:2").assertOneLineError("count in 'pack:0' is not a positive integer");
    }

    @Test
    void nonPositiveThreadCounts() {
        run("topology", "--topology", "small-8", "--threads", "0")
                .assertOneLineError("--threads 0: a thread count must be between 1 and 65536");
        run("topology", "--topology", "small-8", "--threads", "-2").assertOneLineError("--threads -2: a thread count");
    }

    @Test
    void malformedAndHostileXml(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<topology><object type=\"PU\" os_index=\"0\">");
        run("topology", "--topology", broken.toString()).assertOneLineError("broken.xml");
        Path other = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        run("topology", "--topology", other.toString()).assertOneLineError("not an hwloc XML topology");
        Path xxe = Files.writeString(
                dir.resolve("xxe.xml"),
                "<!DOCTYPE topology [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><topology>&x;</topology>");
        run("topology", "--topology", xxe.toString()).assertOneLineError("declares entity 'x'");
        run("topology", "--topology", dir.resolve("missing.xml").toString()).assertOneLineError("no such file");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run r = run("topology", "--verbose", "--topology", "nope");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
