package io.counterbench.cli.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rotation of knob levels over counters: every knob run injects every level once, and each counter meets every level. */
class CalibrationRunnerTest {
    @Test
    void levelsRotateOverTheCounters() {
        List<String> counters = List.of("tree", "flat", "per-thread", "adder");
        List<Double> levels = List.of(2.0, 5.0, 10.0, 20.0);
        assertEquals("tree:2,flat:5,per-thread:10,adder:20", CalibrationRunner.knob(counters, levels, 0));
        assertEquals("tree:5,flat:10,per-thread:20,adder:2", CalibrationRunner.knob(counters, levels, 1));
        Map<String, Set<String>> seen = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            Set<String> inRun = new HashSet<>();
            for (String part : CalibrationRunner.knob(counters, levels, k).split(",")) {
                String[] cl = part.split(":");
                inRun.add(cl[1]);
                seen.computeIfAbsent(cl[0], c -> new HashSet<>()).add(cl[1]);
            }
            assertEquals(Set.of("2", "5", "10", "20"), inRun, "run " + k + " injects every level once");
        }
        counters.forEach(
                c -> assertEquals(Set.of("2", "5", "10", "20"), seen.get(c), c + " meets every level in 4 runs"));
        assertEquals(
                "tree:2.5,flat:20",
                CalibrationRunner.knob(List.of("tree", "flat"), List.of(2.5, 20.0), 0),
                "fractional levels kept");
    }
}
