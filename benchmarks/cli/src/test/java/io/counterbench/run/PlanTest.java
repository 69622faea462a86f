package io.counterbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import io.counterbench.sim.Progress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static Plan plan(Profile p, int cpus, String topology, Pattern filter) {
        return Plan.build(new Plan.Choices(p, null, null, null, topology, cpus, filter));
    }

    @Test
    void quickProfileOnTwoCpusCoversEveryBenchmarkAndCounter() {
        Plan plan = plan(Profile.QUICK, 2, "host", null);
        Map<String, Long> per = plan.entries().stream().collect(Collectors.groupingBy(PlanEntry::benchmark, Collectors.counting()));
        int ids = CounterId.values().length;
        assertEquals(ids * 2L, per.get("UpdateBenchmark"), "every counter x threads 1 and 2");
        assertEquals(ids * 1L, per.get("ReaderWriterBenchmark"), "one reader + one writer");
        assertEquals(ids * 2L, per.get("ReadBenchmark"), "every counter x 2 CPU counts");
        assertEquals(ids * 2L, per.get("LifecycleBenchmark"), "host and N = 256");
        assertEquals(3 * 2L, per.get("SelectionBenchmark"), "tree, flat, adder x K = 40, 10000");
        Set<String> labels = new HashSet<>();
        plan.entries().forEach(e -> assertTrue(labels.add(e.label()), "duplicate entry " + e.label()));
        assertTrue(plan.estimateSeconds() < 300, "quick fits in 5 minutes: " + plan.estimateSeconds());
        assertTrue(plan.estimateSeconds() > 60, "estimate counts every fork: " + plan.estimateSeconds());
    }

    @Test
    void estimateAddsForkOverheadAndIterationsPerMethod() {
        Plan plan = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark\\.inc$"));
        PlanEntry e = plan.entries().get(0);
        assertEquals(List.of("inc"), e.methods());
        double perFork = Plan.FORK_OVERHEAD_SECONDS + Profile.QUICK.iterationSeconds();
        assertEquals(perFork, e.estimateSeconds(), 1e-9);
        assertEquals(plan.entries().size(), plan.forks());
    }

    @Test
    void fullProfileForA384CpuBoxSweepsThreadsUpTo384() {
        Plan plan = plan(Profile.FULL, 384, "epyc-9654-2s", Pattern.compile("UpdateBenchmark"));
        List<Integer> threads = plan.entries().stream().map(PlanEntry::threads).distinct().sorted().toList();
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 384), threads);
        assertTrue(plan.entries().stream().allMatch(e -> "epyc-9654-2s".equals(e.params().get("topology"))));
        assertEquals(3, plan.profile().forks);
        assertTrue(plan.estimateSeconds() > 3600, "hours for a many-core box");
    }

    @Test
    void filterKeepsOnlyMatchingMethods() {
        Plan plan = plan(Profile.QUICK, 2, "host", Pattern.compile("ReadBenchmark\\.approximate"));
        assertTrue(plan.entries().stream().allMatch(e -> e.benchmark().equals("ReadBenchmark") && e.methods().equals(List.of("approximate"))));
        assertTrue(plan(Profile.QUICK, 2, "host", Pattern.compile("NoSuchBenchmark")).entries().isEmpty());
    }

    @Test
    void includeRegexSelectsExactlyTheMethods() {
        PlanEntry e = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark")).entries().get(0);
        Pattern p = Pattern.compile(e.includeRegex());
        assertTrue(p.matcher("io.counterbench.bench.UpdateBenchmark.inc").find());
        assertTrue(p.matcher("io.counterbench.bench.UpdateBenchmark.rssMix").find());
        assertTrue(!p.matcher("io.counterbench.bench.UpdateBenchmark.incX").find());
        assertTrue(!p.matcher("io.counterbench.bench.ReaderWriterBenchmark.approximate").find());
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
        PlanEntry e = plan(Profile.QUICK, 2, "host", Pattern.compile("UpdateBenchmark")).entries().get(1);
        String init = RunExecutor.asyncInit("async:libPath=/x/lib.so;output=flamegraph;dir=/r/profiles;event=cpu", e);
        assertEquals("libPath=/x/lib.so;output=flamegraph;dir=/r/profiles/002-t2;event=cpu", init);
    }
}
