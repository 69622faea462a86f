package io.counterbench.results.forensics;

import io.counterbench.inputs.InputFile;
import io.counterbench.results.jmh.ForkScore;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One fork of a stability-profile row: its score beside its candidate causes, from the
 * forensics.* secondary metrics JMH kept fork by fork in jmh.json and the fork's JIT log
 * (forensics/jit-pidPID.log of the run folder).
 *
 * @param fork 1-based, in JMH's order
 * @param best the fork's best measured iteration (as ab scores forks); {@code mean} its mean
 * @param gc collections during the measured iterations; {@code jitMillis} JIT compile time during them
 * @param addresses hot objects' addresses modulo 4096 after the last iteration, by name
 * @param moved names whose address changed between iterations (a collection moved the object)
 * @param jit what the JIT did to the measured stub, or null when the fork's log is missing or unreadable
 * @param jitProblem why jit is null ("" when it is not)
 */
public record ForkForensics(
        int fork,
        double best,
        double mean,
        long pid,
        double gc,
        double jitMillis,
        SortedMap<String, Long> addresses,
        SortedSet<String> moved,
        JitLog jit,
        String jitProblem) {
    /** Prefix of the metrics the fork's profiler reports (io.counterbench.bench.ForensicsProfiler). */
    public static final String PREFIX = "forensics.";

    static final String ADDR = PREFIX + "addr.";
    /** A JIT log larger than this is not read (a stability fork's is about 170 KB). */
    static final long MAX_LOG_BYTES = 64L << 20;

    public ForkForensics {
        addresses = Collections.unmodifiableSortedMap(new TreeMap<>(addresses));
        moved = Collections.unmodifiableSortedSet(new TreeSet<>(moved));
    }

    /** True when the row was measured by the stability profile (its forks carry forensics). */
    public static boolean has(JmhResult r) {
        return r.secondary(PREFIX + "pid") != null;
    }

    /** The row's forks; {@code folder} holds the JIT logs (null: none are read). */
    public static List<ForkForensics> of(JmhResult r, Path folder) {
        List<double[]> scores = r.primary().forks();
        boolean higher = r.mode().higherIsBetter();
        List<ForkForensics> out = new ArrayList<>();
        for (int f = 0; f < scores.size(); f++) {
            long pid = (long) last(r, PREFIX + "pid", f);
            SortedMap<String, Long> addresses = new TreeMap<>();
            SortedSet<String> moved = new TreeSet<>();
            for (Map.Entry<String, Metric> e : r.secondary().entrySet()) {
                if (!e.getKey().startsWith(ADDR) || f >= e.getValue().forks().size()) {
                    continue;
                }
                double[] it = e.getValue().forks().get(f);
                String name = e.getKey().substring(ADDR.length());
                if (it.length > 0) {
                    addresses.put(name, (long) it[it.length - 1]);
                    if (java.util.Arrays.stream(it).distinct().count() > 1) {
                        moved.add(name);
                    }
                }
            }
            JitLog jit = null;
            String problem = "";
            if (folder != null && pid > 0) {
                Path log = folder.resolve("jit-pid" + pid + ".log");
                if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
                    problem = "no " + log.getFileName();
                } else {
                    try {
                        String text = new String(InputFile.read(log, "JIT log", MAX_LOG_BYTES), StandardCharsets.UTF_8);
                        jit = JitLog.of(text, r.benchmark());
                    } catch (RuntimeException e) {
                        problem = e.getMessage();
                    }
                }
            }
            out.add(new ForkForensics(
                    f + 1,
                    ForkScore.BEST.of(scores.get(f), higher),
                    ForkScore.MEAN.of(scores.get(f), higher),
                    pid,
                    sum(r, PREFIX + "gc", f),
                    sum(r, PREFIX + "jit.ms", f),
                    addresses,
                    moved,
                    jit,
                    problem));
        }
        return out;
    }

    private static double last(JmhResult r, String name, int fork) {
        Metric m = r.secondary(name);
        if (m == null || fork >= m.forks().size() || m.forks().get(fork).length == 0) {
            return -1;
        }
        double[] it = m.forks().get(fork);
        return it[it.length - 1];
    }

    private static double sum(JmhResult r, String name, int fork) {
        Metric m = r.secondary(name);
        if (m == null || fork >= m.forks().size()) {
            return Double.NaN;
        }
        return java.util.Arrays.stream(m.forks().get(fork)).sum();
    }
}
