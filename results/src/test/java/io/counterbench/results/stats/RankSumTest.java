package io.counterbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

class RankSumTest {

    @Test
    void twoAndTwoByHand() {
        // the 6 interleavings of x1 x2 and y1 y2 give U = 0, 1, 2, 2, 3, 4
        double[] c = RankSum.cdf(2, 2);
        assertEquals(5, c.length);
        assertEquals(1 / 6.0, c[0], 1e-15);
        assertEquals(2 / 6.0, c[1], 1e-15);
        assertEquals(4 / 6.0, c[2], 1e-15);
        assertEquals(1.0, c[4], 1e-15);
        // P(U = 0) = 1 / C(m + n, m)
        assertEquals(1 / 252.0, RankSum.cdf(5, 5)[0], 1e-15);
        assertEquals(1 / 2002.0, RankSum.cdf(5, 9)[0], 1e-15);
    }

    @Test
    void minimumForks() {
        assertEquals(3, RankSum.minimumForksEach(0.05)); // 1/20
        assertEquals(5, RankSum.minimumForksEach(0.01)); // 1/70 is too much, 1/252 is not
        assertEquals(7, RankSum.minimumForksEach(0.001)); // 1/924 is just above, 1/3432 below
    }

    /** The bounds invert commons-statistics' exact Mann-Whitney test of "y - x &lt;= t", as in SignedRankTest. */
    @Test
    void boundsInvertTheLibrarysExactTest() {
        Random r = new Random(34);
        int rejected = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int m = 3 + r.nextInt(10);
            int n = 3 + r.nextInt(10);
            double shift = r.nextGaussian() * 0.03;
            double[] x = new double[m];
            double[] y = new double[n];
            for (int i = 0; i < m; i++) {
                x[i] = r.nextGaussian() * 0.01;
            }
            for (int j = 0; j < n; j++) {
                y[j] = shift + r.nextGaussian() * 0.01;
            }
            double alpha = new double[] {0.05, 0.01, 0.001}[r.nextInt(3)];
            double t = r.nextGaussian() * 0.02;
            Shift s = RankSum.shift(x, y, alpha);
            double p = MannWhitneyUTest.withDefaults()
                    .with(AlternativeHypothesis.GREATER_THAN)
                    .with(PValueMethod.EXACT)
                    .withMu(t)
                    .test(y, x)
                    .getPValue();
            double q = MannWhitneyUTest.withDefaults()
                    .with(AlternativeHypothesis.LESS_THAN)
                    .with(PValueMethod.EXACT)
                    .withMu(t)
                    .test(y, x)
                    .getPValue();
            assertEquals(
                    p <= alpha,
                    s.lower() > t,
                    () -> "m=" + x.length + " n=" + y.length + " alpha=" + alpha + " t=" + t + " p=" + p + " lower="
                            + s.lower());
            assertEquals(q <= alpha, s.upper() < t, () -> "q=" + q + " upper=" + s.upper());
            if (p <= alpha) {
                rejected++;
            }
        }
        assertTrue(rejected > 200 && rejected < 1800, "both outcomes exercised: " + rejected);
    }

    @Test
    void tooFewForksHaveNoBounds() {
        Shift s = RankSum.shift(new double[] {1, 2}, new double[] {5, 6}, 0.05);
        assertFalse(s.bounded());
        assertEquals(4, s.estimate(), 1e-15);
        assertTrue(RankSum.shift(new double[] {1, 2, 3, 4, 5}, new double[] {11, 12, 13, 14, 15}, 0.01)
                .bounded());
    }
}
