package io.counterbench.results.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * E-Divisive with means (Matteson and James, "A nonparametric approach for multiple change point
 * analysis of multivariate data", JASA 2014, with alpha = 1), as MongoDB runs it over per-commit
 * results (Daly et al., ICPE 2020): for a split of a segment into X (its first n values) and Y
 * (the other m), the energy statistic
 *
 * <pre>  q = n m / (n + m) x (2/(n m) sum|x - y| - 1/n^2 sum|x - x'| - 1/m^2 sum|y - y'|)</pre>
 *
 * is large when X and Y come from different distributions. Bisection: in every segment between
 * the change points found so far, the split with the largest q is the candidate; the best
 * candidate of all is tested by permutation (each segment's values shuffled within it, the
 * largest q of all segments taken, {@code permutations} times; p = (1 + count of q at least the
 * observed) / (1 + permutations)). A candidate with p at most the significance becomes a change
 * point and the search goes on; the first that is not ends it. The random order comes from a
 * seeded generator, so one series always gives the same answer. A segment may be one value long,
 * as in MongoDB's implementation.
 */
public final class EDivisive {
    /** Relative tolerance under which a permuted q counts as equal to the observed one. */
    private static final double TIE = 1e-9;

    private EDivisive() {}

    /**
     * How the detector runs.
     *
     * @param significance a candidate is a change point when its permutation p is at most this
     * @param permutations permutations per test
     * @param seed seed of the permutations
     */
    public record Options(double significance, int permutations, long seed) {
        /** 999 permutations at p &lt;= 0.01, seed 1: see docs/trend.md for what these detect and how often they err. */
        public static final Options DEFAULT = new Options(0.01, 999, 1);

        public Options {
            if (!(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("significance " + significance + " is not between 0 and 1");
            }
            if (permutations < 1) {
                throw new IllegalArgumentException("permutations " + permutations + " is not positive");
            }
        }
    }

    /**
     * One change point.
     *
     * @param index the first value of the new segment (0-based)
     * @param q the energy statistic of the split
     * @param p its permutation p-value
     */
    public record Split(int index, double q, double p) {}

    /**
     * The result: the change points in the order they were found (largest q first), and the last
     * candidate tested that was not significant (null when every value is its own segment).
     */
    public record Result(List<Split> changes, Split rejected) {
        public Result {
            changes = List.copyOf(changes);
        }

        /** The change points' indices, ascending. */
        public List<Integer> indices() {
            return changes.stream().map(Split::index).sorted().toList();
        }
    }

    /** The change points of {@code series} (finite values). */
    public static Result detect(double[] series, Options o) {
        for (double v : series) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("E-Divisive needs finite values; got " + v);
            }
        }
        int n = series.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.abs(series[i] - series[j]);
            }
        }
        SplittableRandom random = new SplittableRandom(o.seed());
        TreeSet<Integer> bounds = new TreeSet<>(List.of(0, n));
        List<Split> found = new ArrayList<>();
        while (true) {
            int bestIndex = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            List<int[]> windows = windows(bounds);
            for (int[] w : windows) {
                double[] q = qValues(d, identity(w[0], w[1]));
                for (int t = 1; t < q.length; t++) {
                    if (q[t] > bestQ) {
                        bestQ = q[t];
                        bestIndex = w[0] + t;
                    }
                }
            }
            if (bestIndex < 0) {
                return new Result(found, null);
            }
            int atLeast = 0;
            for (int r = 0; r < o.permutations(); r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int[] w : windows) {
                    int[] idx = identity(w[0], w[1]);
                    shuffle(idx, random);
                    double[] q = qValues(d, idx);
                    for (int t = 1; t < q.length; t++) {
                        max = Math.max(max, q[t]);
                    }
                }
                if (max >= bestQ - TIE * Math.abs(bestQ)) {
                    atLeast++;
                }
            }
            double p = (atLeast + 1.0) / (o.permutations() + 1.0);
            Split s = new Split(bestIndex, bestQ, p);
            if (p > o.significance()) {
                return new Result(found, s);
            }
            found.add(s);
            bounds.add(bestIndex);
        }
    }

    /**
     * q of every split of the segment whose values are {@code idx} (in this order): element t is
     * the split into idx[0..t) and idx[t..), for t = 1 .. length - 1; element 0 is NaN.
     */
    static double[] qValues(double[][] d, int[] idx) {
        int len = idx.length;
        double[] q = new double[len];
        q[0] = Double.NaN;
        // sums over unordered pairs: within X = idx[0..t), within Y = idx[t..), across
        double within = 0;
        for (int i = 0; i < len; i++) {
            for (int j = i + 1; j < len; j++) {
                within += d[idx[i]][idx[j]];
            }
        }
        double x = 0;
        double y = within;
        double xy = 0;
        for (int t = 1; t < len; t++) {
            // move idx[t - 1] from Y to X
            int k = idx[t - 1];
            double toX = 0;
            for (int i = 0; i < t - 1; i++) {
                toX += d[idx[i]][k];
            }
            double toY = 0;
            for (int j = t; j < len; j++) {
                toY += d[k][idx[j]];
            }
            x += toX;
            y -= toY;
            xy += toY - toX;
            double n = t;
            double m = len - t;
            double e = 2 * xy / (n * m) - 2 * x / (n * n) - 2 * y / (m * m);
            q[t] = n * m / (n + m) * e;
        }
        return q;
    }

    private static List<int[]> windows(TreeSet<Integer> bounds) {
        List<int[]> out = new ArrayList<>();
        Integer prev = null;
        for (int b : bounds) {
            if (prev != null) {
                out.add(new int[] {prev, b});
            }
            prev = b;
        }
        return out;
    }

    private static int[] identity(int from, int to) {
        int[] a = new int[to - from];
        for (int i = 0; i < a.length; i++) {
            a[i] = from + i;
        }
        return a;
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
