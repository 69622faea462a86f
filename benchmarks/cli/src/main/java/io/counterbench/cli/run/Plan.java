package io.counterbench.cli.run;

import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a run will measure: JMH's benchmark list ({@link BenchmarkCatalog}) crossed with each
 * benchmark's @Param values, as the profile's slices and the user's choices narrow them, by thread
 * count, as a list of JMH invocations with a time estimate.
 *
 * <p>Values come from, first to last: the user's options (--counters, --cpu, --placement,
 * --topology), the slice, the profile, the benchmark's own @Param list. Two rules keep rows
 * meaningful: on a virtual topology writers add on the virtual CPU they are given, so cpu is
 * "known" there; with placement "none" no CPU is known, so cpu=known rows are left out.
 */
public final class Plan {
    /** The benchmarks' package. */
    public static final String PACKAGE = "io.counterbench.bench";
    /**
     * Seconds a JMH fork costs besides its iterations (JVM start, JMH's handshake, setup, teardown),
     * measured on the 2-core development VM with nothing else running: the quick profile's 144
     * forks took 207 s, 1.44 s each with 1.0 s of iterations. A busy machine pays up to 1 s; the
     * progress ETA corrects for that as the run goes. An ab fork pays it twice (see AbRows).
     */
    public static final double FORK_OVERHEAD_SECONDS = 0.45;
    /**
     * Setup seconds per counter-CPU of a benchmark that builds many counters (processes x CPUs):
     * 10000 tree counters for 384 CPUs took about 0.6 s more per fork than an update fork.
     */
    static final double SETUP_SECONDS_PER_COUNTER_CPU = 2e-7;

    private final Profile profile;
    private final int forks;
    private final List<PlanEntry> entries;
    private final String topology;
    private final int cpus;

    private Plan(Profile profile, int forks, String topology, int cpus, List<PlanEntry> entries) {
        this.profile = profile;
        this.forks = forks;
        this.topology = topology;
        this.cpus = cpus;
        this.entries = List.copyOf(entries);
    }

    /**
     * The user's choices, made with {@link #builder}; null (0 for forks) means "the profile decides".
     * Counter ids as users type them. {@code alsoCounters}: ids measured wherever a benchmark measures
     * counters, next to the ones the profile picks (a --counter-jar's counters when --counters is not
     * given); empty when none.
     */
    public record Choices(
            Profile profile,
            List<String> counters,
            List<Integer> threads,
            List<String> placements,
            String topology,
            int topologyCpus,
            Pattern benchmarks,
            List<String> cpuModes,
            int forks,
            List<String> alsoCounters) {
        public Choices {
            alsoCounters = alsoCounters == null ? List.of() : List.copyOf(alsoCounters);
        }

        /** Choices of the profile alone on a host of {@code cpus} CPUs; the builder's methods narrow them. */
        public static Builder builder(Profile profile, String topology, int cpus) {
            return new Builder(profile, topology, cpus);
        }

        /** Builds {@link Choices}: each method sets one choice (null leaves it to the profile). */
        public static final class Builder {
            private final Profile profile;
            private final String topology;
            private final int cpus;
            private List<String> counters;
            private List<Integer> threads;
            private List<String> placements;
            private Pattern benchmarks;
            private List<String> cpuModes;
            private int forks;
            private List<String> alsoCounters = List.of();

            private Builder(Profile profile, String topology, int cpus) {
                this.profile = profile;
                this.topology = topology;
                this.cpus = cpus;
            }

            public Builder counters(List<String> ids) {
                counters = ids;
                return this;
            }

            public Builder threads(List<Integer> counts) {
                threads = counts;
                return this;
            }

            public Builder placements(List<String> policies) {
                placements = policies;
                return this;
            }

            public Builder benchmarks(Pattern filter) {
                benchmarks = filter;
                return this;
            }

            public Builder cpuModes(List<String> modes) {
                cpuModes = modes;
                return this;
            }

            /** Forks per row; 0: the profile's. */
            public Builder forks(int n) {
                forks = n;
                return this;
            }

            public Builder alsoCounters(List<String> ids) {
                alsoCounters = ids;
                return this;
            }

            public Choices build() {
                return new Choices(
                        profile,
                        counters,
                        threads,
                        placements,
                        topology,
                        cpus,
                        benchmarks,
                        cpuModes,
                        forks,
                        alsoCounters);
            }

            /** The plan of these choices. */
            public Plan plan() {
                return Plan.build(build());
            }
        }
    }

    public static Plan build(Choices c) {
        return build(c, BenchmarkCatalog.load());
    }

