package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.InputException;
import io.counterbench.results.run.RunLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gate verdicts on a real run (aa/std-a: standard profile, UpdateBenchmark.inc and
 * ReadBenchmark.approximate for tree and adder, 5 iterations of 1 s each) and modified copies.
 */
class GateTest {
    private static final String STD = "aa/std-a";

    private static GateResult gate(Path base, Path cur, GateOptions o) {
        return Gate.compare(RunLoader.load(base), RunLoader.load(cur), o);
    }

    @Test
    void aRunAgainstItselfPasses() {
        Path run = Fixtures.resource(STD);
        GateResult g = gate(run, run, GateOptions.defaults());
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(16, g.count(Verdict.SAME), GateText.table(g));
        assertTrue(g.rows().stream().allMatch(r -> r.change() == 0 && r.p() == 1.0));
    }

    @Test
    void twentyPercentSlowerEverywhereFails(@TempDir Path tmp) {
        Path slower = Runs.copy(STD, tmp, "slower", Runs.performance(0.8));
        GateResult g = gate(Fixtures.resource(STD), slower, GateOptions.defaults());
        assertTrue(g.failed(), GateText.table(g));
        assertTrue(g.count(Verdict.REGRESSION) >= 4, GateText.table(g));
        assertEquals(0, g.count(Verdict.IMPROVEMENT));
        RowComparison tree1 = g.rows().getFirst();
        assertEquals("UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1", tree1.name());
        assertEquals(-0.2, tree1.change(), 1e-9);
        assertEquals(Verdict.REGRESSION, tree1.verdict(), GateText.table(g));
        assertTrue(tree1.p() < 0.01);
        // a time-mode row got 25% slower (1 / 0.8): a regression too, direction from the mode
        assertTrue(g.rows().stream().anyMatch(r -> r.name().startsWith("ReadBenchmark") && r.verdict() == Verdict.REGRESSION));
        // rows whose samples overlap even after the shift stay "~": the test must agree with the threshold
        assertTrue(g.rows().stream().anyMatch(r -> r.verdict() == Verdict.SAME && Math.abs(r.change()) > 0.05), GateText.table(g));
    }

    @Test
    void twentyPercentFasterPassesAndReportsImprovements(@TempDir Path tmp) {
        Path faster = Runs.copy(STD, tmp, "faster", Runs.performance(1.2));
        GateResult g = gate(Fixtures.resource(STD), faster, GateOptions.defaults());
        assertFalse(g.failed(), GateText.table(g));
        assertTrue(g.count(Verdict.IMPROVEMENT) >= 4, GateText.table(g));
        assertEquals(0, g.count(Verdict.REGRESSION));
        assertTrue(GateText.markdown(g).contains("## counterbench gate: passed ("), GateText.markdown(g));
    }

