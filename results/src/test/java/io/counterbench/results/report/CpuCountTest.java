package io.counterbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Mode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A row's CPU count comes from its parameters. Presets are looked up in the topology module, so
 * a name that does not end in its PU count (epyc-9654-2s: 384 PUs) is not left out of the
 * accuracy view and the selection chart, and "-2s" is never read as 2 CPUs.
 */
class CpuCountTest {

    private static JmhResult row(Map<String, String> params) {
        Metric m = new Metric(1.0, Double.NaN, "us/op", List.of(new double[] {1.0}), 0);
        return new JmhResult(
                "io.counterbench.bench.SelectionBenchmark.alwaysPrecise",
                Mode.AVERAGE_TIME,
                1,
                1,
                new int[0],
                new TreeMap<>(params),
                m,
                Map.of());
    }

    @Test
    void presetsGiveTheirDeclaredPuCount() {
        assertEquals(384, CpuCount.of(null, row(Map.of("topology", "epyc-9654-2s"))));
        assertEquals(256, CpuCount.of(null, row(Map.of("topology", "synthetic-256"))));
        assertEquals(250, CpuCount.of(null, row(Map.of("topology", "rss-250"))));
    }

    @Test
    void cpusParameterAndSyntheticStrings() {
        assertEquals(4096, CpuCount.of(null, row(Map.of("cpus", "4096", "topology", "host"))));
        assertEquals(96, CpuCount.of(null, row(Map.of("topology", "pack:2 core:24 pu:2"))));
    }

    @Test
    void unknownTopologiesAreUnknown() {
        assertEquals(-1, CpuCount.of(null, row(Map.of("topology", "no-such-box-2s"))));
        assertEquals(-1, CpuCount.of(null, row(Map.of("topology", "/tmp/machine.xml"))));
        assertEquals(-1, CpuCount.of(null, row(Map.of())));
    }
}
