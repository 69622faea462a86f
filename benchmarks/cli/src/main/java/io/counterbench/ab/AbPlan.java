package io.counterbench.ab;

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
 */
public record AbPlan(List<AbRow> rows, int pairs, long seed, List<Slot> schedule, double secondsPerFork) {

    /** One pair in the schedule: row, pair number (0-based) and whether the baseline runs first. */
    public record Slot(int row, int pair, boolean baselineFirst) {
    }

    public AbPlan {
        rows = List.copyOf(rows);
        schedule = List.copyOf(schedule);
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
        return new AbPlan(rows, pairs, seed, schedule, secondsPerFork);
    }

    /** Seconds the whole plan is expected to take. */
    public double estimateSeconds() {
        return schedule.size() * 2 * secondsPerFork;
    }
}
