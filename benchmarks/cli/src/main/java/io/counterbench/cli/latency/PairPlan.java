package io.counterbench.cli.latency;

import io.counterbench.topology.Domain;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which pairs of CPUs a latency run measures: every pair of the chosen CPUs, or, when they make
 * more than {@code maxPairs}, a seeded sample that takes pairs from every distance class in turn
 * (so each class the CPUs have is covered, the rare ones included). CPUs are in topology order
 * (SMT siblings, then the cores of an LLC, of a node, of a package): the heatmap's order.
 *
 * @param cpus the CPUs, in topology order
 * @param pairs the pairs to measure, in topology order of (a, b) with a before b
 * @param total how many pairs the CPUs make
 * @param sampled whether {@code pairs} is a sample
 */
record PairPlan(int[] cpus, List<Pair> pairs, long total, boolean sampled) {

    /** Two CPUs and their distance class. */
    record Pair(int a, int b, LatencyClass cls) {}

    PairPlan {
        cpus = cpus.clone();
        pairs = List.copyOf(pairs);
    }

    @Override
    public int[] cpus() {
        return cpus.clone();
    }

    /** The topology's PUs that are in {@code chosen}, in tree order. */
    static int[] topologyOrder(Topology t, int[] chosen) {
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        return t.domains(Level.PU).stream()
                .mapToInt(Domain::osIndex)
                .filter(c -> Arrays.binarySearch(sorted, c) >= 0)
                .toArray();
    }

    /**
     * @param chosen the CPUs to measure (at least two, all in {@code t})
     * @param maxPairs the most pairs to measure; more pairs than that are sampled
     * @param seed the sample's seed
     */
    static PairPlan of(Topology t, int[] chosen, long maxPairs, long seed) {
        int[] cpus = topologyOrder(t, chosen);
        if (cpus.length < 2) {
            throw new IllegalArgumentException("a latency run needs at least two CPUs, got " + cpus.length);
        }
        long total = (long) cpus.length * (cpus.length - 1) / 2;
        if (total <= maxPairs) {
            List<Pair> all = new ArrayList<>();
            for (int i = 0; i < cpus.length; i++) {
                for (int j = i + 1; j < cpus.length; j++) {
                    all.add(pair(t, cpus[i], cpus[j]));
                }
            }
            return new PairPlan(cpus, all, total, false);
        }
        return new PairPlan(cpus, sample(t, cpus, maxPairs, seed), total, true);
    }

    private static Pair pair(Topology t, int a, int b) {
        return new Pair(a, b, LatencyClass.of(t.distance(a, b)));
    }

    /**
     * Draws random pairs (seeded) and keeps, per class, the first ones drawn, until every class seen
     * has its share; then takes the classes in turn, nearest first, one pair at a time, until
     * {@code max} pairs (at least one per class). Classes so rare that random draws miss them (SMT
     * siblings among thousands of CPUs) are found by walking the CPUs' own domains.
     */
    private static List<Pair> sample(Topology t, int[] cpus, long max, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<LatencyClass, List<Pair>> byClass = new EnumMap<>(LatencyClass.class);
        java.util.Set<Long> taken = new java.util.HashSet<>();
        int n = cpus.length;
        long draws = Math.min(Math.max(4 * max, 1000), 50_000_000L);
        for (long d = 0; d < draws; d++) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            add(t, cpus, Math.min(i, j), Math.max(i, j), byClass, taken, max);
        }
        // near classes: the neighbours in topology order share a core or an LLC when anything does
        for (int i = 0; i + 1 < n; i++) {
            for (int k = 1; k <= 2 && i + k < n; k++) {
                add(t, cpus, i, i + k, byClass, taken, max);
            }
        }
        List<Pair> out = new ArrayList<>();
        List<java.util.Iterator<Pair>> its =
                byClass.values().stream().map(List::iterator).toList();
        boolean any = true;
        while (any && out.size() < Math.max(max, its.size())) {
            any = false;
            for (java.util.Iterator<Pair> it : its) {
                if (it.hasNext() && (out.size() < max || out.size() < its.size())) {
                    out.add(it.next());
                    any = true;
                }
            }
        }
        int[] rank = new int[Arrays.stream(cpus).max().orElse(0) + 1];
        for (int i = 0; i < n; i++) {
            rank[cpus[i]] = i;
        }
        out.sort((p, q) -> rank[p.a()] != rank[q.a()]
                ? Integer.compare(rank[p.a()], rank[q.a()])
                : Integer.compare(rank[p.b()], rank[q.b()]));
        return out;
    }

    private static void add(
            Topology t,
            int[] cpus,
            int i,
            int j,
            Map<LatencyClass, List<Pair>> byClass,
            java.util.Set<Long> taken,
            long max) {
        long key = (long) i * cpus.length + j;
        Pair p = pair(t, cpus[i], cpus[j]);
        List<Pair> list = byClass.computeIfAbsent(p.cls(), k -> new ArrayList<>());
        if (list.size() < max && taken.add(key)) {
            list.add(p);
        }
    }
}