    static Plan build(Choices c, BenchmarkCatalog catalog) {
        Profile p = c.profile();
        int forks = c.forks() > 0 ? c.forks() : p.forks;
        String topo = c.topology() == null ? "host" : c.topology();
        boolean host = "host".equals(topo);
        List<Integer> runThreads = c.threads() != null ? c.threads() : p.threads(c.topologyCpus());
        Map<String, List<String>> user = new LinkedHashMap<>();
        if (c.counters() != null) {
            user.put("counter", c.counters());
        }
        if (c.placements() != null) {
            user.put("placement", c.placements());
        }
        if (c.cpuModes() != null) {
            user.put("cpu", c.cpuModes());
        }
        if (!host) {
            user.put("topology", List.of(topo));
        }
        // rows in catalog order; rows with the same class, parameters and threads share one JMH invocation
        Map<Key, List<String>> rows = new LinkedHashMap<>();
        for (BenchmarkCatalog.Method m : catalog.methods()) {
            if (c.benchmarks() != null
                    && !c.benchmarks().matcher(m.qualifiedName()).find()) {
                continue;
            }
            List<Slice> matching =
                    p.slices.stream().filter(s -> s.matches(m.qualifiedName())).toList();
            if (matching.stream().anyMatch(Slice::skip) && c.benchmarks() == null) {
                continue; // not in this profile, unless the user's --benchmarks asked for it
            }
            matching = matching.stream().filter(s -> !s.skip()).toList();
            if (matching.isEmpty()) {
                matching = List.of(Slice.of(".*"));
            }
            for (Slice s : matching) {
                for (Map<String, String> params : crossProduct(m, s, p, user, host, c.alsoCounters())) {
                    for (int[] layout :
                            layouts(m, c.threads() != null ? runThreads : s.threads(runThreads, c.topologyCpus()))) {
                        rows.computeIfAbsent(
                                        new Key(m.className(), params, layout, m.isGroup(), m.allocation()),
                                        k -> new ArrayList<>())
                                .add(m.name());
                    }
                }
            }
        }
        List<PlanEntry> out = new ArrayList<>();
        for (Map.Entry<Key, List<String>> e : rows.entrySet()) {
            Key k = e.getKey();
            List<String> methods = List.copyOf(new LinkedHashSet<>(e.getValue()));
            int threads = k.group ? java.util.Arrays.stream(k.layout).sum() : k.layout[0];
            double perFork = FORK_OVERHEAD_SECONDS + p.iterationSeconds() + setupSeconds(k.params);
            out.add(new PlanEntry(
                    out.size(),
                    k.className,
                    methods,
                    k.params,
                    threads,
                    k.group ? k.layout : null,
                    k.allocation,
                    methods.size() * forks * perFork));
        }
        return new Plan(p, forks, topo, c.topologyCpus(), out);
    }

    /** One row key: equal keys run in one JMH invocation. */
    private record Key(String className, Map<String, String> params, int[] layout, boolean group, boolean allocation) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && className.equals(k.className)
                    && params.equals(k.params)
                    && java.util.Arrays.equals(layout, k.layout)
                    && group == k.group
                    && allocation == k.allocation;
        }

        @Override
        public int hashCode() {
            return Objects.hash(className, params, java.util.Arrays.hashCode(layout), group, allocation);
        }
    }

    /**
     * Every combination of the method's parameter values (each from the first source that names it), minus meaningless
     * ones.
     */
    private static List<Map<String, String>> crossProduct(
            BenchmarkCatalog.Method m,
            Slice s,
            Profile p,
            Map<String, List<String>> user,
            boolean host,
            List<String> alsoCounters) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> param : m.params().entrySet()) {
            String name = param.getKey();
            List<String> values = user.getOrDefault(
                    name, s.params().getOrDefault(name, p.params.getOrDefault(name, param.getValue())));
            if (name.equals("cpu") && !host) {
                values = List.of("known");
            }
            if (name.equals("counter") && !alsoCounters.isEmpty()) {
                values = List.copyOf(
                        new LinkedHashSet<>(java.util.stream.Stream.concat(values.stream(), alsoCounters.stream())
                                .toList()));
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> more = new LinkedHashMap<>(partial);
                    more.put(name, v);
                    next.add(more);
                }
            }
            out = next;
        }
        Set<Map<String, String>> unique = new LinkedHashSet<>();
        for (Map<String, String> params : out) {
            if ("none".equals(params.get("placement")) && "known".equals(params.get("cpu"))) {
                continue;
            }
            unique.add(params);
        }
        return List.copyOf(unique);
    }

    /**
     * Thread layouts: the method's own @Threads, else one per run thread count; a group's remainder member takes the
     * rest.
     */
    private static List<int[]> layouts(BenchmarkCatalog.Method m, List<Integer> runThreads) {
        List<Integer> counts = m.fixedThreads() > 0 ? List.of(m.fixedThreads()) : runThreads;
        List<int[]> out = new ArrayList<>();
        Set<List<Integer>> seen = new LinkedHashSet<>();
        for (int t : counts) {
            int[] layout;
            if (m.isGroup()) {
                layout = m.groupThreads().clone();
                if (m.remainder() >= 0) {
                    int others = java.util.Arrays.stream(layout).sum() - layout[m.remainder()];
                    layout[m.remainder()] = Math.max(1, t - others);
                }
            } else {
                layout = new int[] {t};
            }
            if (seen.add(java.util.Arrays.stream(layout).boxed().toList())) {
                out.add(layout);
            }
        }
        return out;
    }

    /** Setup of benchmarks that build many counters ("processes" of them, for a topology): seconds per fork. */
    private static double setupSeconds(Map<String, String> params) {
        String processes = params.get("processes");
        String topology = params.get("topology");
        if (processes == null || topology == null || !processes.matches("\\d+")) {
            return 0;
        }
        int cpus;
        try {
            cpus = "host".equals(topology)
                    ? Runtime.getRuntime().availableProcessors()
                    : TopologySources.load(topology).cpuIdLimit();
        } catch (RuntimeException e) {
            return 0;
        }
        return Long.parseLong(processes) * cpus * SETUP_SECONDS_PER_COUNTER_CPU;
    }

    /** A plan of hand-made entries (tests, and callers that build their own matrix). */
    static Plan of(Profile profile, String topology, int cpus, List<PlanEntry> entries) {
        return new Plan(profile, profile.forks, topology, cpus, entries);
    }

    public Profile profile() {
        return profile;
    }

    /** JVM forks per benchmark method and parameter set: the profile's, or the user's --forks. */
    public int forksPerRow() {
        return forks;
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
        return entries.stream().mapToInt(e -> e.methods().size() * forks).sum();
    }
}
