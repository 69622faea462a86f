package io.counterbench.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the known names nearest to a mistyped one (edit distance, transpositions count once). */
final class Suggestions {
    private Suggestions() {}

    /** Up to two names within a small edit distance of {@code typed}, nearest first; empty when none is close. */
    static List<String> nearest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, t.length() / 3));
        return known.stream()
                .filter(k -> distance(t, k.toLowerCase(Locale.ROOT)) <= allowed || (t.length() >= 3 && k.startsWith(t)))
                .sorted(Comparator.comparingInt((String k) -> distance(t, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(k -> k))
                .limit(2)
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