    @Test
    void normalizingByAdderCancelsAUniformSlowdown(@TempDir Path tmp) {
        Path slower = Runs.copy(STD, tmp, "slower", Runs.performance(0.8));
        GateResult raw = gate(Fixtures.resource(STD), slower, GateOptions.defaults());
        assertTrue(raw.failed());
        GateResult g = gate(Fixtures.resource(STD), slower, GateOptions.defaults().withNormalizeBy("adder"));
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(0, g.count(Verdict.REGRESSION));
        assertEquals(8, g.count(Verdict.REFERENCE), "the adder rows themselves");
        assertEquals(8, g.count(Verdict.SAME), GateText.table(g));
        g.rows().stream().filter(r -> r.verdict() == Verdict.SAME).forEach(r -> {
            assertEquals(0, r.change(), 1e-9, r.name());
            assertEquals("x adder", r.unit());
        });
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("divided by the same run's adder score")), g.notes().toString());
    }

    @Test
    void normalizingByACounterTheRunLacksIsBadInput() {
        Path run = Fixtures.resource(STD);
        InputException e = assertThrows(InputException.class, () -> gate(run, run, GateOptions.defaults().withNormalizeBy("flat")));
        assertTrue(e.getMessage().contains("--normalize-by flat: no row has counter=flat"), e.getMessage());
    }

    @Test
    void aNewAccuracyViolationFails(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "violating", Runs.secondary("UpdateBenchmark.inc", "TREE", 2, "accuracy.violations", 3));
        GateResult g = gate(Fixtures.resource(STD), cur, GateOptions.defaults());
        assertTrue(g.failed());
        assertEquals(0, g.count(Verdict.REGRESSION));
        assertEquals(1, g.accuracyFailures());
        RowComparison r = g.rows().get(1);
        assertEquals(java.util.List.of("accuracy.violations 0 -> 3"), r.accuracyFailures());
        assertTrue(GateText.table(g).contains("ACCURACY"), GateText.table(g));
    }

    @Test
    void aGrownBoundFails(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "bigger-bound", Runs.secondary("UpdateBenchmark.inc", "TREE", 1, "accuracy.bound", 96));
        GateResult g = gate(Fixtures.resource(STD), cur, GateOptions.defaults());
        assertTrue(g.failed());
        assertEquals(java.util.List.of("accuracy.bound grew 64 -> 96"), g.rows().getFirst().accuracyFailures());
        assertTrue(GateText.markdown(g).contains("| **ACCURACY** | UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1 (accuracy.bound grew 64 -> 96) |"),
                GateText.markdown(g));
    }

    @Test
    void anotherMachineIsBadInputUnlessAllowed(@TempDir Path tmp) {
        Path other = Runs.copy(STD, tmp, "other", rows -> { });
        Runs.editRunJson(other, run -> ((ObjectNode) run.get("environment")).put("cpuModel", "Ampere Altra Max"));
        InputException e = assertThrows(InputException.class, () -> gate(Fixtures.resource(STD), other, GateOptions.defaults()));
        assertTrue(e.getMessage().contains("ran on different machines: cpuModel 'AMD EPYC' vs 'Ampere Altra Max'"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-different-machine"), e.getMessage());
        GateResult g = gate(Fixtures.resource(STD), other, new GateOptions(0.05, 0.01, null, true, false));
        assertFalse(g.failed());
        assertTrue(g.notes().getFirst().startsWith("different machines, compared because of --allow-different-machine"), g.notes().toString());
    }

    @Test
    void anotherTopologyIsAnotherMachine(@TempDir Path tmp) {
        Path other = Runs.copy(STD, tmp, "other", rows -> { });
        Runs.editRunJson(other, run -> ((ObjectNode) run.get("hostTopology").get("counts")).put("numa", 2));
        InputException e = assertThrows(InputException.class, () -> gate(Fixtures.resource(STD), other, GateOptions.defaults()));
        assertTrue(e.getMessage().contains("hostTopology pack 1, die 1, numa 1, l3 1, core 2, pu 2 vs pack 1, die 1, numa 2"), e.getMessage());
    }

    @Test
    void bareJmhFilesSkipTheMachineCheckWithANote() {
        Path f = Fixtures.resource(STD + "/jmh.json");
        GateResult g = gate(f, f, GateOptions.defaults());
        assertFalse(g.failed());
        assertTrue(g.notes().getFirst().startsWith("machine check skipped: no run.json environment for the baseline"), g.notes().toString());
    }

    @Test
    void rowsOnlyInTheCurrentRunAreNew(@TempDir Path tmp) {
        Path base = Runs.copy(STD, tmp, "fewer", rows -> rows.remove(0));
        GateResult g = gate(base, Fixtures.resource(STD), GateOptions.defaults());
        assertFalse(g.failed());
        assertEquals(1, g.count(Verdict.NEW));
        assertEquals(Verdict.NEW, g.rows().getLast().verdict());
    }

    @Test
    void rowsMissingFromTheCurrentRunAreBadInputUnlessAllowed(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "fewer", rows -> rows.remove(3));
        InputException e = assertThrows(InputException.class, () -> gate(Fixtures.resource(STD), cur, GateOptions.defaults()));
        assertTrue(e.getMessage().contains("missing 1 of 16 baseline rows (first: UpdateBenchmark.inc counter=adder placement=compact topology=host threads=2 mode=thrpt)"),
                e.getMessage());
        GateResult g = gate(Fixtures.resource(STD), cur, new GateOptions(0.05, 0.01, null, false, true));
        assertEquals(1, g.count(Verdict.MISSING));
        assertFalse(g.failed());
    }

    @Test
    void mixedModesAreBadInput(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "avgt", rows -> ((ObjectNode) rows.get(0)).put("mode", "avgt"));
        InputException e = assertThrows(InputException.class, () -> gate(Fixtures.resource(STD), cur, GateOptions.defaults()));
        assertTrue(e.getMessage().startsWith("mixed modes: UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1 is [thrpt] in the baseline"),
                e.getMessage());
    }

    @Test
    void noMatchingRowsIsBadInput() {
        InputException e = assertThrows(InputException.class,
                () -> gate(Fixtures.resource(STD), Fixtures.resource("jmh/two-modes.json"), GateOptions.defaults()));
        assertTrue(e.getMessage().startsWith("no row of the current run"), e.getMessage());
    }

    @Test
    void tooFewSamplesCannotFailAndSaySo(@TempDir Path tmp) {
        // three iterations per side: the smallest p-value possible is 0.0495, above alpha 0.01
        java.util.function.Consumer<ArrayNode> threeSamples = rows -> rows.forEach(r -> {
            ArrayNode raw = (ArrayNode) r.get("primaryMetric").get("rawData").get(0);
            raw.remove(4);
            raw.remove(3);
        });
        Path base = Runs.copy(STD, tmp, "three", threeSamples);
        Path halved = Runs.copy(STD, tmp, "three-halved", threeSamples.andThen(Runs.performance(0.5)));
        GateResult g = gate(base, halved, GateOptions.defaults());
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(16, g.count(Verdict.INCONCLUSIVE), GateText.table(g));
        assertTrue(g.notes().stream().anyMatch(n -> n.startsWith("16 of 16 compared rows have too few samples (e.g. 3 + 3: the smallest p-value possible is 0.0495)")),
                g.notes().toString());
    }

    @Test
    void mannWhitneyMinimumP() {
        assertEquals(0.0495, MannWhitney.minimumP(3, 3), 1e-4);
        assertTrue(MannWhitney.minimumP(5, 5) < 0.01);
        assertEquals(1.0, MannWhitney.pValue(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void thresholdsArePercentages() {
        assertEquals(0.05, GateOptions.parseThreshold("5%"), 1e-12);
        assertEquals(0.025, GateOptions.parseThreshold("2.5"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GateOptions.parseThreshold("five"));
        assertThrows(IllegalArgumentException.class, () -> GateOptions.parseThreshold("-1%"));
        assertThrows(IllegalArgumentException.class, () -> new GateOptions(0.05, 1.5, null, false, false));
    }
}
