package io.counterbench.cli.ab;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The flags of every JVM ab starts, the same for both versions: the flags this CLI was started
 * with (run-bench.sh's: native access, Unsafe, the parallel GC, attach) that change how the
 * benchmarks run, and JMH's own -Djmh.* settings; nothing of counterbench's own (-Dcounterbench.*).
 */
final class AbJvm {
    private static final List<String> KEPT = List.of(
            "--enable-native-access",
            "--sun-misc-unsafe-memory-access",
            "-XX:",
            "-Djdk.attach.",
            "-Djmh.",
            "-Xmx",
            "-Xms",
            "-Xss");

    private AbJvm() {}

    static List<String> flags() {
        List<String> out = new java.util.ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> KEPT.stream().anyMatch(a::startsWith))
                .filter(a -> !a.startsWith("-XX:+HeapDumpOnOutOfMemoryError") && !a.startsWith("-XX:HeapDumpPath"))
                .distinct()
                .toList());
        // JMH's lock switch may also arrive as a system property set after start (tests, Maven -D)
        String lock = System.getProperty("jmh.ignoreLock");
        if (lock != null && out.stream().noneMatch(a -> a.startsWith("-Djmh.ignoreLock"))) {
            out.add("-Djmh.ignoreLock=" + lock);
        }
        return List.copyOf(out);
    }
}
