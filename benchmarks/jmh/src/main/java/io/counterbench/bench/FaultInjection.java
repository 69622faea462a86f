package io.counterbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A switch for the reliability tests, inert unless the JVM was started with
 * {@code -Dcounterbench.fault=KIND:REGEX} (JMH forks inherit it): in the trial setup of a benchmark
 * whose name matches REGEX, {@code crash} halts the fork with exit code 134 (as a native crash
 * would) and {@code oom} allocates until the heap runs out. It lets the tests check that a failing
 * fork leaves the finished results and a run.json that says what is missing.
 */
public final class FaultInjection {
    static final String PROPERTY = "counterbench.fault";

    private FaultInjection() {
    }

    static void atSetup(String benchmark) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return;
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String regex = colon < 0 ? ".*" : spec.substring(colon + 1);
        if (!Pattern.compile(regex).matcher(benchmark).find()) {
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
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": kind must be crash or oom");
        }
    }
}
