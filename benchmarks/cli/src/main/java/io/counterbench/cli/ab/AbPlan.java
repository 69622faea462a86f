package io.counterbench.cli.ab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What ab will run: the rows both versions have, {@code pairs} pairs of forks per row, and the
 * order. Pairs run round by round (every row once per round, the rows shuffled in each round), so
 * a row's pairs spread over the whole run; within a pair the two forks run back to back. Which
 * version goes first is balanced and random: for every row, pairs 2k and 2k+1 are AB and BA in
 * random order (an odd last pair flips a coin), so each version runs first equally often and a
 * first-or-second effect cancels in the paired ratios. The seed is recorded; --seed repeats it.
 *
 * <p>With a {@link Duet}, the rows it names run their two forks at the same time instead, each on
 * one half of the CPUs; the same balanced coin then says which version gets which half (the
 * baseline takes the first half when it would have gone first).
 */
public record AbPlan(List<AbRow> rows, int pairs, long seed, List<Slot> schedule, double secondsPerFork, Duet duet) {

    /**
     * A fork confined to half of the CPUs takes longer to start and warm up (fewer JIT threads): about this much of a
     * fork's time, per pair.
     */
    static final double DUET_PAIR_FORKS = 1.15;

    /**
     * Side by side: the CPUs split in two halves, and the rows (by index) whose forks run together.
     */
    public record Duet(List<Integer> firstHalf, List<Integer> secondHalf, java.util.Set<Integer> rows) {
        /** A half as taskset and pairs.json write it ("0", "0-3"; io.counterbench.topology.CpuList's format). */
        public static String format(List<Integer> cpus) {
            return io.counterbench.topology.CpuList.format(
                    cpus.stream().mapToInt(Integer::intValue).toArray());
        }

        public Duet {
            firstHalf = List.copyOf(firstHalf);
            secondHalf = List.copyOf(secondHalf);
            rows = java.util.Set.copyOf(rows);
        }

        /**
         * The halves of {@code cpus} (ascending, as sched_getaffinity gives them; an odd CPU out is left
         * unused), and the rows that fit in one half with a CPU to spare (with {@code spare}, ab --side-by-side
         * auto: none on fewer than 4 CPUs), or without (ab --side-by-side on: every row that fits in a half); null
         * when no row fits.
         */
        public static Duet of(List<AbRow> rows, int[] cpus, boolean spare) {
            int half = cpus.length / 2;
            if (half < 1) {
                return null;
            }
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int i = 0; i < half; i++) {
                a.add(cpus[i]);
                b.add(cpus[half + i]);
            }
            java.util.Set<Integer> fit = new java.util.TreeSet<>();
            for (AbRow r : rows) {
                int threads = r.threadGroups() == null
                        ? r.threads()
                        : java.util.Arrays.stream(r.threadGroups()).sum();
                // a CPU of the half left for the fork's JIT compiler and GC threads: confined to as many CPUs as it
                // has benchmark threads, a fork shares them with its own JVM (on the 2-CPU VM, side-by-side pairs of
                // 1-thread rows differed by 6-10% (sd of the log ratio) against 0.4-2.9% back to back; docs/gate.md)
                if (spare ? threads < half : threads <= half) {
                    fit.add(r.index());
                }
            }
            return fit.isEmpty() ? null : new Duet(a, b, fit);
        }
    }

    /** One pair in the schedule: row, pair number (0-based) and whether the baseline runs first. */
    public record Slot(int row, int pair, boolean baselineFirst) {}

    public AbPlan {
        rows = List.copyOf(rows);
        schedule = List.copyOf(schedule);
    }

    /** Whether row {@code row}'s forks run side by side. */
    public boolean together(int row) {
        return duet != null && duet.rows().contains(row);
    }

    /**
     * This plan with the rows that fit run side by side on the halves of {@code cpus}: with {@code spare}, only rows
     * with fewer threads than a half has CPUs (ab --side-by-side auto), else every row that fits in a half (on).
     */
    public AbPlan sideBySide(int[] cpus, boolean spare) {
        return new AbPlan(rows, pairs, seed, schedule, secondsPerFork, Duet.of(rows, cpus, spare));
    }

    /** Seconds one pair of row {@code row} is expected to take. */
    public double secondsPerPair(int row) {
        return (together(row) ? DUET_PAIR_FORKS : 2) * secondsPerFork;
    }

    public static AbPlan of(List<AbRow> rows, int pairs, long seed, double secondsPerFork) {
        Random random = new Random(seed);
        // a fair coin per pair, independent of every other: the gate's coin test (results.gate.RowEvidence) is
        // exact at any number of pairs only so (a balanced design would be exchangeable only at whole blocks)
        boolean[][] first = new boolean[rows.size()][pairs];
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < pairs; k++) {
                first[r][k] = random.nextBoolean();
            }
        }
        List<Slot> schedule = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                order.add(r);
            }
            Collections.shuffle(order, random);
            for (int r : order) {
                schedule.add(new Slot(r, k, first[r][k]));
            }
        }
        return new AbPlan(rows, pairs, seed, schedule, secondsPerFork, null);
    }

    /** Planned looks of an adaptive run: at most this many. */
    public static final int LOOKS = 2;

    /** {@link #looks(int, double, int, double)} with time for every round. */
    public static int[] looks(int rows, double alpha, int maxPairs) {
        return looks(rows, alpha, maxPairs, Double.POSITIVE_INFINITY);
    }

    /**
     * The pair counts at which an adaptive run tests its rows. Two looks when the budget has time for at least
     * twice the first: the first where the gate's coin test (rank-sum of the two coin groups, about half the pairs
     * each) can bound anything at alpha / (LOOKS rows), the last at {@code maxPairs}. Otherwise one look, at
     * {@code maxPairs}, which the budget's end will come before: a run whose budget ends before a row's last look
     * tests that row once more on all its pairs (results.gate.PairLayout), so one look spends the whole alpha on
     * the most pairs the budget gives, rather than half of it on a first look that could stop few rows.
     *
     * @param roundsThatFit rounds of pairs (one per row) the budget is expected to hold, from the plan's estimate
     */
    public static int[] looks(int rows, double alpha, int maxPairs, double roundsThatFit) {
        int first = 2
                * io.counterbench.results.stats.RankSum.minimumForksEach(alpha / (LOOKS * (double) Math.max(1, rows)));
        if (maxPairs <= first || roundsThatFit < 2 * first) {
            return new int[] {maxPairs};
        }
        return new int[] {first, maxPairs};
    }

    /** Rounds of pairs (one pair of every row) that {@code seconds} hold, by the plan's estimate. */
    public double roundsIn(double seconds) {
        double round = 0;
        for (int r = 0; r < rows.size(); r++) {
            round += secondsPerPair(r);
        }
        return round <= 0 ? Double.POSITIVE_INFINITY : seconds / round;
    }

    /** Seconds the whole plan is expected to take. */
    public double estimateSeconds() {
        return schedule.stream().mapToDouble(s -> secondsPerPair(s.row())).sum();
    }
}
