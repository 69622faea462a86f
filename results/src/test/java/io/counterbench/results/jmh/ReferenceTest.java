package io.counterbench.results.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counter parameters are ids ("tree-topo") since the benchmarks take them as strings, and enum
 * constant names ("TREE_TOPO") in older jmh.json files such as the published set: both name the
 * same counter, and a run that mixes them still finds LongAdder's row.
 */
class ReferenceTest {

    private static JmhResult row(String counter, String cpu, double score) {
        Metric m = new Metric(score, Double.NaN, "ops/us", List.of(new double[] {score}, new double[] {score}), 0);
        return new JmhResult(
                "io.counterbench.bench.UpdateBenchmark.inc",
                Mode.THROUGHPUT,
                1,
                2,
                new int[0],
                new java.util.TreeMap<>(Map.of("counter", counter, "cpu", cpu)),
                m,
                Map.of());
    }

    @Test
    void constantNamesAndIdsNameTheSameCounter() {
        assertTrue(JmhResult.sameCounter("TREE_TOPO", "tree-topo"));
        assertTrue(JmhResult.sameCounter("ADDER", "adder"));
        assertEquals("tree-topo", JmhResult.displayValue("counter", "TREE_TOPO"));
        assertEquals("per-thread", JmhResult.displayValue("counter", "per-thread"));
    }

    @Test
    void referenceRowIsFoundWhicheverSpellingEachRowUses() {
        JmhResult oldAdder = row("ADDER", "lookup", 400);
        JmhResult newAdder = row("adder", "handle", 200);
        JmhResult tree = row("tree-topo", "lookup", 300);
        JmhResult oldTree = row("TREE", "handle", 100);
        Reference ref = new Reference(List.of(oldAdder, newAdder, tree, oldTree), "adder");
        assertSame(oldAdder, ref.find(tree));
        assertSame(newAdder, ref.find(oldTree), "the cpu parameter must match too");
        assertEquals(0.75, ref.ratio(tree), 1e-12);
        assertEquals(0.5, ref.ratio(oldTree), 1e-12);
    }
}
