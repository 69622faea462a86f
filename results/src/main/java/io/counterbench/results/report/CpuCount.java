package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.RunInput;
import io.counterbench.topology.TopologySources;
import java.util.Locale;

/**
 * The CPU count a result row's counter was built for, from what the row says: a numeric "cpus"
 * parameter (ReadBenchmark), else its "topology": "host" is the run's machine (run.json), an hwloc
 * synthetic string is the product of its level counts, and a bundled preset (epyc-9654-2s,
 * synthetic-256) has the PU count its file declares. Anything else (an hwloc XML path) is unknown (-1).
 */
public final class CpuCount {
    private CpuCount() {}

    public static int of(RunInput run, JmhResult r) {
        String cpus = r.param("cpus");
        if (cpus != null && cpus.matches("\\d+")) {
            return Integer.parseInt(cpus);
        }
        String topo = r.param("topology");
        if (topo == null) {
            return -1;
        }
        if (topo.equals("host")) {
            return run.machine() == null ? -1 : run.machine().cpus();
        }
        if (topo.contains(":")) {
            long n = 1;
            for (String part : topo.trim().split("\\s+")) {
                String[] kv = part.split(":");
                if (kv.length != 2 || !kv[1].matches("\\d+")) {
                    return -1;
                }
                n *= Long.parseLong(kv[1]);
            }
            return n > Integer.MAX_VALUE ? -1 : (int) n;
        }
        String name = topo.strip().toLowerCase(Locale.ROOT);
        return TopologySources.presetNames().contains(name)
                ? TopologySources.preset(name).claimedPus()
                : -1;
    }
}
