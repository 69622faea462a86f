package io.counterbench.cli.ab;

import io.counterbench.cli.UsageException;
import io.counterbench.counters.CounterTypes;
import io.counterbench.results.gate.Calibration;
import io.counterbench.results.gate.GateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ab --slowdown COUNTER:PERCENT[,...]: the calibration knob as the JVM flag the benchmarks read
 * (-Dcounterbench.slowdown=..., see io.counterbench.bench.SlowdownKnob), given to the current
 * version's forks only (the baseline's get the property empty: the same code, no extra work).
 * PERCENT: the named counters' writers busy-wait for PERCENT of the time their adds took (see SlowdownKnob).
 */
final class Slowdowns {
    static final String PROPERTY = Calibration.KNOB_PROPERTY;

    private Slowdowns() {}

    static List<String> jvmArgs(List<String> specs) {
        if (specs == null || specs.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String s : specs) {
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--slowdown '" + s + "': expected COUNTER:PERCENT, e.g. tree:5");
            }
            String id = CounterTypes.parse(s.substring(0, colon).strip()).id();
            double pct = GateOptions.percentValue("--slowdown", s.substring(colon + 1));
            if (!(pct > 0 && pct <= 100)) {
                throw new UsageException("--slowdown '" + s + "': the percentage must lie in (0, 100]");
            }
            parts.add(id + ":"
                    + String.format(
                            Locale.ROOT,
                            "%s",
                            pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct)));
        }
        return List.of("-D" + PROPERTY + "=" + String.join(",", parts));
    }
}
