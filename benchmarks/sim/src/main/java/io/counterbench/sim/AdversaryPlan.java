package io.counterbench.sim;

import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.TreeShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The additions that drive a counter to its worst deviation, built from the counter's structure
 * (which {@link CounterModel} picks by the counter's layout):
 * <ul>
 *   <li>{@code flat}, {@code per-node}: batch - 1 into every slot (approximate = precise - bound),
 *       then -2 x (batch - 1) into every slot (approximate = precise + bound);</li>
 *   <li>{@code per-thread}: threshold - 1 events of +1 per task (under), then a flush and
 *       threshold - 1 events of -1 (over);</li>
 *   <li>{@code tree}, {@code tree-topo}: top level first, mask_l - mask_(l-1) into each item a CPU
 *       reaches (one add on a CPU under it: the amount is a multiple of every lower mask, so it
 *       passes through the lower levels untouched), then batch - 1 into every CPU's level 0. This
 *       is {@link TreeShape#reachableUnder}; the tree never reads above its precise sum;</li>
 *   <li>exact counters, and contributed counters (whose structure is not known here): +1 then -1
 *       per CPU.</li>
 * </ul>
 */
final class AdversaryPlan {
    final int[] cpus;
    final int[] tasks;
    final long[] deltas;

    private AdversaryPlan(List<long[]> steps) {
        int n = steps.size();
        cpus = new int[n];
        tasks = new int[n];
        deltas = new long[n];
        for (int i = 0; i < n; i++) {
            long[] s = steps.get(i);
            cpus[i] = (int) s[0];
            tasks[i] = (int) s[1];
            deltas[i] = s[2];
        }
    }

    int length() {
        return deltas.length;
    }

    static AdversaryPlan of(CounterFactory f, CpuMap map, int taskCount) {
        List<long[]> steps = new ArrayList<>();
        if (f == null) {
            plusOneMinusOne(map.cpus(), steps);
        } else {
            CounterModel.of(f.id()).adversary(f, map, taskCount, steps);
        }
        return new AdversaryPlan(steps);
    }

    /** Exact counters and counters whose structure is not known: +1 then -1 per CPU. */
    static void plusOneMinusOne(int[] cpus, List<long[]> steps) {
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, 1));
        }
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, -1));
        }
    }

    /** Slots flushed at +-batch (flat: one add per CPU; per-node: on the first CPU of each node). */
    static void slots(long batch, List<Integer> cpus, List<long[]> steps) {
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, batch - 1));
        }
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, -2 * (batch - 1)));
        }
    }

    /** Task caches flushed every batch events: batch - 1 of +1 per task, then a flush and batch - 1 of -1. */
    static void taskCaches(long batch, int[] cpus, int taskCount, List<long[]> steps) {
        for (int t = 0; t < taskCount; t++) {
            for (long e = 1; e < batch; e++) {
                steps.add(step(cpus[t % cpus.length], t, 1));
            }
        }
        for (int t = 0; t < taskCount; t++) {
            steps.add(step(cpus[t % cpus.length], t, 1));
            for (long e = 1; e < batch; e++) {
                steps.add(step(cpus[t % cpus.length], t, -1));
            }
        }
    }

    static void tree(TreeShape shape, long batch, int[] cpus, List<long[]> steps) {
        if (shape.multiplier() == 0) {
            steps.add(step(cpus[0], 0, 1));
            return;
        }
        for (int l = shape.levels() - 1; l >= 1; l--) {
            long amount = (batch << shape.shift(l)) - (batch << shape.shift(l - 1));
            Set<Integer> filled = new HashSet<>();
            for (int cpu : cpus) {
                if (filled.add(shape.itemOf(l, cpu))) {
                    steps.add(step(cpu, 0, amount));
                }
            }
        }
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, batch - 1));
        }
    }

    static List<Integer> firstCpuOfEachNode(CpuMap map) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int cpu : map.cpus()) {
            if (seen.add(map.nodeOf(cpu))) {
                out.add(cpu);
            }
        }
        return out;
    }

    static List<Integer> boxed(int[] cpus) {
        List<Integer> out = new ArrayList<>(cpus.length);
        for (int cpu : cpus) {
            out.add(cpu);
        }
        return out;
    }

    private static long[] step(int cpu, int task, long delta) {
        return new long[] {cpu, task, delta};
    }
}
