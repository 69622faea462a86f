package io.counterbench.results.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkScoresTest {

    private static Metric metric(double[]... forks) {
        return new Metric(Double.NaN, Double.NaN, "ops/us", List.of(forks), 0);
    }

    @Test
    void eachForkIsOneScoreAndIterationsAreNeverPooled() {
        // fork 1 has four iterations at 10, fork 2 one at 20: pooled, the mean would be 12
        ForkScores f = ForkScores.of(metric(new double[] {10, 10, 10, 10}, new double[] {20}));
        assertArrayEquals(new double[] {10, 20}, f.perFork());
        assertEquals(15, f.median());
    }

    @Test
    void theBestIterationIsTheHighestThroughputOrTheLowestTime() {
        Metric m = metric(new double[] {10, 14, Double.NaN, 12}, new double[] {Double.NaN}, new double[] {7});
        assertArrayEquals(
                new double[] {14, 7}, ForkScores.of(m, ForkScore.BEST, true).perFork());
        assertArrayEquals(
                new double[] {10, 7}, ForkScores.of(m, ForkScore.BEST, false).perFork());
        assertArrayEquals(
                new double[] {12, 7}, ForkScores.of(m, ForkScore.MEAN, true).perFork());
        assertEquals(ForkScore.BEST, ForkScore.parse("--fork-score", " Best "));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ForkScore.parse("--fork-score", "median"));
    }

    @Test
    void nanIterationsAreLeftOutAndEmptyForksDropped() {
        ForkScores f =
                ForkScores.of(metric(new double[] {Double.NaN, 4, 6}, new double[] {Double.NaN}, new double[] {7}));
        assertArrayEquals(new double[] {5, 7}, f.perFork());
    }

    @Test
    void oneForkHasNoInterval() {
        ForkScores f = ForkScores.of(metric(new double[] {1, 2, 3}));
        assertEquals(2, f.median());
        assertFalse(f.hasInterval());
        assertTrue(Double.isNaN(f.lower()) && Double.isNaN(f.upper()) && Double.isNaN(f.relativeWidth()));
        assertFalse(f.wide(), "no interval is not a wide one");
        assertEquals("1 fork, no interval", ForkScores.describe(1));
    }

    @Test
    void theConfidenceOfEachRankIsTheBinomialOne() {
        // [min, max] of n forks misses the median only when all forks fall on one side: 2 / 2^n
        for (int n = 2; n <= 5; n++) {
            assertEquals(1 - 2 / Math.pow(2, n), ForkScores.confidence(n), 1e-12, "n=" + n);
            assertEquals(1, ForkScores.rank(n));
        }
        // from 6 forks the interval reaches 95%: n=6 still [min, max] (96.9%), n=10 drops one each side (97.9%)
        assertEquals(1, ForkScores.rank(6));
        assertEquals(1 - 2.0 / 64, ForkScores.confidence(6), 1e-12);
        assertEquals(2, ForkScores.rank(10));
        assertEquals(1 - 2 * 11.0 / 1024, ForkScores.confidence(10), 1e-12);
        for (int n = 6; n <= 40; n++) {
            int k = ForkScores.rank(n);
            assertTrue(ForkScores.confidence(n, k) >= 0.95, "n=" + n);
            assertTrue(k + 1 > n / 2 || ForkScores.confidence(n, k + 1) < 0.95, "the narrowest such interval, n=" + n);
        }
    }

    @Test
    void theIntervalCoversTheMedianAsOftenAsItSays() {
        // simulated: skewed fork scores (a JIT that sometimes loses), true median known
        Random rnd = new Random(7);
        int trials = 20_000;
        for (int n : new int[] {3, 5, 10}) {
            int covered = 0;
            for (int t = 0; t < trials; t++) {
                double[][] forks = new double[n][];
                for (int i = 0; i < n; i++) {
                    forks[i] = new double[] {Math.exp(rnd.nextGaussian())}; // lognormal, median 1
                }
                ForkScores f = ForkScores.of(metric(forks));
                covered += f.lower() <= 1 && 1 <= f.upper() ? 1 : 0;
            }
            assertEquals(ForkScores.confidence(n), covered / (double) trials, 0.015, "n=" + n);
        }
    }

    @Test
    void anIntervalWiderThanTenPercentOfTheMedianIsMarked() {
        ForkScores tight = new ForkScores(new double[] {100, 101, 99, 100, 102});
        assertEquals(99, tight.lower());
        assertEquals(102, tight.upper());
        assertFalse(tight.wide());
        ForkScores loose = new ForkScores(new double[] {100, 120, 99, 100, 102});
        assertEquals(0.21, loose.relativeWidth(), 1e-12);
        assertTrue(loose.wide());
    }

    @Test
    void speedupIsHigherIsBetterInEveryModePairedByFork() {
        ForkScores row = new ForkScores(new double[] {5, 10});
        ForkScores adder = new ForkScores(new double[] {10, 10, 10});
        // throughput: row / reference
        assertArrayEquals(
                new double[] {0.5, 1.0}, ForkScores.speedup(row, adder, true).perFork());
        // time: reference / row (5 ns against LongAdder's 10 ns is 2x faster)
        assertArrayEquals(
                new double[] {2.0, 1.0}, ForkScores.speedup(row, adder, false).perFork());
        Metric fast = metric(new double[] {5}, new double[] {5});
        Metric slow = metric(new double[] {10}, new double[] {10});
        assertEquals(2.0, Speedup.of(fast, slow, Mode.AVERAGE_TIME).median());
        assertEquals(0.5, Speedup.of(fast, slow, Mode.THROUGHPUT).median());
        assertEquals(2.0, Speedup.of(fast, slow, Mode.SAMPLE_TIME).median());
    }
}
