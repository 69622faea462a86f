package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** advise from the command line: the table and its sources, and one line with exit 2 for what it cannot advise on. */
class AdviseCommandTest {

    @Test
    void withoutARunItRanksNothingOnCostAndSaysWhy() {
        Cli.Run r = run(
                "advise",
                "--topology",
                "small-8",
                "--threads",
                "4",
                "--counters",
                "flat,tree,atomic",
                "--ops",
                "20000",
                "--max-error",
                "500");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("## counterbench advise: small-8 (8 CPUs)"), out);
        assertTrue(out.contains("error limit 500 counts"), out);
        assertTrue(out.contains("**No recommendation.**"), out);
        assertTrue(out.contains("no run given"), out);
        assertTrue(out.contains("JOL, one counter built for this topology"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| 1 ") || l.startsWith("| 1    ")), out);
    }

    @Test
    void aLimitNoCounterMeetsIsOneLineNamingTheClosestCounter() {
        Cli.Run r = run(
                "advise",
                "--topology",
                "epyc-9654-2s",
                "--threads",
                "1",
                "--pattern",
                "hop",
                "--counters",
                "flat,tree",
                "--ops",
                "20000",
                "--max-error",
                "64MB");
        assertEquals(2, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("the closest is tree") && r.err().contains("it would take batch"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void zeroUpdatesAndUnknownTopologiesAreRefused() {
        Cli.Run zero = run("advise", "--topology", "small-2", "--updates-per-read", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("zero updates"), zero.err());
        Cli.Run unknown = run("advise", "--topology", "no-such-machine");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        Cli.Run fraction = run("advise", "--topology", "small-2", "--max-error", "1%");
        assertEquals(2, fraction.code());
        assertTrue(fraction.err().contains("--value"), fraction.err());
        assertFalse(run("advise", "--help").out().isEmpty());
    }
}
