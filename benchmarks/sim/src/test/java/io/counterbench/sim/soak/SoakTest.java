package io.counterbench.sim.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.counters.CounterId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void everyCounterStaysExactAndWithinItsBound() throws Exception {
        StringWriter progress = new StringWriter();
        Soak.Totals t =
                new Soak(Arrays.asList(CounterId.values()), 6, 200, 3).run(1500, new PrintWriter(progress, true));
        assertEquals(0, t.violations(), String.join("\n", t.firstViolations()));
        assertTrue(t.operations() > 100_000, "writers ran: " + t.operations());
        assertTrue(t.rounds() >= 2, "paused and checked more than once: " + t.rounds());
        assertEquals(t.rounds() * CounterId.values().length * 2L, t.checks(), "every counter checked every round");
        assertTrue(progress.toString().contains("ETA"), progress.toString());
    }

    @Test
    void badSettingsAreRefused() {
        List<CounterId> ids = List.of(CounterId.TREE);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Soak(ids, 0, 100, 1))
                .getMessage()
                .contains("--threads 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Soak(ids, 2, 1, 1))
                .getMessage()
                .contains("--interval-ms 1"));
    }
}
