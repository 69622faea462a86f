package io.counterbench.run;

import io.counterbench.counters.CounterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a run will measure: the benchmarks x parameters x thread counts of a profile, narrowed by
 * the user's filters, as a list of JMH invocations with a time estimate.
 */
public final class Plan {
    static final String PACKAGE = "io.counterbench.bench";
    /** Seconds a JMH fork costs besides its iterations (JVM start, setup, teardown): 0.3 s measured on a 2-core VM (quick profile, 124 forks in 139 s). */
    static final double FORK_OVERHEAD_SECONDS = 0.35;
    private static final List<CounterId> SELECTION_DEFAULT = List.of(CounterId.TREE, CounterId.FLAT, CounterId.ADDER);

    private final Profile profile;
    private final List<PlanEntry> entries;
    private final String topology;
    private final int cpus;

    private Plan(Profile profile, String topology, int cpus, List<PlanEntry> entries) {
        this.profile = profile;
        this.topology = topology;
        this.cpus = cpus;
        this.entries = List.copyOf(entries);
    }

    /** The user's choices; null means "the profile decides". */
    public record Choices(Profile profile, List<CounterId> counters, List<Integer> threads, List<String> placements,
                          String topology, int topologyCpus, Pattern benchmarks) {
    }

    public static Plan build(Choices c) {
        Profile p = c.profile();
        boolean allCounters = c.counters() == null;
        List<CounterId> counters = allCounters ? List.of(CounterId.values()) : c.counters();
        List<Integer> threads = c.threads() != null ? c.threads() : p.threads(c.topologyCpus());
        List<String> placements = c.placements() != null ? c.placements() : p.placements;
        String topo = c.topology();
        boolean host = "host".equals(topo);
        List<PlanEntry> out = new ArrayList<>();
        Builder b = new Builder(p, c.benchmarks(), out);

        for (CounterId id : counters) {
            for (String placement : placements) {
                for (int t : threads) {
                    b.add("UpdateBenchmark", List.of("inc", "rssMix", "random"),
                            params("counter", id.name(), "topology", topo, "placement", placement), t, null, false);
                }
            }
        }
        for (CounterId id : counters) {
            for (String placement : placements) {
                java.util.TreeSet<Integer> writers = new java.util.TreeSet<>();
                for (int t : threads) {
                    writers.add(Math.max(1, t - 1));
                }
                for (int w : writers) {
                    b.add("ReaderWriterBenchmark", List.of("approximate", "precise"),
                            params("counter", id.name(), "topology", topo, "placement", placement), w + 1, new int[] {1, w}, false);
                }
            }
        }
        for (CounterId id : counters) {
            for (String n : p.readCpus) {
                b.add("ReadBenchmark", List.of("approximate", "precise"), params("counter", id.name(), "cpus", n), 1, null, false);
            }
        }
        List<String> lifecycleTopologies = host ? p.lifecycleTopologies : List.of(topo);
        for (CounterId id : counters) {
            for (String t : lifecycleTopologies) {
                b.add("LifecycleBenchmark", List.of("createAddReadDrop"), params("counter", id.name(), "topology", t), 1, null, true);
            }
        }
        List<CounterId> selection = allCounters ? SELECTION_DEFAULT : counters;
        List<String> selectionTopologies = !host ? List.of(topo) : p.ordinal() <= Profile.QUICK.ordinal() ? List.of("host") : List.of("host", "synthetic-256");
        for (CounterId id : selection) {
            for (String t : selectionTopologies) {
                for (String k : List.of("40", "10000")) {
                    b.add("SelectionBenchmark", List.of("approximateWithFallback", "alwaysPrecise"),
                            params("counter", id.name(), "topology", t, "processes", k), 1, null, false);
                }
            }
        }
        return new Plan(p, topo, c.topologyCpus(), out);
    }

    /** A plan of hand-made entries (tests, and callers that build their own matrix). */
    static Plan of(Profile profile, String topology, int cpus, List<PlanEntry> entries) {
        return new Plan(profile, topology, cpus, entries);
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Adds entries, keeping only the methods the user's --benchmarks regex selects. */
    private static final class Builder {
        private final Profile profile;
        private final Pattern filter;
        private final List<PlanEntry> out;

        Builder(Profile profile, Pattern filter, List<PlanEntry> out) {
            this.profile = profile;
            this.filter = filter;
            this.out = out;
        }

        void add(String benchmark, List<String> methods, Map<String, String> params, int threads, int[] groups, boolean gc) {
            List<String> kept = methods.stream()
                    .filter(m -> filter == null || filter.matcher(benchmark + "." + m).find())
                    .toList();
            if (kept.isEmpty()) {
                return;
            }
            double perFork = FORK_OVERHEAD_SECONDS + profile.iterationSeconds() + setupSeconds(benchmark, params);
            double estimate = kept.size() * profile.forks * perFork;
            out.add(new PlanEntry(out.size(), benchmark, kept, params, threads, groups, gc, estimate));
        }

        private static double setupSeconds(String benchmark, Map<String, String> params) {
            if (benchmark.equals("SelectionBenchmark") && "10000".equals(params.get("processes"))) {
                return params.get("topology").equals("host") ? 0.3 : 3.0;
            }
            return 0;
        }
    }

    public Profile profile() {
        return profile;
    }

    public List<PlanEntry> entries() {
        return entries;
    }

    public String topology() {
        return topology;
    }

    public int topologyCpus() {
        return cpus;
    }

    public double estimateSeconds() {
        return entries.stream().mapToDouble(PlanEntry::estimateSeconds).sum();
    }

    /** Number of JMH forks (JVMs) the plan starts. */
    public int forks() {
        return entries.stream().mapToInt(e -> e.methods().size() * profile.forks).sum();
    }
}
