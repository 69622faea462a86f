package io.counterbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignedRankTest {

    @Test
    void smallDistributionsByHand() {
        // n = 3: rank sums of the 8 sign patterns are 0, 1, 2, 3, 3, 4, 5, 6
        double[] c = SignedRank.cdf(3);
        assertEquals(7, c.length);
        assertEquals(1 / 8.0, c[0], 1e-15);
        assertEquals(5 / 8.0, c[3], 1e-15);
        assertEquals(1.0, c[6], 1e-15);
        for (int n = 0; n <= 60; n++) {
            double[] d = SignedRank.cdf(n);
            assertEquals(Math.pow(0.5, n), d[0], 1e-15 * Math.max(1, Math.pow(0.5, n)), "P(W+ = 0) for n = " + n);
            assertEquals(1.0, d[d.length - 1], 1e-12);
        }
    }

    @Test
    void minimumPairs() {
        assertEquals(5, SignedRank.minimumPairs(0.05));
        assertEquals(7, SignedRank.minimumPairs(0.01));
        assertEquals(10, SignedRank.minimumPairs(0.001));
        assertEquals(11, SignedRank.minimumPairs(0.01 / 16));
    }

    /**
     * The bounds invert the exact test: the lower bound lies above t exactly when commons-statistics'
     * exact one-sided signed-rank p-value of "center &lt;= t" is below alpha (and the upper bound below t
     * when "center &gt;= t" is rejected). A wrong distribution or an off-by-one rank breaks it.
     */
    @Test
    void boundsInvertTheLibrarysExactTest() {
        Random r = new Random(12);
        int checked = 0;
        int rejected = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 5 + r.nextInt(26);
            double[] d = new double[n];
            double shift = r.nextGaussian() * 0.02;
            for (int i = 0; i < n; i++) {
                d[i] = shift + r.nextGaussian() * 0.01 * (1 + r.nextInt(3));
            }
            double alpha = new double[] {0.05, 0.01, 0.001, 0.0005}[r.nextInt(4)];
            double t = r.nextGaussian() * 0.02;
            Shift s = SignedRank.shift(d, alpha);
            double p = WilcoxonSignedRankTest.withDefaults()
                    .with(AlternativeHypothesis.GREATER_THAN)
                    .with(PValueMethod.EXACT)
                    .withMu(t)
                    .test(d)
                    .getPValue();
            double q = WilcoxonSignedRankTest.withDefaults()
                    .with(AlternativeHypothesis.LESS_THAN)
                    .with(PValueMethod.EXACT)
                    .withMu(t)
                    .test(d)
                    .getPValue();
            assertEquals(
                    p <= alpha,
                    s.lower() > t,
                    () -> "n=" + s.n() + " alpha=" + alpha + " t=" + t + " p=" + p + " lower=" + s.lower());
            assertEquals(
                    q <= alpha,
                    s.upper() < t,
                    () -> "n=" + s.n() + " alpha=" + alpha + " t=" + t + " q=" + q + " upper=" + s.upper());
            checked++;
            if (p <= alpha) {
                rejected++;
            }
        }
        assertEquals(3000, checked);
        assertTrue(rejected > 300 && rejected < 2700, "both outcomes exercised: " + rejected);
    }

    @Test
    void hodgesLehmannOfASymmetricSampleIsItsCenter() {
        double[] d = {-3, -1, 0, 1, 3};
        Shift s = SignedRank.shift(d, 0.05);
        assertEquals(0, s.estimate(), 1e-15);
        // 15 Walsh averages; P(W+ <= 0) = 1/32 <= 0.05 < P(W+ <= 1) = 2/32: bounds at ranks 1 and 15, the extremes
        assertEquals(-3, s.lower(), 1e-15);
        assertEquals(3, s.upper(), 1e-15);
        assertEquals(1 - 1 / 32.0, s.confidence(), 1e-15);
    }

    @Test
    void tooFewPairsHaveNoBounds() {
        Shift s = SignedRank.shift(new double[] {0.1, 0.2, 0.3, 0.4}, 0.05);
        assertFalse(s.bounded());
        assertEquals(0.25, s.estimate(), 1e-15);
        assertTrue(Double.isInfinite(s.standardError(1.64)));
        assertEquals(1 / 16.0, SignedRank.cdf(4)[0], 1e-15); // above 0.05: no rank can serve as a bound
    }
}
