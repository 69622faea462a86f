package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.counterbench.results.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's rules on simulated pairs (fixed seeds) and on the recorded ab fixtures: the flag rule
 * (lower bound above 0 and estimate at least the threshold), Holm, the three outcomes, pairs keyed
 * by pair id, run-order blocking, bimodal rows, and the MDE's resampling check. Each test can fail:
 * a rule that flags everything fails the A/A cases, one that flags nothing the slowed ones.
 */
class GateRulesTest {
    private static final double LEVEL_12_ROWS = 0.01 / 12;
    private static final double LN_T = Math.log1p(0.01);

    /** n side-by-side pairs whose log ratios are shift + N(0, sd); base forks around -5 (log ns). */
    static List<RowEvidence.Pair> pairs(int n, double shift, double sd, long seed) {
        Random r = new Random(seed);
        List<RowEvidence.Pair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double b = -5 + 0.01 * r.nextGaussian();
            out.add(new RowEvidence.Pair(i, b, b + Math.log1p(shift) + sd * r.nextGaussian(), "together"));
        }
        return out;
    }

    private static Effect effect(RowEvidence ev, double level) {
        return Effect.of(ev, level, GateOptions.paired(), false);
    }

    @Test
    void aTwoPercentSlowdownIsFlaggedAndAHalfPercentOneIsNot() {
        int flagged = 0;
        for (int seed = 0; seed < 20; seed++) {
            RowEvidence ev = RowEvidence.paired(pairs(32, 0.02, 0.01, seed), 32);
            flagged += ev.p() <= LEVEL_12_ROWS && ev.flagged(LEVEL_12_ROWS, LN_T) ? 1 : 0;
        }
        assertTrue(flagged >= 16, "2% with a 1% pair spread over 32 pairs: flagged " + flagged + " of 20");
        // statistically above 0 (tight pairs), but below the 1% threshold: not flagged, and passed since the upper
        // bound is low
        RowEvidence small = RowEvidence.paired(pairs(32, 0.005, 0.001, 7), 32);
        assertTrue(small.p() <= LEVEL_12_ROWS, "the bound is above 0");
        assertFalse(small.flagged(LEVEL_12_ROWS, LN_T), "but the estimate is under the threshold");
        assertTrue(effect(small, LEVEL_12_ROWS).upper() < 0.05);
        int aa = 0;
        for (int seed = 0; seed < 200; seed++) {
            RowEvidence ev = RowEvidence.paired(pairs(32, 0, 0.01, 1000 + seed), 32);
            aa += ev.flagged(LEVEL_12_ROWS, LN_T) ? 1 : 0;
        }
        assertEquals(0, aa, "A/A rows flagged");
    }

    @Test
    void holmStepsDownFromTheSmallestPValue() {
        Map<String, RowEvidence> ev = new HashMap<>();
        ev.put("strong", RowEvidence.paired(pairs(24, 0.10, 0.01, 1), 24));
        ev.put("medium", RowEvidence.paired(pairs(24, 0.03, 0.01, 2), 24));
        ev.put("none", RowEvidence.paired(pairs(24, 0, 0.01, 3), 24));
        Map<String, Double> levels = Gate.holm(ev, 0.01);
        assertTrue(ev.get("strong").p() <= ev.get("medium").p());
        assertEquals(0.01 / 3, levels.get("strong"), 1e-15);
        assertEquals(0.01 / 2, levels.get("medium"), 1e-15, "the second step, after the first was rejected");
        assertEquals(0.01 / 1, levels.get("none"), 1e-15);
        Map<String, RowEvidence> aa = new HashMap<>();
        aa.put("a", RowEvidence.paired(pairs(24, 0, 0.01, 4), 24));
        aa.put("b", RowEvidence.paired(pairs(24, 0, 0.01, 5), 24));
        assertTrue(
                Gate.holm(aa, 0.01).values().stream().allMatch(l -> l == 0.01 / 2),
                "nothing rejected: every row at alpha / m");
    }

    @Test
    void aMiddlePairThatFailedLeavesTheLaterPairsAligned(@TempDir Path tmp) {
        Path orig = Fixtures.resource("ab/knob-duet");
        AbFolder before = AbFolder.load(orig);
        // the recorded pairs of the flat row without pair 5: what the gate must see
        Gate.RowPairs flat = Gate.rowPairs(before.baseline(), before.current(), GateOptions.paired(), before.layouts())
                .get(1);
        List<RowEvidence.Pair> without5 =
                flat.pairs().stream().filter(p -> p.id() != 5).toList();
        RowEvidence expected = RowEvidence.paired(without5, without5.size());
        // current's fork of pair 5 failed: every iteration NaN (JMH's "NaN" strings), so ForkScores leaves it out
        Path dir = Fixtures.copy("ab/knob-duet", tmp, "pair5");
        Fixtures.edit(dir, PairsJson.CURRENT_JMH, rows -> {
            ArrayNode fork =
                    (ArrayNode) rows.get(1).get("primaryMetric").get("rawData").get(5);
            for (int i = 0; i < fork.size(); i++) {
                fork.set(i, TextNode.valueOf("NaN"));
            }
        });
        GateResult g = AbFolder.load(dir).gate(GateOptions.paired());
        Effect e = g.rows().get(1).effect();
        assertEquals(15, e.pairs());
        Effect want = Effect.of(expected, e.level(), GateOptions.paired(), true);
        assertEquals(want.estimate(), e.estimate(), 1e-12, "the estimate of the 15 aligned pairs");
        assertEquals(want.lower(), e.lower(), 1e-12);
        assertEquals(want.upper(), e.upper(), 1e-12);
        // by position, pair 5's baseline fork would have met pair 6's current fork, and so on: another estimate
        List<RowEvidence.Pair> shifted = new ArrayList<>();
        for (int i = 0; i < without5.size(); i++) {
            RowEvidence.Pair p = flat.pairs().get(i);
            shifted.add(new RowEvidence.Pair(i, p.base(), without5.get(i).current(), p.order()));
        }
        assertTrue(
                Math.abs(RowEvidence.paired(shifted, 15).main.at(0.01).estimate() - Math.log1p(e.estimate())) > 1e-6,
                "the misaligned pairing differs, so this test can fail");
    }

    @Test
    void aFailedPairInPairsJsonKeysTheRowsForksByPairId(@TempDir Path tmp) {
        Path dir = Fixtures.copy("ab/knob-duet", tmp, "failed");
        // pair 3 of row 0 failed: pairs.json says so, and ab wrote row 0's forks without it
        Fixtures.edit(dir, PairsJson.FILE, root -> {
            for (var p : root.get("pairs")) {
                if (p.get("row").asInt() == 0 && p.get("pair").asInt() == 3) {
                    ((ObjectNode) p).put("current", "failed");
                }
            }
        });
        for (String f : new String[] {PairsJson.BASELINE_JMH, PairsJson.CURRENT_JMH}) {
            Fixtures.edit(
                    dir,
                    f,
                    rows -> ((ArrayNode) rows.get(0).get("primaryMetric").get("rawData")).remove(3));
        }
        AbFolder a = AbFolder.load(dir);
        PairLayout l = a.layouts().get(a.baseline().results().get(0));
        assertEquals(
                List.of(0, 1, 2, 4, 5),
                java.util.Arrays.stream(l.pairIds()).boxed().toList().subList(0, 5));
        assertEquals(15, l.pairIds().length);
    }

    /**
     * An adaptive run's folder: pairs.json plans looks at 10 and 20 pairs; the run, still running, has 16. Each row
     * is tested on its first 10 pairs (the last look it reached) at alpha / (2 looks x 2 rows), the 16 shown as
     * available; and the rows the gate settles (flat regressed, adder passed) are the ones an adaptive run stops.
     */
    @Test
    void anAdaptiveRunIsTestedAtTheLastLookEachRowReached(@TempDir Path tmp) {
        Path dir = Fixtures.copy("ab/knob-duet", tmp, "looks");
        Fixtures.edit(dir, PairsJson.FILE, root -> {
            ((ObjectNode) root).putArray("looks").add(10).add(20);
            ((ObjectNode) root).put("status", "running");
        });
        AbFolder a = AbFolder.load(dir);
        assertEquals(List.of(10, 20), a.pairs().looks());
        GateResult g = a.gate(GateOptions.paired());
        assertEquals(2, g.looks());
        assertEquals(0.01 / 4, g.level(), 1e-15);
        for (RowComparison r : g.rows()) {
            assertEquals(10, r.effect().pairs(), r.name());
            assertEquals(16, r.effect().available(), r.name());
        }
        Gate.RowPairs flat = Gate.rowPairs(a.baseline(), a.current(), GateOptions.paired(), a.layouts())
                .get(1);
        RowEvidence first10 = RowEvidence.paired(
                flat.pairs().stream().filter(p -> p.id() < 10).toList(), 10);
        assertEquals(
                Math.expm1(first10.main.at(0.01).estimate()),
                g.rows().get(1).effect().estimate(),
                1e-12,
                "the first 10 pairs by id");
        assertTrue(
                g.notes().stream()
                        .anyMatch(n -> n.startsWith("adaptive: planned looks at [10, 20] pairs, alpha split over 2")),
                g.notes().toString());
        java.util.Set<Integer> settled = a.settled(GateOptions.paired());
        java.util.Set<Integer> decided = new java.util.TreeSet<>();
        for (int i = 0; i < g.rows().size(); i++) {
            if (g.rows().get(i).outcome() != Outcome.INCONCLUSIVE) {
                decided.add(i);
            }
        }
        assertEquals(decided, settled, GateText.table(g));
    }

    /**
     * The same run once its budget ran out (status complete) with 16 pairs, short of the look at 20: each row's
     * final test uses all 16, in place of the look it missed, at the same level; a run stopped by hand (incomplete)
     * keeps the last look it reached.
     */
    @Test
    void aRunWhoseBudgetEndedBetweenLooksTestsEachRowOnAllItsPairs(@TempDir Path tmp) {
        for (String status : List.of("complete", "incomplete")) {
            Path dir = Fixtures.copy("ab/knob-duet", tmp, status);
            Fixtures.edit(dir, PairsJson.FILE, root -> {
                ((ObjectNode) root).putArray("looks").add(10).add(20);
                ((ObjectNode) root).put("status", status);
            });
            GateResult g = AbFolder.load(dir).gate(GateOptions.paired());
            assertEquals(0.01 / 4, g.level(), 1e-15);
            for (RowComparison r : g.rows()) {
                assertEquals(status.equals("complete") ? 16 : 10, r.effect().pairs(), status + " " + r.name());
            }
        }
        // a row that reached every look is tested at the last one, never again
        PairLayout all = new PairLayout(0, new int[0], new String[0], new int[] {10, 20}, true);
        assertEquals(20, all.usable(20));
        assertEquals(16, all.usable(16));
        assertEquals(10, new PairLayout(0, new int[0], new String[0], new int[] {10, 20}, false).usable(16));
        assertEquals(7, all.usable(7), "before the first look, the final test is the row's only one");
    }

    @Test
    void theCoinTestTakesTheOrderEffectOutOfTheVariance() {
        // an order effect of -6.6% (the second fork of a pair is faster), no slowdown; each pair's coin says who
        // went first (back to back) or who had the lower CPUs (side by side): stratified on it, the effect cancels
        for (String[] ways : new String[][] {{"baseline", "current"}, {"together:baseline", "together:current"}}) {
            Random r = new Random(11);
            List<RowEvidence.Pair> p = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                boolean heads = r.nextBoolean();
                double b = -5 + 0.005 * r.nextGaussian();
                double c = -5 + 0.005 * r.nextGaussian();
                if (heads) {
                    c += Math.log(1 - 0.066);
                } else {
                    b += Math.log(1 - 0.066);
                }
                p.add(new RowEvidence.Pair(i, b, c, heads ? ways[0] : ways[1]));
            }
            RowEvidence coin = RowEvidence.paired(p, p.size());
            assertEquals("coin", coin.test);
            assertEquals(
                    "signed-rank",
                    RowEvidence.paired(p, RowEvidence.COIN_PAIRS - 1).test,
                    "fewer pairs: the coin groups are too small, the signed-rank test decides");
            List<RowEvidence.Pair> together = p.stream()
                    .map(x -> new RowEvidence.Pair(x.id(), x.base(), x.current(), "together"))
                    .toList();
            RowEvidence plain = RowEvidence.paired(together, together.size());
            assertEquals("signed-rank", plain.test, "CPUs not recorded: no coin");
            Effect e = effect(coin, LEVEL_12_ROWS);
            Effect naive = effect(plain, LEVEL_12_ROWS);
            assertTrue(
                    e.upper() - e.lower() < (naive.upper() - naive.lower()) / 3,
                    "coin " + e + " vs signed-rank " + naive);
            assertTrue(e.upper() < 0.05 && e.lower() > -0.05, e.toString());
            // and a 3% slowdown on top of the order effect is flagged, at its size
            List<RowEvidence.Pair> slower = p.stream()
                    .map(x -> new RowEvidence.Pair(x.id(), x.base(), x.current() + Math.log(1.03), x.order()))
                    .toList();
            Effect s = effect(RowEvidence.paired(slower, slower.size()), LEVEL_12_ROWS);
            assertTrue(s.lower() > 0 && Math.abs(s.estimate() - 0.03) < 0.005, s.toString());
        }
        // the recorded aa fixture's back-to-back rows have 14 pairs: the signed-rank test
        GateResult g = AbFolder.load(Fixtures.resource("ab/aa")).gate(GateOptions.paired());
        RowComparison adder2 = g.rows().get(3);
        assertTrue(adder2.name().contains("counter=adder") && adder2.name().contains("threads=2"), adder2.name());
        assertEquals("signed-rank", adder2.effect().test());
    }

    @Test
    void sideBySidePairsGetTheirCoinFromTheCpusEachForkHad() {
        PairsJson.Pair low = new PairsJson.Pair(0, 0, 1, "together", "done", "done", 0.0, 0.0, null, null, "0", "1");
        PairsJson.Pair high =
                new PairsJson.Pair(0, 1, 1, "together", "done", "done", 0.0, 0.0, null, null, "2-3", "0,1");
        PairsJson.Pair unknown = new PairsJson.Pair(0, 2, 1, "together", "done", "done", 0.0, 0.0, null, null);
        PairsJson.Pair b2b = new PairsJson.Pair(0, 3, 1, "current", "done", "done", 0.0, 0.0, null, null);
        assertEquals("together:baseline", AbFolder.order(low));
        assertEquals("together:current", AbFolder.order(high));
        assertEquals("together", AbFolder.order(unknown));
        assertEquals("current", AbFolder.order(b2b));
        assertEquals(
                -1, new RowEvidence.Pair(0, 1, 2, "together:baseline").swapped().coin());
        assertEquals(1, new RowEvidence.Pair(0, 1, 2, "current").swapped().coin());
        assertEquals(0, new RowEvidence.Pair(0, 1, 2, "together").coin());
    }

    /** Forks that settle at one of two speeds 50% apart, by chance, whatever the version. */
    static List<RowEvidence.Pair> bimodal(int n, double shift, long seed) {
        Random r = new Random(seed);
        List<RowEvidence.Pair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double b = -5 + (r.nextBoolean() ? Math.log(1.5) : 0) + 0.005 * r.nextGaussian();
            double c = -5 + (r.nextBoolean() ? Math.log(1.5) : 0) + 0.005 * r.nextGaussian() + Math.log1p(shift);
            out.add(new RowEvidence.Pair(i, b, c, "together"));
        }
        return out;
    }

    @Test
    void bimodalRowsAreTestedWithinTheirModes() {
        int flagged = 0;
        int plainFlagged = 0;
        for (int seed = 0; seed < 20; seed++) {
            List<RowEvidence.Pair> p = bimodal(24, 0.05, seed);
            RowEvidence ev = RowEvidence.paired(p, 24);
            io.counterbench.results.stats.TwoMeans tm = io.counterbench.results.stats.TwoMeans.of(p.stream()
                    .flatMapToDouble(x -> java.util.stream.DoubleStream.of(x.base(), x.current()))
                    .toArray());
            assertTrue(
                    ev.bimodal(),
                    "seed " + seed + ": " + tm + " same "
                            + p.stream()
                                    .filter(x -> tm.mode(x.base()) == tm.mode(x.current()))
                                    .count() + " test " + ev.test);
            flagged += ev.p() <= LEVEL_12_ROWS && ev.flagged(LEVEL_12_ROWS, LN_T) ? 1 : 0;
            RankInvFlag plain = new RankInvFlag(io.counterbench.results.stats.SignedRank.inversion(
                    p.stream().mapToDouble(RowEvidence.Pair::ratio).toArray()));
            plainFlagged += plain.flagged(LEVEL_12_ROWS) ? 1 : 0;
        }
        assertTrue(flagged >= 16, "5% on a bimodal row, 24 pairs: flagged " + flagged + " of 20");
        assertTrue(plainFlagged <= 4, "the paired signed-rank test mostly cannot: " + plainFlagged);
        int aa = 0;
        for (int seed = 100; seed < 300; seed++) {
            RowEvidence ev = RowEvidence.paired(bimodal(24, 0, seed), 24);
            aa += ev.p() <= LEVEL_12_ROWS && ev.flagged(LEVEL_12_ROWS, LN_T) ? 1 : 0;
        }
        assertEquals(0, aa, "bimodal A/A rows flagged");
        Effect e = effect(RowEvidence.paired(bimodal(24, 0.05, 1), 24), LEVEL_12_ROWS);
        assertTrue(
                e.modes() != null && e.modes().startsWith("modes ") && e.modes().contains("baseline "), e.modes());
        // a clean 5% slowdown of a tight unimodal row also splits the pooled forks, but is not taken for two modes
        assertFalse(RowEvidence.paired(pairs(24, 0.05, 0.002, 3), 24).bimodal());
    }

    private record RankInvFlag(io.counterbench.results.stats.RankInversion inv) {
        boolean flagged(double level) {
            return inv.p(0) <= level && inv.at(level).estimate() >= LN_T;
        }
    }

    @Test
    void threeAgainstThreeForksSayUpFrontTheyCannotReachTheLevel() {
        double[] base = {-5.0, -5.001, -4.999};
        double[] cur = {-4.8, -4.801, -4.799};
        RowEvidence ev = RowEvidence.separate(base, cur);
        assertTrue(ev.smallestP() > LEVEL_12_ROWS, "1 / C(6, 3) = 0.05");
        Effect e = effect(ev, LEVEL_12_ROWS);
        assertFalse(e.bounded());
    }

    @Test
    void theReportedMdeIsFlaggedInAboutFourOfFiveResamples() {
        AbFolder a = AbFolder.load(Fixtures.resource("ab/knob-duet"));
        List<Resampling.Row> rows = Resampling.run(
                "knob-duet", a.baseline(), a.current(), GateOptions.paired(), a.layouts(), 300, List.of(0.05), 3);
        assertEquals(2, rows.size());
        for (Resampling.Row r : rows) {
            double rate = r.mdeFlagged().rate();
            assertTrue(
                    rate > 0.6 && rate < 0.95,
                    r.name() + ": MDE " + r.mde() + " flagged " + r.mdeFlagged().text());
            assertTrue(
                    r.nullAtLevel().interval().lower() <= r.level(),
                    "label swaps flag at most the level: " + r.nullAtLevel().text());
            assertTrue(
                    r.nullAt5().interval().lower() <= Resampling.SIZE_CHECK,
                    "the test holds its size: " + r.nullAt5().text());
        }
    }

    @Test
    void labelSwapsOfEveryRecordedFixtureHoldTheLevelAndShiftsAreSeen() {
        for (String f : List.of("ab/aa", "ab/slow5", "ab/knob-duet")) {
            AbFolder a = AbFolder.load(Fixtures.resource(f));
            List<Resampling.Row> rows = Resampling.run(
                    f, a.baseline(), a.current(), GateOptions.paired(), a.layouts(), 200, List.of(0.02, 0.20), 5);
            for (Resampling.Row r : rows) {
                assertTrue(
                        r.nullAtLevel().interval().lower() <= r.level(),
                        f + " " + r.name() + ": " + r.nullAtLevel().text());
                assertTrue(
                        r.nullAt5().interval().lower() <= Resampling.SIZE_CHECK,
                        f + " " + r.name() + ": " + r.nullAt5().text());
                assertTrue(r.power().get(0.20).rate() >= r.power().get(0.02).rate() - 0.1, f + " " + r.name());
            }
            String md = Resampling.markdown(rows, GateOptions.paired(), 200, List.of(0.02, 0.20), null);
            assertTrue(md.contains("| " + f + " |") && md.contains("Clopper-Pearson"), md);
        }
    }
}
