package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.jmh.ForkScore;
import io.counterbench.results.report.ForkedRun;
import io.counterbench.results.run.RunLoader;
import io.counterbench.results.util.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on recorded fork-level fixtures. ab/aa is a real ab run of one jar against itself
 * (A/A: 4 rows, 14 pairs); ab/slow5 a real ab run of one jar against itself whose current forks
 * had the slowdown knob at 5% on per-node (40 pairs of per-node and of the untouched adder, 1 thread;
 * one extra add every 16, measured as a 10% slower op). The separate-run tests take ab/aa's two sides as two runs taken apart (they are
 * independent forks of the same code on the same machine). Each test can fail: a gate that
 * flags everything fails the A/A tests, one that flags nothing fails the slowdown tests.
 */
class GateTest {
    static final String AA = "ab/aa";
    static final String SLOW = "ab/slow5";
    private static final String STD = "aa/std-a";

    private static GateResult paired(Path folder) {
        return AbFolder.load(folder).gate(GateOptions.paired());
    }

    private static GateResult separate(Path base, Path cur, GateOptions o) {
        return Gate.separate(RunLoader.load(base), RunLoader.load(cur), o);
    }

    @Test
    void aaFixturePasses() {
        GateResult g = paired(Fixtures.resource(AA));
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(0, g.count(Verdict.REGRESSION) + g.count(Verdict.IMPROVEMENT), GateText.table(g));
        assertEquals(g.rows().size(), g.compared());
        for (RowComparison r : g.rows()) {
            // 14 pairs bound every row at 0.01 / 4, whichever test
            assertTrue(r.effect().bounded(), r.name());
            assertTrue(r.effect().lower() <= 0.01, r.name());
            assertEquals(
                    r.effect().bounded(),
                    Double.isFinite(r.effect().mde()),
                    "a row with bounds says what it could have seen: " + r.name());
            assertEquals(
                    r.effect().p() <= r.effect().level(),
                    r.effect().lower() > 0,
                    "the p-value and the bound agree: " + r.name());
        }
        assertTrue(
                GateText.table(g).contains("result: passed")
                        || GateText.table(g).contains("result: INCONCLUSIVE"),
                GateText.table(g));
    }

    @Test
    void fivePercentKnobFixtureFailsOnThatCounterOnly() {
        GateResult g = paired(Fixtures.resource(SLOW));
        assertTrue(g.failed(), GateText.table(g));
        for (RowComparison r : g.rows()) {
            boolean slowed = r.name().contains("counter=per-node ");
            assertEquals(slowed, r.verdict() == Verdict.REGRESSION, GateText.table(g));
            if (slowed) {
                // the knob at 5% adds 6.25% more adds; per-node's op measured about 10% slower
                assertTrue(
                        r.effect().estimate() > 0.03 && r.effect().estimate() < 0.20,
                        r.effect().toString());
                assertTrue(r.effect().lower() > 0.01, "the whole interval above the 1% threshold: " + r.effect());
            }
        }
        assertTrue(GateText.markdown(g).contains("| **REGRESSION** |"), GateText.markdown(g));
    }

    /**
     * ab/knob-duet: a real ab run (2026-11-30) of one jar against itself, side by side on the two
     * CPUs, 16 pairs, forks of 10 x 40 ms, with the proportional knob at 2% on adder and 5% on flat
     * (1 thread). The best-iteration score recovers both injected slowdowns and flags the 5% one;
     * the mean of the same forks' iterations is noisier (a wider interval, a larger MDE).
     */
    @Test
    void proportionalKnobIsRecoveredAndTheBestIterationIsTighterThanTheMean() {
        Path dir = Fixtures.resource("ab/knob-duet");
        GateResult best = paired(dir);
        assertEquals(ForkScore.BEST, best.options().forkScore(), "ab's default");
        RowComparison adder = best.rows().get(0);
        RowComparison flat = best.rows().get(1);
        assertTrue(
                adder.name().contains("counter=adder") && flat.name().contains("counter=flat"), GateText.table(best));
        assertEquals(0.02, adder.effect().estimate(), 0.01, "2% injected: " + adder.effect());
        assertEquals(0.05, flat.effect().estimate(), 0.01, "5% injected: " + flat.effect());
        assertEquals(Verdict.REGRESSION, flat.verdict(), GateText.table(best));
        AbFolder f = AbFolder.load(dir);
        GateResult mean = f.gate(new GateOptions(
                GateOptions.PAIRED_THRESHOLD,
                GateOptions.DEFAULT_ALPHA,
                GateOptions.PAIRED_DETECT,
                null,
                false,
                false,
                ForkScore.MEAN));
        for (int i = 0; i < 2; i++) {
            Effect b = best.rows().get(i).effect();
            Effect m = mean.rows().get(i).effect();
            assertTrue(b.mde() < m.mde(), "row " + i + ": best " + b + " vs mean " + m);
        }
        assertTrue(
                best.notes().stream().anyMatch(n -> n.contains("its best iteration")),
                best.notes().toString());
        assertTrue(
                mean.notes().stream().noneMatch(n -> n.contains("best iteration")),
                mean.notes().toString());
    }

