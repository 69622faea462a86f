package io.counterbench.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.load();

    private static Plan plan(Profile p, int cpus, String topology, Pattern filter) {
        return Plan.Choices.builder(p, topology, cpus).benchmarks(filter).plan();
    }

    private static Set<String> classes() {
        return CATALOG.methods().stream()
                .map(BenchmarkCatalog.Method::className)
                .collect(Collectors.toSet());
    }

    @Test
    void catalogIsJmhsBenchmarkList() {
        Set<String> names = CATALOG.methods().stream()
                .map(BenchmarkCatalog.Method::qualifiedName)
                .collect(Collectors.toSet());
        assertTrue(
                names.containsAll(List.of(
                        "UpdateBenchmark.inc",
                        "UpdateBenchmark.noop",
                        "ReaderWriterBenchmark.inflight",
                        "ReadBenchmark.precise",
                        "LifecycleBenchmark.createAddReadDrop",
                        "SelectionBenchmark.alwaysPrecise",
                        "CpuIdBenchmark.handle")),
                names.toString());
        BenchmarkCatalog.Method rw = find("ReaderWriterBenchmark.approximate");
        assertTrue(rw.isGroup());
        assertEquals(1, rw.groupThreads().length - 1, "one reader, writers in the remainder member");
        assertTrue(rw.remainder() >= 0, "the writers take the remaining threads");
        assertTrue(find("LifecycleBenchmark.createAddReadDrop").allocation());
        assertEquals(1, find("SelectionBenchmark.alwaysPrecise").fixedThreads());
        assertTrue(
                find("UpdateBenchmark.noop").params().isEmpty(),
                "noop uses no counter, so it has no counter parameters");
    }

    /** Every benchmark's default counter list is every built-in id, as users type them. */
    @Test
    void counterParamDefaultsAreEveryBuiltInId() {
        List<String> ids = Arrays.stream(CounterId.values()).map(CounterId::id).toList();
        List<BenchmarkCatalog.Method> withCounter = CATALOG.methods().stream()
                .filter(m -> m.params().containsKey("counter"))
                .toList();
        assertTrue(withCounter.size() >= 5, withCounter.toString());
        for (BenchmarkCatalog.Method m : withCounter) {
            assertEquals(ids, m.params().get("counter"), m.qualifiedName());
        }
    }

    /** A slice that names no benchmark, or a parameter its benchmarks lack, is a typo. */
    @Test
    void everySliceOfEveryProfileNamesRealBenchmarksAndParameters() {
        for (Profile p : Profile.values()) {
            for (Slice s : p.slices) {
                List<BenchmarkCatalog.Method> hit = CATALOG.methods().stream()
                        .filter(m -> s.matches(m.qualifiedName()))
                        .toList();
                assertFalse(hit.isEmpty(), p + ": slice " + s.pattern() + " matches no benchmark");
                for (String param : s.params().keySet()) {
                    assertTrue(
                            (param.equals(Slice.THREADS)
                                    || hit.stream().allMatch(m -> m.params().containsKey(param))),
                            p + ": slice " + s.pattern() + " names " + param);
                }
                s.params().getOrDefault("counter", List.of()).forEach(CounterId::parse);
            }
            for (String param : p.params.keySet()) {
                assertTrue(
                        CATALOG.methods().stream().anyMatch(m -> m.params().containsKey(param)), p + " names " + param);
            }
        }
    }

    /** The stability experiment: 20 forks of the suspect 1-thread rows and nothing else, each fork with forensics. */
    @Test
    void stabilityProfile() {
        Plan plan = plan(Profile.STABILITY, 2, "host", null);
        assertTrue(Profile.STABILITY.forensics());
        assertFalse(Profile.QUICK.forensics());
        assertEquals(20, plan.forksPerRow());
        assertTrue(plan.entries().stream().allMatch(e -> e.threads() == 1), "1 thread only");
        Map<String, List<PlanEntry>> per = plan.entries().stream().collect(Collectors.groupingBy(PlanEntry::benchmark));
        assertEquals(Set.of("UpdateBenchmark", "CpuIdBenchmark", "SelectionBenchmark"), per.keySet());
        Set<String> update = per.get("UpdateBenchmark").stream()
                .peek(e -> assertEquals(List.of("inc"), e.methods()))
                .map(e -> e.params().get("counter") + "/" + e.params().get("cpu"))
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (String counter : List.of("tree", "flat", "per-thread", "per-node", "adder")) {
            for (String cpu : List.of("lookup", "handle", "known")) {
                expected.add(counter + "/" + cpu);
            }
        }
        assertEquals(expected, update);
        PlanEntry selection = per.get("SelectionBenchmark").getFirst();
        assertEquals(1, per.get("SelectionBenchmark").size());
        assertEquals(Map.of("counter", "tree", "topology", "epyc-9654-2s", "processes", "10000"), selection.params());
        assertTrue(plan.estimateSeconds() < 15 * 60, "at most about 15 minutes: " + plan.estimateSeconds());
    }

    @Test
    void quickProfileOnTwoCpus() {
        Plan plan = plan(Profile.QUICK, 2, "host", null);
        Map<String, Long> per =
                plan.entries().stream().collect(Collectors.groupingBy(PlanEntry::benchmark, Collectors.counting()));
        Set<String> expected = new HashSet<>(classes());
        expected.remove("CpuIdBenchmark");
        expected.remove("LookupLadderBenchmark");
        assertEquals(
                expected, per.keySet(), "every benchmark class but the CPU-id microbenchmark and the lookup ladder");
        assertTrue(Profile.QUICK.forks >= 2, "the fork is the unit: at least two");
        List<PlanEntry> update = plan.entries().stream()
                .filter(e -> e.benchmark().equals("UpdateBenchmark"))
                .toList();
        for (String counter :
                Arrays.stream(CounterId.values()).map(CounterId::id).toList()) {
            for (int t : List.of(1, 2)) {
                assertTrue(
                        update.stream()
                                .anyMatch(e -> e.methods().contains("inc")
                                        && counter.equals(e.params().get("counter"))
                                        && "lookup".equals(e.params().get("cpu"))
                                        && e.threads() == t),
                        counter + " inc lookup at " + t);
            }
        }
        for (String cpu : List.of("handle", "known")) {
            for (String counter : List.of("tree", "flat", "adder")) {
                assertTrue(
                        update.stream()
                                .anyMatch(e -> counter.equals(e.params().get("counter"))
                                        && cpu.equals(e.params().get("cpu"))),
                        counter + " at cpu=" + cpu);
            }
        }
        assertTrue(update.stream()
                .anyMatch(e -> e.methods().equals(List.of("noop")) && e.params().isEmpty()));
        List<PlanEntry> selection = plan.entries().stream()
                .filter(e -> e.benchmark().equals("SelectionBenchmark"))
                .toList();
        assertEquals(
                Set.of("synthetic-256", "epyc-9654-2s"),
                selection.stream().map(e -> e.params().get("topology")).collect(Collectors.toSet()));
        assertTrue(selection.stream()
                .allMatch(e ->
                        e.methods().size() == 2 && "10000".equals(e.params().get("processes"))));
        PlanEntry rw = plan.entries().stream()
                .filter(e -> e.benchmark().equals("ReaderWriterBenchmark"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("approximate", "inflight", "precise"), rw.methods());
        Set<String> labels = new HashSet<>();
        plan.entries().forEach(e -> assertTrue(labels.add(e.label()), "duplicate entry " + e.label()));
        assertTrue(
                plan.estimateSeconds() < 260,
                "quick leaves room for the build within 5 minutes: " + plan.estimateSeconds());
        assertTrue(plan.estimateSeconds() > 100, "estimate counts every fork: " + plan.estimateSeconds());
    }

    @Test
    void standardRunsEveryCounterInFiveForksAndTheCpuMicrobenchmark() {
        Plan plan = plan(Profile.STANDARD, 4, "host", null);
        assertTrue(Profile.STANDARD.forks >= 5);
        // every benchmark class but the lookup ladder, a forensics tool run by hand (docs/forensics.md)
        Set<String> expected = new java.util.HashSet<>(classes());
        assertTrue(expected.remove("LookupLadderBenchmark"), expected.toString());
        assertEquals(expected, plan.entries().stream().map(PlanEntry::benchmark).collect(Collectors.toSet()));
        assertEquals(
                List.of(1, 2, 4),
                plan.entries().stream()
                        .filter(e -> e.benchmark().equals("UpdateBenchmark"))
                        .map(PlanEntry::threads)
                        .distinct()
                        .sorted()
                        .toList());
        assertTrue(plan.entries().stream()
                .anyMatch(e -> "tree-topo".equals(e.params().get("counter"))
                        && "handle".equals(e.params().get("cpu"))));
        assertTrue(
                plan.entries().stream().anyMatch(e -> "spread".equals(e.params().get("placement"))));
    }

    @Test
    void estimateAddsForkOverheadAndIterationsPerMethod() {
        Plan plan = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark\\.inc$"));
        PlanEntry e = plan.entries().get(0);
        assertEquals(List.of("inc"), e.methods());
        double perFork = Plan.FORK_OVERHEAD_SECONDS + Profile.QUICK.iterationSeconds();
        assertEquals(Profile.QUICK.forks * perFork, e.estimateSeconds(), 1e-9);
        assertEquals(plan.entries().size() * Profile.QUICK.forks, plan.forks());
    }

    @Test
    void selectionSetupGrowsWithProcessesAndCpus() {
        Plan plan = plan(Profile.QUICK, 2, "host", Pattern.compile("SelectionBenchmark"));
        double at256 = plan.entries().stream()
                .filter(e -> "synthetic-256".equals(e.params().get("topology")))
                .mapToDouble(PlanEntry::estimateSeconds)
                .max()
                .orElseThrow();
        double at384 = plan.entries().stream()
                .filter(e -> "epyc-9654-2s".equals(e.params().get("topology")))
                .mapToDouble(PlanEntry::estimateSeconds)
                .max()
                .orElseThrow();
        assertTrue(at384 > at256, at256 + " vs " + at384);
    }

    @Test
    void virtualTopologyAddsOnKnownVirtualCpusOnly() {
        Plan plan = plan(Profile.FULL, 384, "epyc-9654-2s", Pattern.compile("UpdateBenchmark|ReaderWriter"));
        List<Integer> threads = plan.entries().stream()
                .filter(e -> e.benchmark().equals("UpdateBenchmark")
                        && e.threadGroups() == null
                        && !e.params().isEmpty())
                .map(PlanEntry::threads)
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 384), threads);
        assertTrue(plan.entries().stream()
                .filter(e -> e.params().containsKey("topology"))
                .allMatch(e -> "epyc-9654-2s".equals(e.params().get("topology"))
                        && "known".equals(e.params().get("cpu"))));
        assertTrue(plan.entries().stream()
                .anyMatch(e -> e.threadGroups() != null && Arrays.equals(new int[] {1, 383}, e.threadGroups())));
        assertTrue(plan.estimateSeconds() > 3600, "hours for a many-core box");
    }

    @Test
    void placementNoneHasNoKnownCpu() {
        Plan plan = Plan.Choices.builder(Profile.QUICK, "host", 2)
                .counters(List.of("tree"))
                .threads(List.of(1))
                .placements(List.of("none", "compact"))
                .benchmarks(Pattern.compile("UpdateBenchmark\\.inc$"))
                .cpuModes(List.of("lookup", "handle", "known"))
                .plan();
        assertEquals(
                5,
                plan.entries().size(),
                plan.entries().stream().map(PlanEntry::label).toList().toString());
        assertTrue(plan.entries().stream()
                .noneMatch(e -> "none".equals(e.params().get("placement"))
                        && "known".equals(e.params().get("cpu"))));
    }

    @Test
    void userChoicesReplaceTheProfiles() {
        Plan plan = Plan.Choices.builder(Profile.QUICK, "host", 2)
                .counters(List.of("per-node"))
                .threads(List.of(2))
                .benchmarks(Pattern.compile("Update"))
                .cpuModes(List.of("known"))
                .plan();
        assertTrue(plan.entries().stream()
                .filter(e -> !e.params().isEmpty())
                .allMatch(e -> "per-node".equals(e.params().get("counter"))
                        && "known".equals(e.params().get("cpu"))
                        && e.threads() == 2));
    }

    @Test
    void forksAndBenchmarksTheProfileLeavesOutCanBeAskedFor() {
        Plan plan = Plan.Choices.builder(Profile.QUICK, "host", 2)
                .benchmarks(Pattern.compile("CpuIdBenchmark"))
                .forks(4)
                .plan();
        assertFalse(plan.entries().isEmpty(), "quick leaves the CPU-id benchmark out, but --benchmarks names it");
        assertTrue(plan.entries().stream()
                .allMatch(e -> e.threads() == 1 && e.params().isEmpty()));
        assertEquals(4, plan.forksPerRow());
        assertEquals(
                4 * plan.entries().stream().mapToInt(e -> e.methods().size()).sum(), plan.forks());
        assertTrue(plan(Profile.QUICK, 2, "host", null).entries().stream()
                .noneMatch(e -> e.benchmark().equals("CpuIdBenchmark")));
    }

    @Test
    void filterKeepsOnlyMatchingMethods() {
        Plan plan = plan(Profile.QUICK, 2, "host", Pattern.compile("ReadBenchmark\\.approximate"));
        assertTrue(plan.entries().stream()
                .allMatch(e ->
                        e.benchmark().equals("ReadBenchmark") && e.methods().equals(List.of("approximate"))));
        assertTrue(plan(Profile.QUICK, 2, "host", Pattern.compile("NoSuchBenchmark"))
                .entries()
                .isEmpty());
    }

    @Test
    void includeRegexSelectsExactlyTheMethods() {
        PlanEntry e = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark")).entries().stream()
                .filter(x -> x.methods().size() == 3)
                .findFirst()
                .orElseThrow();
        Pattern p = Pattern.compile(e.includeRegex());
        assertTrue(p.matcher("io.counterbench.bench.UpdateBenchmark.inc").find());
        assertTrue(p.matcher("io.counterbench.bench.UpdateBenchmark.rssMix").find());
        assertFalse(p.matcher("io.counterbench.bench.UpdateBenchmark.incX").find());
        assertFalse(p.matcher("io.counterbench.bench.UpdateBenchmark.noop").find());
        assertFalse(p.matcher("io.counterbench.bench.ReaderWriterBenchmark.approximate")
                .find());
    }

    @Test
    void profileThreadSweep() {
        assertEquals(List.of(1, 2), Profile.QUICK.threads(2));
        assertEquals(List.of(1, 16), Profile.QUICK.threads(16));
        assertEquals(List.of(1, 2, 4, 8, 12), Profile.STANDARD.threads(12));
        assertEquals(List.of(1), Profile.STANDARD.threads(1));
        assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
    }

    @Test
    void etaFormatting() {
        assertEquals("0m59s", Progress.format(59));
        assertEquals("4m02s", Progress.format(242));
        assertEquals("2h05m", Progress.format(7500));
    }

    @Test
    void asyncProfilerOutputGetsAFolderPerEntry() {
        PlanEntry e = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark"))
                .entries()
                .get(1);
        String init = RunExecutor.asyncInit("async:libPath=/x/lib.so;output=flamegraph;dir=/r/profiles;event=cpu", e);
        assertEquals(
                "libPath=/x/lib.so;output=flamegraph;dir=/r/profiles/002-t" + e.totalThreads() + ";event=cpu", init);
    }

    private static BenchmarkCatalog.Method find(String name) {
        return Stream.of(CATALOG.methods().toArray(BenchmarkCatalog.Method[]::new))
                .filter(m -> m.qualifiedName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
