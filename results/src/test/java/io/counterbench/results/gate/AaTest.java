package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import io.counterbench.results.run.RunLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A/A checks on recorded runs of the same code on the same box (aa/quick-a and aa/quick-b: two
 * real runs of './run-bench.sh run --profile quick --counters tree,flat,adder,per-thread', one
 * after the other). The gate must not call a difference between them a regression.
 */
class AaTest {

    private static GateResult gate(String base, String cur, GateOptions o) {
        return Gate.compare(RunLoader.load(Fixtures.resource(base)), RunLoader.load(Fixtures.resource(cur)), o);
    }

    @Test
    void aQuickRunAgainstItselfPasses() {
        GateResult g = gate("aa/quick-a", "aa/quick-a", GateOptions.defaults());
        assertFalse(g.failed());
        assertEquals(72, g.count(Verdict.SAME));
    }

    @Test
    void twoQuickRunsOfTheSameCodePass() {
        GateResult g = gate("aa/quick-a", "aa/quick-b", GateOptions.defaults());
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(72, g.rows().size());
        assertEquals(0, g.count(Verdict.REGRESSION));
        assertEquals(0, g.count(Verdict.IMPROVEMENT));
        assertEquals(0, g.accuracyFailures());
        // the quick profile measures 3 iterations in 1 fork: at alpha 0.01 the test cannot fire, and the gate says so
        assertTrue(g.notes().stream().anyMatch(n -> n.startsWith("72 of 72 compared rows have too few samples (e.g. 3 + 3")), g.notes().toString());
        assertTrue(g.count(Verdict.INCONCLUSIVE) > 0, "rows that moved beyond the threshold are flagged, not failed");
    }

    @Test
    void theSameMachineIsRecognised() {
        GateResult g = gate("aa/quick-a", "aa/std-a", new GateOptions(0.05, 0.01, null, false, true));
        assertTrue(g.notes().stream().noneMatch(n -> n.contains("different machines")), g.notes().toString());
        assertEquals("AMD EPYC / 2 CPUs (both runs)", GateText.machines(g));
        Path p = Fixtures.resource("aa/quick-b");
        assertEquals("complete", RunLoader.load(p).status());
    }
}