    /**
     * The real side-by-side pairs of knob-duet with current's forks of the adder row made 25% slower: that
     * row regresses with the shift recovered, beside the flat row's own 5%.
     */
    @Test
    void aKnownShiftAddedToOneRealRowIsFlagged(@TempDir Path tmp) {
        Path dir = Fixtures.copy("ab/knob-duet", tmp, "shifted");
        Fixtures.edit(
                dir,
                PairsJson.CURRENT_JMH,
                rows -> Runs.scaleMetric((ObjectNode) rows.get(0).get("primaryMetric"), 1 / 1.25));
        GateResult g = paired(dir);
        RowComparison adder1 = g.rows().get(0);
        assertTrue(adder1.name().contains("counter=adder"), adder1.name());
        assertEquals(Verdict.REGRESSION, adder1.verdict(), GateText.table(g));
        double before =
                paired(Fixtures.resource("ab/knob-duet")).rows().get(0).effect().estimate();
        assertEquals((1 + before) * 1.25 - 1, adder1.effect().estimate(), 0.01);
        assertEquals(Outcome.REGRESSED, g.outcome());
    }

    @Test
    void underpoweredFixtureIsInconclusiveAndSaysSoUpFront(@TempDir Path tmp) {
        Path dir = Fixtures.copy(AA, tmp, "four-pairs");
        for (String f : new String[] {PairsJson.BASELINE_JMH, PairsJson.CURRENT_JMH}) {
            Fixtures.edit(
                    dir,
                    f,
                    rows -> rows.forEach(r -> {
                        var raw = (com.fasterxml.jackson.databind.node.ArrayNode)
                                r.get("primaryMetric").get("rawData");
                        while (raw.size() > 4) {
                            raw.remove(raw.size() - 1);
                        }
                    }));
        }
        // pairs.json says the same: a run of 4 pairs a row (else the folder is not of one run, or partial)
        Fixtures.edit(dir, PairsJson.FILE, n -> {
            var kept = Fixtures.JSON.createArrayNode();
            java.util.Map<Integer, Integer> perRow = new java.util.HashMap<>();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> sorted = new java.util.ArrayList<>();
            n.get("pairs").forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparingInt(p -> p.get("pair").asInt()));
            for (var p : sorted) {
                boolean complete = "done".equals(p.path("baseline").asText())
                        && "done".equals(p.path("current").asText())
                        && !p.has("dropped");
                if (complete && perRow.merge(p.get("row").asInt(), 1, Integer::sum) <= 4) {
                    kept.add(p);
                }
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).set("pairs", kept);
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("pairsPerRow", 4);
        });
        // made 20% slower, it still cannot fail: 4 pairs bound nothing at this level
        Fixtures.edit(dir, PairsJson.CURRENT_JMH, Fixtures.performance(0.8));
        GateResult g = paired(dir);
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(g.rows().size(), g.count(Verdict.INCONCLUSIVE), GateText.table(g));
        assertEquals(Outcome.INCONCLUSIVE, g.outcome());
        assertTrue(GateText.table(g).contains("result: INCONCLUSIVE"), GateText.table(g));
        assertTrue(
                g.preface().size() == 1
                        && g.preface()
                                .getFirst()
                                .startsWith(
                                        "4 of 4 rows cannot reach their level 0.00250 whatever the data (e.g. 4 pairs")
                        && g.preface().getFirst().contains("pairs are needed"),
                g.preface().toString());
        assertTrue(
                GateText.table(g).indexOf("NOTE: 4 of 4 rows")
                        < GateText.table(g).indexOf("verdict"),
                "up front");
        assertTrue(g.counts().contains("4 inconclusive"), g.counts());
    }

    @Test
    void separateRunsOfTheSameCodePass() {
        Path aa = Fixtures.resource(AA);
        GateResult g = separate(
                aa.resolve(PairsJson.BASELINE_JMH), aa.resolve(PairsJson.CURRENT_JMH), GateOptions.separateRuns());
        assertFalse(g.failed(), GateText.table(g));
        assertTrue(GateText.table(g).contains("Runs taken apart cannot be compared as tightly"), GateText.table(g));
        assertTrue(g.rows().stream()
                .allMatch(r -> r.effect() != null
                        && r.effect().bounded()
                        && !r.effect().paired()));
    }

    @Test
    void separateRunsTwentyPercentSlowerFailAndFasterImprove(@TempDir Path tmp) {
        Path aa = Fixtures.resource(AA);
        Path dir = Fixtures.copy(AA, tmp, "slower");
        Fixtures.edit(dir, PairsJson.CURRENT_JMH, Fixtures.performance(0.8));
        GateResult g = separate(
                aa.resolve(PairsJson.BASELINE_JMH), dir.resolve(PairsJson.CURRENT_JMH), GateOptions.separateRuns());
        assertTrue(g.failed(), GateText.table(g));
        assertTrue(g.count(Verdict.REGRESSION) >= 3, GateText.table(g));
        assertEquals(0, g.count(Verdict.IMPROVEMENT) + g.count(Verdict.PASSED), GateText.table(g));
        // throughput x 0.8 = 25% more time per operation, give or take this recording's noise
        g.rows().forEach(r -> assertEquals(0.25, r.effect().estimate(), 0.12, r.name()));
        Path faster = Fixtures.copy(AA, tmp, "faster");
        Fixtures.edit(faster, PairsJson.CURRENT_JMH, Fixtures.performance(1.25));
        GateResult f = separate(
                aa.resolve(PairsJson.BASELINE_JMH), faster.resolve(PairsJson.CURRENT_JMH), GateOptions.separateRuns());
        assertFalse(f.failed(), GateText.table(f));
        assertTrue(f.count(Verdict.IMPROVEMENT) >= 3, GateText.table(f));
    }

    /**
     * Time modes: a longer time is a slowdown, as a lower throughput is; @Group rows are gated per
     * member. (ForkedRun has 3 to 5 identical forks per row: too few to bound anything at a
     * family-wise 1%, so the estimates are checked, and the verdicts at a loose alpha.)
     */
    @Test
    void timeModesAndGroupMembers(@TempDir Path tmp) {
        Path base = ForkedRun.write(tmp, "base");
        Path cur = ForkedRun.write(tmp, "cur");
        Fixtures.edit(
                cur,
                "jmh.json",
                rows -> rows.forEach(r -> {
                    String b = r.get("benchmark").asText();
                    if (b.endsWith("ReadBenchmark.approximate")) {
                        Runs.scaleMetric((ObjectNode) r.get("primaryMetric"), 1.5); // 50% more ns/op
                    }
                    if (b.endsWith("ReaderWriterBenchmark.approximate")
                            && r.at("/params/counter").asText().equals("TREE")) {
                        Runs.scaleMetric(
                                (ObjectNode) r.get("secondaryMetrics").get("writeA"),
                                0.5); // the writer at half throughput
                    }
                }));
        GateResult g = separate(base, cur, new GateOptions(0.05, 0.6, 0.10, null, true, false));
        for (RowComparison r : g.rows()) {
            double expected = r.name().startsWith("ReadBenchmark")
                    ? 0.5
                    : r.name().contains("counter=tree") && r.name().endsWith("[writeA]") ? 1.0 : 0.0;
            assertEquals(expected, r.effect().estimate(), 1e-9, r.name());
            if (r.name().startsWith("ReadBenchmark")) {
                assertEquals(Verdict.REGRESSION, r.verdict(), GateText.table(g));
            }
        }
        assertEquals(
                4, g.rows().stream().filter(r -> r.member() != null).count(), "reader and writer of two group rows");
        assertTrue(
                g.rows().stream().noneMatch(r -> r.name().startsWith("ReaderWriterBenchmark") && r.member() == null),
                "a group's primary (the members' sum) is not gated");
        GateResult strict = separate(
                base,
                cur,
                new GateOptions(
                        GateOptions.SEPARATE_THRESHOLD,
                        GateOptions.DEFAULT_ALPHA,
                        GateOptions.SEPARATE_DETECT,
                        null,
                        true,
                        false));
        assertFalse(
                strict.failed(),
                "5 forks a side bound nothing at a family-wise 1% over 12 rows: " + GateText.table(strict));
    }

    @Test
    void normalizingByAdderCancelsAUniformSlowdown(@TempDir Path tmp) {
        Path aa = Fixtures.resource(AA);
        Path dir = Fixtures.copy(AA, tmp, "slower");
        Fixtures.edit(dir, PairsJson.CURRENT_JMH, Fixtures.performance(0.8));
        GateResult g = separate(
                aa.resolve(PairsJson.BASELINE_JMH),
                dir.resolve(PairsJson.CURRENT_JMH),
                new GateOptions(
                        GateOptions.SEPARATE_THRESHOLD,
                        GateOptions.DEFAULT_ALPHA,
                        GateOptions.SEPARATE_DETECT,
                        "adder",
                        false,
                        false));
        assertFalse(g.failed(), GateText.table(g));
        assertEquals(2, g.count(Verdict.REFERENCE), "the adder rows themselves");
        g.rows().stream().filter(r -> r.verdict() != Verdict.REFERENCE).forEach(r -> assertEquals("x adder", r.unit()));
        assertTrue(
                g.notes().stream().anyMatch(n -> n.contains("fork i by fork i")),
                g.notes().toString());
    }

    @Test
    void normalizingByACounterTheRunLacksIsBadInput() {
        Path run = Fixtures.resource(STD);
        InputException e = assertThrows(
                InputException.class,
                () -> separate(
                        run,
                        run,
                        new GateOptions(
                                GateOptions.SEPARATE_THRESHOLD,
                                GateOptions.DEFAULT_ALPHA,
                                GateOptions.SEPARATE_DETECT,
                                "flat",
                                false,
                                false)));
        assertTrue(e.getMessage().contains("--normalize-by flat: no row has counter=flat"), e.getMessage());
    }

    @Test
    void anyViolationOrLostUpdateFails(@TempDir Path tmp) {
        for (String metric : new String[] {"accuracy.violations", "accuracy.lost"}) {
            // this older recording has no accuracy.lost: it gets one, a copy of accuracy.violations
            Path cur = Runs.copy(
                    STD,
                    tmp,
                    metric,
                    rows -> rows.forEach(r -> {
                        ObjectNode sm = (ObjectNode) r.get("secondaryMetrics");
                        if (sm.get(metric) == null) {
                            sm.set(metric, sm.get("accuracy.violations").deepCopy());
                        }
                    }));
            Fixtures.edit(
                    cur,
                    "jmh.json",
                    rows -> Runs.secondary("UpdateBenchmark.inc", "TREE", 2, metric, 3)
                            .accept((com.fasterxml.jackson.databind.node.ArrayNode) rows));
            GateResult g = separate(Fixtures.resource(STD), cur, GateOptions.separateRuns());
            assertTrue(g.failed(), metric);
            assertEquals(0, g.count(Verdict.REGRESSION));
            assertEquals(1, g.accuracyFailures());
            assertEquals(java.util.List.of(metric + " 3"), g.rows().get(1).accuracyFailures());
            assertTrue(GateText.table(g).contains("ACCURACY"), GateText.table(g));
        }
    }

    @Test
    void aGrownBoundFailsOnTheSameTopologyOnly(@TempDir Path tmp) {
        Path cur = Runs.copy(
                STD, tmp, "bigger-bound", Runs.secondary("UpdateBenchmark.inc", "TREE", 1, "accuracy.bound", 96));
        GateResult g = separate(Fixtures.resource(STD), cur, GateOptions.separateRuns());
        assertTrue(g.failed());
        assertEquals(
                java.util.List.of("accuracy.bound grew 64 -> 96"),
                g.rows().getFirst().accuracyFailures());
        assertTrue(
                GateText.markdown(g)
                        .contains(
                                "| **ACCURACY** | UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1 (accuracy.bound grew 64 -> 96) |"),
                GateText.markdown(g));
        // the same grown bound on another host topology (compared with --allow-different-machine) is that machine's
        // bound, not a failure
        Runs.editRunJson(cur, run -> ((ObjectNode) run.get("hostTopology").get("counts")).put("core", 4));
        GateResult other = separate(
                Fixtures.resource(STD),
                cur,
                new GateOptions(
                        GateOptions.SEPARATE_THRESHOLD,
                        GateOptions.DEFAULT_ALPHA,
                        GateOptions.SEPARATE_DETECT,
                        null,
                        true,
                        false));
        assertFalse(other.failed(), GateText.table(other));
        assertTrue(
                other.notes().stream().anyMatch(n -> n.contains("accuracy.bound of topology=host rows not compared")),
                other.notes().toString());
    }

    @Test
    void anotherMachineIsBadInputUnlessAllowed(@TempDir Path tmp) {
        Path other = Runs.copy(STD, tmp, "other", rows -> {});
        Runs.editRunJson(other, run -> ((ObjectNode) run.get("environment")).put("cpuModel", "Ampere Altra Max"));
        InputException e = assertThrows(
                InputException.class, () -> separate(Fixtures.resource(STD), other, GateOptions.separateRuns()));
        assertTrue(
                e.getMessage().contains("ran on different machines: cpuModel 'AMD EPYC' vs 'Ampere Altra Max'"),
                e.getMessage());
        GateResult g = separate(
                Fixtures.resource(STD),
                other,
                new GateOptions(
                        GateOptions.SEPARATE_THRESHOLD,
                        GateOptions.DEFAULT_ALPHA,
                        GateOptions.SEPARATE_DETECT,
                        null,
                        true,
                        false));
        assertFalse(g.failed());
        assertTrue(
                g.notes().getFirst().startsWith("different machines, compared because of --allow-different-machine"),
                g.notes().toString());
    }

    @Test
    void oneForkPerRowCannotFailAndSaysSo() {
        Path run = Fixtures.resource(STD);
        GateResult g = separate(run, run, GateOptions.separateRuns());
        assertFalse(g.failed());
        assertEquals(16, g.count(Verdict.INCONCLUSIVE), GateText.table(g));
        assertTrue(
                g.preface().getFirst().startsWith("16 of 16 rows cannot reach their level"),
                g.preface().toString());
    }

    @Test
    void rowsOnlyInTheCurrentRunAreNew(@TempDir Path tmp) {
        Path base = Runs.copy(STD, tmp, "fewer", rows -> rows.remove(0));
        GateResult g = separate(base, Fixtures.resource(STD), GateOptions.separateRuns());
        assertFalse(g.failed());
        assertEquals(1, g.count(Verdict.NEW));
        assertEquals(Verdict.NEW, g.rows().getLast().verdict());
    }

    @Test
    void rowsMissingFromTheCurrentRunAreBadInputUnlessAllowed(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "fewer", rows -> rows.remove(3));
        InputException e = assertThrows(
                InputException.class, () -> separate(Fixtures.resource(STD), cur, GateOptions.separateRuns()));
        assertTrue(
                e.getMessage()
                        .contains(
                                "missing 1 of 16 baseline rows (first: UpdateBenchmark.inc counter=adder placement=compact topology=host threads=2 mode=thrpt)"),
                e.getMessage());
        GateResult g = separate(
                Fixtures.resource(STD),
                cur,
                new GateOptions(
                        GateOptions.SEPARATE_THRESHOLD,
                        GateOptions.DEFAULT_ALPHA,
                        GateOptions.SEPARATE_DETECT,
                        null,
                        false,
                        true));
        assertEquals(1, g.count(Verdict.MISSING));
        assertFalse(g.failed());
    }

    @Test
    void mixedModesAreBadInput(@TempDir Path tmp) {
        Path cur = Runs.copy(STD, tmp, "avgt", rows -> ((ObjectNode) rows.get(0)).put("mode", "avgt"));
        InputException e = assertThrows(
                InputException.class, () -> separate(Fixtures.resource(STD), cur, GateOptions.separateRuns()));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "mixed modes: UpdateBenchmark.inc counter=tree placement=compact topology=host threads=1 is [thrpt] in the baseline"),
                e.getMessage());
    }

    @Test
    void noMatchingRowsIsBadInput() {
        InputException e = assertThrows(
                InputException.class,
                () -> separate(
                        Fixtures.resource(STD), Fixtures.resource("jmh/two-modes.json"), GateOptions.separateRuns()));
        assertTrue(e.getMessage().startsWith("no row of the current run"), e.getMessage());
    }

    @Test
    void percentagesAndOptions() {
        assertEquals(0.05, GateOptions.parsePercent("--threshold", "5%"), 1e-12);
        assertEquals(0.025, GateOptions.parsePercent("--threshold", "2.5"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GateOptions.parsePercent("--threshold", "five"));
        assertThrows(IllegalArgumentException.class, () -> GateOptions.parsePercent("--threshold", "-1%"));
        assertThrows(IllegalArgumentException.class, () -> new GateOptions(0.05, 1.5, 0.1, null, false, false));
        assertThrows(
                IllegalArgumentException.class,
                () -> Gate.paired(
                        RunLoader.load(Fixtures.resource(STD)),
                        RunLoader.load(Fixtures.resource(STD)),
                        new GateOptions(
                                GateOptions.PAIRED_THRESHOLD,
                                GateOptions.DEFAULT_ALPHA,
                                GateOptions.PAIRED_DETECT,
                                "adder",
                                false,
                                false,
                                ForkScore.BEST)));
    }
}
