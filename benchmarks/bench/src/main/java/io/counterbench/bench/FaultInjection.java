package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterType;
import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A switch for the reliability tests, inert unless the JVM was started with
 * {@code -Dcounterbench.fault=KIND:REGEX} (JMH forks inherit it). In a benchmark whose name
 * matches REGEX: {@code crash} halts the fork in its trial setup with exit code 134 (as a native
 * crash would), {@code oom} allocates until the heap runs out, and {@code drop-flush} measures a
 * deliberately broken counter ({@link DroppingFlushCounter}) instead of the one asked for. They
 * let the tests check that a failing fork leaves the finished results and a run.json that says
 * what is missing, and that the accuracy probe reports a counter that loses updates.
 */
public final class FaultInjection {
    static final String PROPERTY = "counterbench.fault";

    private FaultInjection() {}

    static void atSetup(String benchmark) {
        String kind = matchingKind(benchmark);
        if (kind == null) {
            return;
        }
        switch (kind) {
            case "crash" -> Runtime.getRuntime().halt(134);
            case "oom" -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }
            case "drop-flush" -> {
                // handled where the counter is built: counter(...)
            }
            default ->
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                        + ": kind must be crash, oom or drop-flush");
        }
    }

    /** The counter a benchmark measures: {@code id} on {@code topology}, or the broken one under drop-flush. */
    static Counter counter(String benchmark, CounterType id, Topology topology) {
        if ("drop-flush".equals(matchingKind(benchmark))) {
            return new DroppingFlushCounter(topology.cpuIdLimit(), Math.max(32, 2L * topology.puCount()));
        }
        return id.create(topology, 0);
    }

    /** The fault kind for this benchmark, or null when none is set or its regex does not match. */
    private static String matchingKind(String benchmark) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return null;
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String regex = colon < 0 ? ".*" : spec.substring(colon + 1);
        return Pattern.compile(regex).matcher(benchmark).find() ? kind : null;
    }
}
