package io.counterbench.results.gate;

import java.util.Arrays;

/**
 * How the forks of one ab row were paired, read from pairs.json: the pair id of each fork position
 * in the row's merged JMH results (both sides list the same pairs), how each pair ran ("baseline"
 * or "current" first, back to back; "together", side by side), and the pair counts at which the
 * run planned its looks (empty for a run of a fixed number of pairs).
 *
 * <p>A run that completed (its budget ran out: not one stopped by hand or by a failure, whose moment a person
 * watching the pairs may have chosen) before a row reached its last planned look gives
 * that row one more test, on every pair it has, in place of the looks it did not reach: the row is still tested at
 * most {@code looks.length} times, each at alpha over the looks, so Bonferroni over the looks holds; and when the
 * run ends is set by the clock and the other rows, not by this row's signs, which the design randomizes.
 *
 * @param row the row's index in pairs.json
 * @param ended whether the run completed (pairs.json's status "complete")
 */
public record PairLayout(int row, int[] pairIds, String[] order, int[] looks, boolean ended) {

    public PairLayout {
        pairIds = pairIds.clone();
        order = order.clone();
        looks = looks == null ? new int[0] : looks.clone();
        if (order.length != pairIds.length) {
            throw new IllegalArgumentException(order.length + " orders for " + pairIds.length + " pairs");
        }
    }

    /** Positions as ids, every pair side by side, no looks: what a caller without pairs.json knows. */
    public static PairLayout positional(int forks) {
        String[] o = new String[forks];
        Arrays.fill(o, "together");
        return new PairLayout(-1, java.util.stream.IntStream.range(0, forks).toArray(), o, null, true);
    }

    public int pairId(int position) {
        return position < pairIds.length ? pairIds[position] : -1 - position;
    }

    public String order(int position) {
        return position < order.length ? order[position] : "together";
    }

    @Override
    public int[] pairIds() {
        return pairIds.clone();
    }

    @Override
    public String[] order() {
        return order.clone();
    }

    @Override
    public int[] looks() {
        return looks.clone();
    }

    /** The planned looks (1 for a fixed run). */
    public int lookCount() {
        return Math.max(1, looks.length);
    }

    /**
     * The pairs a test may use with {@code n} pairs in hand: the largest planned look at most n (all n without looks;
     * 0 before the first); once the run has ended, all n when the row reached fewer looks than were planned (its
     * final test, see the class comment).
     */
    public int usable(int n) {
        if (looks.length == 0) {
            return n;
        }
        int best = 0;
        int reached = 0;
        for (int l : looks) {
            if (l <= n) {
                best = Math.max(best, l);
                reached++;
            }
        }
        return ended && reached < looks.length ? n : best;
    }
}
