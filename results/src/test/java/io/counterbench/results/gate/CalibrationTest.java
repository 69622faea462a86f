package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calibration tables from two recorded ab runs: ab/aa (A/A, 4 rows) and ab/slow5 (the knob at
 * 5% on per-node's current forks, adder untouched). The injected level is read back from
 * pairs.json, so a table that mixed up which row was slowed, or counted an untouched row as a
 * detection, fails here.
 */
class CalibrationTest {
    @Test
    void theKnobIsReadFromTheCurrentSidesFlags() {
        assertEquals(
                Map.of("per-node", 5.0, "tree", 2.5),
                Calibration.knob(List.of("-Xmx1g", "-Dcounterbench.slowdown=per-node:5,tree:2.5")));
        assertEquals(
                Map.of(),
                Calibration.knob(List.of("-Dcounterbench.slowdown=")),
                "the empty knob of a baseline side is no slowdown");
    }

    @Test
    void recordedRunsMakeTheTable() {
        List<Calibration.Observation> obs = Calibration.observe(
                List.of(Fixtures.resource("ab/aa"), Fixtures.resource("ab/slow5")), GateOptions.paired());
        List<Calibration.Observation> slowed =
                obs.stream().filter(o -> o.injected() > 0).toList();
        assertEquals(1, slowed.size(), obs.toString());
        assertEquals("per-node", slowed.getFirst().counter());
        assertEquals(5.0, slowed.getFirst().injected());
        assertEquals(Verdict.REGRESSION, slowed.getFirst().verdict(), "slow5's per-node row is flagged");
        assertTrue(slowed.getFirst().estimate() > 0.03, slowed.getFirst().toString());
        assertTrue(
                obs.stream().filter(o -> o.injected() == 0).noneMatch(o -> o.verdict() == Verdict.REGRESSION),
                obs.toString());
        assertEquals(4, obs.stream().filter(o -> o.run().equals("aa")).count(), "ab/aa gates 4 rows");

        String md = Calibration.markdown(obs, GateOptions.paired(), "./run-bench.sh ab --calibrate");
        assertTrue(md.contains("1 A/A runs, 1 runs with the knob set"), md);
        assertTrue(md.contains("| none: pure A/A runs, all rows | 4 (1 runs) | 0 of 4 (95% CI 0-60%) |"), md);
        assertTrue(md.contains("| none: untouched rows of the knob runs | 1 (1 runs) | 0 of 1 (95% CI 0-98%) |"), md);
        assertTrue(md.contains("| 5% (knob) on one counter, 1 thread | 1 (1 runs) | 1 of 1 (95% CI 3-100%) |"), md);
        assertTrue(md.contains("Runs with any untouched row flagged: 0 of 2."), md);
        assertTrue(
                md.contains(
                        "Pure A/A runs inconclusive (some row neither flagged nor cleared): 1 of 1 (95% CI 3-100%)."),
                md);
        assertEquals(
                4,
                md.lines().filter(l -> l.startsWith("| UpdateBenchmark.inc")).count(),
                "one MDE line per A/A row:\n" + md);
        assertTrue(md.contains("Produced by `./run-bench.sh ab --calibrate`."), md);
    }

    @Test
    void eachLevelIsListedByCounterWithEveryRunsEstimateAndTheRunTimes() {
        List<Calibration.Observation> obs =
                Calibration.observe(List.of(Fixtures.resource("ab/knob-duet")), GateOptions.paired());
        String md = Calibration.markdown(obs, GateOptions.paired(), null);
        assertTrue(md.contains("| 2% | adder | 1 | 1 | 0 | +1."), md);
        assertTrue(
                md.lines().anyMatch(l -> l.startsWith("| 5% | flat | 1 | 1 | 1 | +5.") && l.endsWith("(flagged) |")),
                md);
        // run.json: started 07:05:09.1, finished 07:06:22.9
        assertTrue(md.contains("Each ab run took 1m14s (median of 1 runs; shortest 1m14s, longest 1m14s)."), md);
        assertEquals(73.8, obs.getFirst().runSeconds(), 0.1);
    }
}
