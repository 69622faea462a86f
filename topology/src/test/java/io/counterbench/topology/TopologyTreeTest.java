package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTreeTest {

    @Test
    void smallTreeIsPrintedInFull() {
        TopologyTree.Rendering r = TopologyTree.render(Fixtures.loadSysfs("offline-cpus"), 40);
        assertFalse(r.shortened());
        assertEquals(
                List.of(
                        "Machine: 10 PUs, CPUs 0-5,8-11",
                        "  Package #0 + Die #0 + NUMA node #0 + LLC #0: 10 PUs, CPUs 0-5,8-11",
                        "    Core #0: PUs 0,8",
                        "    Core #1: PUs 1,9",
                        "    Core #2: PUs 2,10",
                        "    Core #3: PUs 3,11",
                        "    Core #4: PU 4",
                        "    Core #5: PU 5"),
                r.lines());
    }

    @Test
    void identicalSiblingsAreFoldedWithAMultiplier() {
        TopologyTree.Rendering r = TopologyTree.render(SyntheticSource.parse("pack:2 numa:2 l3:6 core:8 pu:2"), 40);
        assertTrue(r.shortened());
        assertEquals(
                List.of(
                        "Machine: 384 PUs, CPUs 0-383",
                        "  2x Package #0-1 + Die #0-1: 192 PUs each; first: CPUs 0-191",
                        "    2x NUMA node #0-1: 96 PUs each; first: CPUs 0-95",
                        "      6x LLC #0-5: 16 PUs each; first: CPUs 0-15",
                        "        8x Core #0-7: 2 PUs each; first: PUs 0-1"),
                r.lines());
    }

    @Test
    void differingSiblingsPastTheSecondAreElided() {
        TopologyBuilder b = new TopologyBuilder("uneven", "test");
        int cpu = 0;
        for (int pkg = 0; pkg < 6; pkg++) {
            for (int core = 0; core <= pkg; core++) {
                b.pu(cpu++, pkg, -1, -1, -1, core);
            }
        }
        TopologyTree.Rendering r = TopologyTree.render(b.build(), 10);
        assertTrue(r.shortened());
        assertEquals("  ... (4 more)", r.lines().get(r.lines().size() - 1), String.join("\n", r.lines()));
        assertTrue(
                r.lines().contains("  Package #1 + Die #1 + NUMA node #1 + LLC #1: 2 PUs, CPUs 1-2"),
                String.join("\n", r.lines()));
    }

    @Test
    void hugeMachinesStayShort() {
        TopologyTree.Rendering r = TopologyTree.render(SyntheticSource.parse("pack:16 numa:4 l3:8 core:64 pu:2"), 40);
        assertTrue(r.shortened());
        assertTrue(r.lines().size() <= 6, String.join("\n", r.lines()));
    }
}
