package io.counterbench.results.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The slow/fast split and the candidates' scores, on simulated forks (fixed seed). */
class SeparationTest {

    /** 20 forks, 8 slow (150 ops/us) and 12 fast (175): "slot" follows the mode, "noise" does not. */
    static List<ForkForensics> forks(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ForkForensics> out = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            boolean slow = f % 5 < 2;
            double score = (slow ? 150 : 175) + r.nextDouble(-1, 1);
            Map<String, Long> addr = new TreeMap<>();
            addr.put("counter.slot", slow ? 64L * r.nextInt(0, 8) : 2048 + 64L * r.nextInt(0, 8) + 8);
            addr.put("noise", (long) r.nextInt(0, 4096) & ~7L);
            addr.put("rseq.cpu_id", 4068L);
            out.add(new ForkForensics(
                    f + 1, score, score - 1, 1000 + f, 0, 0, new TreeMap<>(addr), new TreeSet<>(), null, ""));
        }
        return out;
    }

    @Test
    void theCandidateThatFollowsTheModeSeparatesAndNoiseDoesNot() {
        Separation s = Separation.of(forks(3), true);
        assertEquals(8, s.slow());
        assertEquals(12, s.fast());
        assertTrue(s.ratio() > 1.15 && s.ratio() < 1.19, "ratio " + s.ratio());
        Map<String, Separation.Candidate> byName = new TreeMap<>();
        s.candidates().forEach(c -> byName.put(c.name(), c));
        assertEquals(0, byName.get("counter.slot mod 4096").errors());
        assertEquals(0, byName.get("counter.slot - rseq.cpu_id mod 4096").errors());
        assertTrue(
                byName.get("noise mod 4096").errors() >= 2,
                byName.get("noise mod 4096").toString());
        assertTrue(byName.get("rseq.cpu_id mod 4096").errors() == 8, "a constant cannot separate");
        assertEquals(0, s.candidates().getFirst().errors());
    }

    @Test
    void lowerIsBetterPutsTheHighScoresOnTheSlowSide() {
        List<ForkForensics> f = forks(3);
        Separation higher = Separation.of(f, true);
        Separation lower = Separation.of(f, false);
        assertEquals(higher.slow(), lower.fast());
    }

    @Test
    void stumpErrors() {
        boolean[] slow = {true, true, false, false};
        assertEquals(0, Separation.stumpErrors(new double[] {1, 2, 3, 4}, slow));
        assertEquals(0, Separation.stumpErrors(new double[] {4, 3, 2, 1}, slow), "either side may be slow");
        assertEquals(1, Separation.stumpErrors(new double[] {1, 3, 2, 4}, slow));
        assertEquals(2, Separation.stumpErrors(new double[] {5, 5, 5, 5}, slow), "no threshold between equal values");
    }

    @Test
    void categoryErrorsAndChance() {
        boolean[] slow = {true, true, false, false};
        assertEquals(0, Separation.categoryErrors(new String[] {"a", "a", "b", "b"}, slow));
        assertEquals(2, Separation.categoryErrors(new String[] {"a", "b", "a", "b"}, slow));
        double[] distinct = new double[20];
        for (int i = 0; i < 20; i++) {
            distinct[i] = i;
        }
        assertEquals(2.0 / 184756, Separation.chance(distinct, 10), 1e-12);
        assertEquals(2.0 / 190, Separation.chance(distinct, 2), 1e-12);
        assertTrue(Double.isNaN(Separation.chance(new double[] {1, 1, 2}, 1)), "ties: no closed form");
    }
}
