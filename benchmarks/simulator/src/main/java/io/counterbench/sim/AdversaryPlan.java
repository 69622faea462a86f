package io.counterbench.sim;

import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.TreeShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The additions that drive a counter to its worst deviation, built from the counter's structure:
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
        int[] cpus = map.cpus();
        if (f == null) {
            plusOneMinusOne(cpus, steps);
            return new AdversaryPlan(steps);
        }
        long batch = f.batch();
        switch (f.id()) {
            case FLAT -> {
                for (int cpu : cpus) {
                    steps.add(step(cpu, 0, batch - 1));
                }
                for (int cpu : cpus) {
                    steps.add(step(cpu, 0, -2 * (batch - 1)));
                }
            }
            case PER_NODE -> {
                List<Integer> firstOfNode = firstCpuOfEachNode(map);
                for (int cpu : firstOfNode) {
                    steps.add(step(cpu, 0, batch - 1));
                }
                for (int cpu : firstOfNode) {
                    steps.add(step(cpu, 0, -2 * (batch - 1)));
                }
            }
            case PER_THREAD -> {
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
            case TREE, TREE_TOPO -> tree(f.shape(), batch, cpus, steps);
            default -> plusOneMinusOne(cpus, steps);
        }
        return new AdversaryPlan(steps);
    }

    private static void plusOneMinusOne(int[] cpus, List<long[]> steps) {
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, 1));
        }
        for (int cpu : cpus) {
            steps.add(step(cpu, 0, -1));
        }
    }

    private static void tree(TreeShape shape, long batch, int[] cpus, List<long[]> steps) {
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

    private static List<Integer> firstCpuOfEachNode(CpuMap map) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int cpu : map.cpus()) {
            if (seen.add(map.nodeOf(cpu))) {
                out.add(cpu);
            }
        }
        return out;
    }

    private static long[] step(int cpu, int task, long delta) {
        return new long[] {cpu, task, delta};
    }
}
