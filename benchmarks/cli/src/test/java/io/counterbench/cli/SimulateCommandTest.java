package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.sim.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line "error: ...", exit 2, nothing on stdout, before anything runs. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private Cli.Run simulate(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "simulate";
        all[1] = "--no-progress";
        all[2] = "--out";
        all[3] = dir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    @Test
    void unknownScenario() {
        simulate("rss-9000")
                .assertOneLineError("unknown scenario 'rss-9000' (known: rss-250, hop-384, oom-select, scale, custom");
    }

    @Test
    void unknownPreset() {
        simulate("custom", "--topology", "epyc-9999").assertOneLineError("unknown topology 'epyc-9999'");
    }

    @Test
    void zeroTasks() {
        simulate("custom", "--tasks", "0").assertOneLineError("--tasks 0: a task count must be between 1 and 1048576");
        simulate("custom", "--tasks", "-3").assertOneLineError("--tasks -3:");
    }

    @Test
    void negativeRates() {
        simulate("custom", "--migrate-probability", "-0.1")
                .assertOneLineError("--migrate-probability -0.1: a probability must be between 0 and 1");
        simulate("custom", "--migrate-probability", "1.5").assertOneLineError("--migrate-probability 1.5:");
        simulate("custom", "--migrate-probability", "NaN").assertOneLineError("'NaN' is not a number");
    }

    @Test
    void negativeCounts() {
        simulate("custom", "--ops", "-5")
                .assertOneLineError("--ops -5: an operation count must be between 1 and 1000000000000");
        simulate("custom", "--ops", "0").assertOneLineError("--ops 0: an operation count must be between 1");
        simulate("custom", "--every", "-1")
                .assertOneLineError("--every -1: a migration period in operations must be at least 1");
        simulate("custom", "--pages", "-4096")
                .assertOneLineError("--pages -4096: a size in pages must be between 1 and");
        simulate("custom", "--batch", "-32")
                .assertOneLineError("--batch -32: a batch (0: each counter's default) must be at least 0");
    }

    @Test
    void unknownNames() {
        simulate("custom", "--workload", "forkbomb").assertOneLineError("unknown workload 'forkbomb'");
        simulate("custom", "--migrate", "mars").assertOneLineError("unknown migration policy 'mars'");
        simulate("custom", "--counters", "tree,nope").assertOneLineError("unknown counter id 'nope'");
    }

    @Test
    void batchTheCounterCannotTake() {
        simulate("custom", "--counters", "tree", "--batch", "100")
                .assertOneLineError("batch 100 must be a power of two (counter tree)");
    }

    @Test
    void customFlagsWithoutCustom() {
        simulate("hop-384", "--tasks", "2").assertOneLineError("apply to the custom scenario only");
    }

    @Test
    void helpListsTheScenarios() {
        Cli.Run r = Cli.run("simulate", "--help");
        assertEquals(0, r.code(), r.err());
        for (String s : Simulation.scenarioNames()) {
            assertTrue(r.out().contains(s), r.out());
        }
        assertTrue(Cli.run("--help").out().contains("simulate"));
    }
}
