package io.counterbench.results.forensics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which candidate separates a row's slow forks from its fast ones. The forks (each scored by its
 * best iteration) are split at the largest gap between consecutive scores; each numeric candidate
 * is then scored by the fewest forks one threshold on it puts on the wrong side, each categorical
 * one (the inlining digest) by the forks outside their value's majority side. A candidate whose
 * values are all distinct separates the groups perfectly by chance with probability
 * 2 / C(forks, slow forks), given as {@link Candidate#chance}: with 20 forks split 10/10 that is
 * 1e-5, split 2/18 it is 1%, so an unbalanced split needs more than one matching candidate to be
 * read as a cause. This is a finder of suspects for an experiment, not a test.
 *
 * @param ratio the fork scores' max / min (the aim: at most 1.05)
 * @param gap the largest gap between consecutive sorted fork scores, relative to the lower one
 * @param threshold the middle of that gap
 * @param slow forks on the slow side of it; {@code fast} on the other
 */
public record Separation(double ratio, double gap, double threshold, int slow, int fast, List<Candidate> candidates) {

    /**
     * A candidate cause and how well it separates: {@code errors} forks misplaced; chance as above (NaN when errors >
     * 0).
     */
    public record Candidate(String name, int errors, double chance) {}

    public Separation {
        candidates = List.copyOf(candidates);
    }

    /** The split and every candidate, best separating first. */
    public static Separation of(List<ForkForensics> forks, boolean higherIsBetter) {
        double[] scores = forks.stream().mapToDouble(ForkForensics::best).toArray();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n < 2) {
            return new Separation(Double.NaN, Double.NaN, Double.NaN, 0, n, List.of());
        }
        double gap = -1;
        double threshold = Double.NaN;
        for (int i = 1; i < n; i++) {
            double g = (sorted[i] - sorted[i - 1]) / sorted[i - 1];
            if (g > gap) {
                gap = g;
                threshold = (sorted[i] + sorted[i - 1]) / 2;
            }
        }
        boolean[] slow = new boolean[n];
        int slowCount = 0;
        for (int i = 0; i < n; i++) {
            slow[i] = higherIsBetter ? scores[i] < threshold : scores[i] > threshold;
            slowCount += slow[i] ? 1 : 0;
        }
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, Function<ForkForensics, Double>> c :
                numericCandidates(forks).entrySet()) {
            double[] v = forks.stream().mapToDouble(f -> c.getValue().apply(f)).toArray();
            if (Arrays.stream(v).anyMatch(Double::isNaN)) {
                continue;
            }
            int errors = stumpErrors(v, slow);
            out.add(new Candidate(c.getKey(), errors, errors == 0 ? chance(v, slowCount) : Double.NaN));
        }
        if (forks.stream()
                .allMatch(f -> f.jit() != null && !f.jit().inlineDigest().isEmpty())) {
            String[] digests = forks.stream().map(f -> f.jit().inlineDigest()).toArray(String[]::new);
            out.add(new Candidate("inlining digest", categoryErrors(digests, slow), Double.NaN));
        }
        out.sort(Comparator.comparingInt(Candidate::errors));
        return new Separation(sorted[n - 1] / sorted[0], gap, threshold, slowCount, n - slowCount, out);
    }

    /** Every numeric candidate the forks have: addresses mod 4096 and mod 64, slot minus rseq, GC, JIT. */
    static Map<String, Function<ForkForensics, Double>> numericCandidates(List<ForkForensics> forks) {
        Map<String, Function<ForkForensics, Double>> c = new LinkedHashMap<>();
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        forks.forEach(f -> names.addAll(f.addresses().keySet()));
        for (String name : names) {
            c.put(name + " mod 4096", f -> value(f, name, 4096));
            c.put(name + " mod 64", f -> value(f, name, 64));
        }
        for (String slot : names.stream().filter(s -> s.endsWith(".slot")).toList()) {
            if (names.contains("rseq.cpu_id")) {
                c.put(slot + " - rseq.cpu_id mod 4096", f -> {
                    Long a = f.addresses().get(slot);
                    Long b = f.addresses().get("rseq.cpu_id");
                    return a == null || b == null ? Double.NaN : (double) Math.floorMod(a - b, 4096L);
                });
            }
        }
        c.put("fork number (order in time)", f -> (double) f.fork());
        c.put("GCs in measurement", ForkForensics::gc);
        c.put("JIT ms in measurement", ForkForensics::jitMillis);
        c.put(
                "C2 compiles of the stub",
                f -> f.jit() == null ? Double.NaN : f.jit().c2Compiles());
        c.put(
                "C2 versions made not entrant",
                f -> f.jit() == null ? Double.NaN : f.jit().deopts());
        c.put(
                "last C2 compile (ms)",
                f -> f.jit() == null || f.jit().lastC2Millis() < 0
                        ? Double.NaN
                        : f.jit().lastC2Millis());
        return c;
    }

    private static double value(ForkForensics f, String name, int modulus) {
        Long a = f.addresses().get(name);
        return a == null ? Double.NaN : Math.floorMod(a, (long) modulus);
    }

    /** Fewest forks misplaced by one threshold on {@code v} (either side may be the slow one). */
    static int stumpErrors(double[] v, boolean[] slow) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        int totalSlow = 0;
        for (boolean s : slow) {
            totalSlow += s ? 1 : 0;
        }
        int best = Math.min(totalSlow, n - totalSlow); // no cut: everything on one side
        int slowLeft = 0;
        for (int k = 1; k < n; k++) {
            slowLeft += slow[order[k - 1]] ? 1 : 0;
            if (v[order[k]] == v[order[k - 1]]) {
                continue; // a threshold cannot fall between equal values
            }
            int fastLeft = k - slowLeft;
            int slowRight = totalSlow - slowLeft;
            int fastRight = (n - k) - slowRight;
            best = Math.min(best, Math.min(fastLeft + slowRight, slowLeft + fastRight));
        }
        return best;
    }

    /** Forks whose value is shared with a majority of the other side's forks: per value, the minority count. */
    static int categoryErrors(String[] values, boolean[] slow) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            counts.computeIfAbsent(values[i], k -> new int[2])[slow[i] ? 0 : 1]++;
        }
        return counts.values().stream().mapToInt(c -> Math.min(c[0], c[1])).sum();
    }

    /** 2 / C(n, s) when every value is distinct (the chance of a perfect cut), else NaN. */
    static double chance(double[] v, int s) {
        int n = v.length;
        if (Arrays.stream(v).distinct().count() < n || s == 0 || s == n) {
            return Double.NaN;
        }
        double c = 1;
        for (int i = 1; i <= s; i++) {
            c = c * (n - s + i) / i;
        }
        return Math.min(1, 2 / c);
    }
}
