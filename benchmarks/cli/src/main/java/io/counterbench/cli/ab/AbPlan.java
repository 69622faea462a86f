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
         * unused), and the rows that fit in one half; null when fewer than 2 CPUs or no row fits.
         */
        public static Duet of(List<AbRow> rows, int[] cpus) {
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
                if (threads <= half) {
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

    /** This plan with the rows that fit run side by side on the halves of {@code cpus} (unchanged when none fits). */
    public AbPlan sideBySide(int[] cpus) {
        return new AbPlan(rows, pairs, seed, schedule, secondsPerFork, Duet.of(rows, cpus));
    }

    /** Seconds one pair of row {@code row} is expected to take. */
    public double secondsPerPair(int row) {
        return (together(row) ? DUET_PAIR_FORKS : 2) * secondsPerFork;
    }

    public static AbPlan of(List<AbRow> rows, int pairs, long seed, double secondsPerFork) {
        Random random = new Random(seed);
        boolean[][] first = new boolean[rows.size()][pairs];
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < pairs; k += 2) {
                boolean ab = random.nextBoolean();
                first[r][k] = ab;
                if (k + 1 < pairs) {
                    first[r][k + 1] = !ab;
                }
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
    public static final int LOOKS = 3;

    /**
     * The pair counts at which an adaptive run tests its rows: the first where the signed-rank test of a
     * side-by-side row can bound anything at alpha / (LOOKS rows), the last at {@code maxPairs}, one halfway;
     * a single look at {@code maxPairs} when that is not above the first.
     */
    public static int[] looks(int rows, double alpha, int maxPairs) {
        int first = 0;
        while (Math.pow(0.5, first) > alpha / (LOOKS * (double) Math.max(1, rows))) {
            first++;
        }
        if (maxPairs <= first) {
            return new int[] {maxPairs};
        }
        int middle = (first + maxPairs + 1) / 2;
        return java.util.stream.IntStream.of(first, middle, maxPairs).distinct().toArray();
    }

    /** Seconds the whole plan is expected to take. */
    public double estimateSeconds() {
        return schedule.stream().mapToDouble(s -> secondsPerPair(s.row())).sum();
    }
}
