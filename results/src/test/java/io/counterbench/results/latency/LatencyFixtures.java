package io.counterbench.results.latency;

import io.counterbench.results.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Latency runs built in code: a 2-socket box of 2 LLCs x 2 cores per socket, and the file they make. */
public final class LatencyFixtures {
    private LatencyFixtures() {}

    /**
     * 8 CPUs: socket = cpu / 4, LLC = cpu / 2. Round trips grow with distance (same LLC 50 ns,
     * other LLC 120 ns, other socket 300 ns) plus a small per-sample wobble, so every statistic
     * has a value a test can compute from the samples.
     */
    public static LatencyRun eightCpus(int samples) {
        int[] cpus = {0, 1, 2, 3, 4, 5, 6, 7};
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                String cls = a / 4 != b / 4 ? "remote" : a / 2 != b / 2 ? "same-node" : "same-llc";
                double base = cls.equals("remote") ? 300 : cls.equals("same-node") ? 120 : 50;
                double[] cas = new double[samples];
                double[] sl = new double[samples];
                for (int s = 0; s < samples; s++) {
                    cas[s] = base + a + 0.5 * s;
                    sl[s] = 1.5 * base + b + 0.25 * s;
                }
                pairs.add(new Pair(a, b, cls, cas, sl));
            }
        }
        return new LatencyRun(
                "box",
                "Test CPU 8-Core",
                "pack:2 l3:2 core:2",
                "synthetic pack:2 l3:2 core:2",
                cpus,
                new LatencyRun.Settings(samples, 1000, 1000, 28, false, 1),
                pairs,
                "2026-01-01T00:00:00Z",
                1.5);
    }

    public static Path write(Path dir, LatencyRun run) {
        Path f = dir.resolve(LatencyJson.FILE);
        Json.write(f, LatencyJson.of(run));
        return f;
    }
}
