package io.counterbench.results.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A metric seen the way the suite replicates it: one score per JVM fork (the mean of that fork's
 * measurement iterations), the median of those scores, and a confidence interval for that median
 * computed across forks. Iterations of different forks are never pooled: iterations of one JVM
 * share its JIT decisions, code layout and memory placement, so only forks are independent.
 *
 * <p>The interval is the distribution-free order-statistic interval of the median: with n fork
 * scores sorted, [x(k), x(n+1-k)] covers the true median with probability
 * 1 - 2 P(Binomial(n, 1/2) &lt; k), whatever the distribution of fork scores. k is the largest
 * rank that keeps that confidence at or above 95%; below 6 forks no rank can, so the interval is
 * [min, max] and its confidence is stated as it is (93.8% with 5 forks, 87.5% with 4, 75% with 3,
 * 50% with 2). One fork has no interval ({@link #hasInterval()} is false), and a reader is told
 * so rather than shown JMH's within-fork error.
 *
 * <p>The CI gate reuses {@link #perFork()}; the report's tables and charts use the rest.
 *
 * @param perFork one score per fork that measured anything, in fork order (NaN iterations left out)
 * @param ids each score's fork: its position among the metric's forks before forks without a score were left out
 *            (an ab row's position maps to its pair id), so that dropping a fork never shifts the others
 */
public record ForkScores(double[] perFork, int[] ids) {
    /** The confidence the interval aims for. */
    public static final double TARGET_CONFIDENCE = 0.95;
    /** An interval wider than this fraction of the median is marked in tables. */
    public static final double WIDE = 0.10;

    public ForkScores {
        perFork = perFork.clone();
        ids = ids == null ? java.util.stream.IntStream.range(0, perFork.length).toArray() : ids.clone();
        if (ids.length != perFork.length) {
            throw new IllegalArgumentException(ids.length + " fork ids for " + perFork.length + " scores");
        }
    }

    /** Scores of forks 0 .. n-1. */
    public ForkScores(double[] perFork) {
        this(perFork, null);
    }

    /**
     * The per-fork scores of a metric: each fork's mean of its (non-NaN) iterations; forks without any are left out.
     */
    public static ForkScores of(Metric m) {
        return of(m, ForkScore.MEAN, true);
    }

    /**
     * The per-fork scores of a metric, each fork's iterations made one score as {@code how} says; forks without any are
     * left out.
     */
    public static ForkScores of(Metric m, ForkScore how, boolean higherIsBetter) {
        List<Double> scores = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        int position = 0;
        for (double[] fork : m.forks()) {
            double score = how.of(fork, higherIsBetter);
            if (!Double.isNaN(score)) {
                scores.add(score);
                ids.add(position);
            }
            position++;
        }
        return new ForkScores(
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Per-fork speed ratios of {@code row} against {@code reference}, paired by fork index (fork i of
     * one row with fork i of the other; the forks of two rows are independent JVMs, so any pairing
     * is a fair one and the interval covers the spread of both rows), oriented so that higher is
     * better: row / reference where higher scores are better, reference / row where lower are.
     * Forks pair up by id (fork i of one row with fork i of the other), so a fork one row lost does not shift the
     * others.
     */
    public static ForkScores speedup(ForkScores row, ForkScores reference, boolean higherIsBetter) {
        java.util.Map<Integer, Double> ref = reference.byId();
        List<Double> r = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < row.perFork.length; i++) {
            Double x = ref.get(row.ids[i]);
            if (x != null) {
                r.add(higherIsBetter ? row.perFork[i] / x : x / row.perFork[i]);
                ids.add(row.ids[i]);
            }
        }
        return new ForkScores(
                r.stream().mapToDouble(Double::doubleValue).toArray(),
                ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Score by fork id, in fork order. */
    public java.util.Map<Integer, Double> byId() {
        java.util.Map<Integer, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < perFork.length; i++) {
            m.put(ids[i], perFork[i]);
        }
        return m;
    }

    @Override
    public double[] perFork() {
        return perFork.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    public int forks() {
        return perFork.length;
    }

    /** The median of the fork scores; NaN without any. */
    public double median() {
        if (perFork.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** True with two or more forks. */
    public boolean hasInterval() {
        return perFork.length >= 2;
    }

    /** The lower end of the interval; NaN without one. */
    public double lower() {
        return hasInterval() ? sorted()[rank(perFork.length) - 1] : Double.NaN;
    }

    /** The upper end of the interval; NaN without one. */
    public double upper() {
        return hasInterval() ? sorted()[perFork.length - rank(perFork.length)] : Double.NaN;
    }

    /** The interval's confidence for this many forks (e.g. 0.9375 for 5); NaN below two. */
    public double confidence() {
        return hasInterval() ? confidence(perFork.length) : Double.NaN;
    }

    /** (upper - lower) / |median|; NaN without an interval. */
    public double relativeWidth() {
        double m = median();
        return hasInterval() && m != 0 ? (upper() - lower()) / Math.abs(m) : Double.NaN;
    }

    /** True when the interval is wider than {@value #WIDE} of the median (10%). */
    public boolean wide() {
        return relativeWidth() > WIDE;
    }

    /** The rank k (1-based) of the interval's lower end for n forks. */
    static int rank(int n) {
        int best = 1;
        for (int k = 1; k <= n / 2; k++) {
            if (confidence(n, k) >= TARGET_CONFIDENCE) {
                best = k;
            }
        }
        return best;
    }

    /** 1 - 2 P(Binomial(n, 1/2) &lt; k): the coverage of [x(k), x(n+1-k)] for the median. */
    static double confidence(int n, int k) {
        double below = 0;
        double c = 1; // C(n, 0)
        for (int i = 0; i < k; i++) {
            below += c;
            c = c * (n - i) / (i + 1);
        }
        return 1 - 2 * below / Math.pow(2, n);
    }

    /** The coverage of the interval used for n forks. */
    public static double confidence(int n) {
        return n < 2 ? Double.NaN : confidence(n, rank(n));
    }

    /** How the interval for n forks is computed, for captions: "95% interval" style text with its real confidence. */
    public static String describe(int n) {
        if (n < 2) {
            return n + " fork, no interval";
        }
        int k = rank(n);
        String which = k == 1
                ? "min-max of the " + n + " fork scores"
                : "fork scores ranked " + k + " and " + (n + 1 - k) + " of " + n;
        return String.format(Locale.ROOT, "%s, a %.1f%% interval for the median", which, 100 * confidence(n));
    }

    private double[] sorted() {
        double[] s = perFork.clone();
        Arrays.sort(s);
        return s;
    }
}
