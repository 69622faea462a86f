package io.counterbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The stability experiment's per-iteration record (run --profile stability), as secondary metrics
 * so that JMH's JSON keeps them fork by fork beside the score: the fork's process id (which names
 * its JIT log, forensics/jit-PID.log), the collections and JIT compile time during the iteration,
 * and the address modulo 4096 of every object {@link Forensics} was given (forensics.addr.NAME).
 */
public final class ForensicsProfiler implements InternalProfiler {
    /** Prefix of every metric this profiler reports. */
    public static final String PREFIX = "forensics.";

    private long gcBefore;
    private long jitBefore;

    @Override
    public String getDescription() {
        return "counterbench stability forensics: hot objects' addresses mod 4096, GCs, JIT time, the fork's pid";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        gcBefore = collections();
        jitBefore = jitMillis();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult(PREFIX + "pid", ProcessHandle.current().pid(), "pid", AggregationPolicy.MAX));
        out.add(new ScalarResult(PREFIX + "gc", collections() - gcBefore, "count", AggregationPolicy.SUM));
        out.add(new ScalarResult(PREFIX + "jit.ms", jitMillis() - jitBefore, "ms", AggregationPolicy.SUM));
        for (Map.Entry<String, Long> e : Forensics.addresses().entrySet()) {
            out.add(new ScalarResult(
                    PREFIX + "addr." + e.getKey(),
                    Math.floorMod(e.getValue(), 4096L),
                    "mod 4096",
                    AggregationPolicy.MAX));
        }
        return out;
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
