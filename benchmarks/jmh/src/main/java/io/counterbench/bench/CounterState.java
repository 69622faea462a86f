package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Placement;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The measured counter, shared by all benchmark threads, with the parameters that shape it:
 * counter id, topology (host, or a preset/synthetic machine the counter is built for) and thread
 * placement. With the host topology threads are pinned to real CPUs; with a virtual one they are
 * not pinned and each uses the virtual CPU the placement gives it through the explicit-placement add.
 * At the end of each iteration, with every writer stopped, it probes accuracy.
 */
@State(Scope.Benchmark)
public class CounterState {
    @Param
    public CounterId counter;

    @Param({"host"})
    public String topology;

    @Param({"compact"})
    public String placement;

    /** The counter under test. */
    public Counter c;
    Topology topo;
    boolean host;
    /** CPU of each thread index: a real CPU (pinned), a virtual one, or -1 for "the current CPU". */
    int[] cpuOfThread;
    boolean pin;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        FaultInjection.atSetup(params.getBenchmark());
        host = "host".equals(topology);
        topo = TopologySources.load(topology);
        c = counter.create(topo);
        Placement p = Placement.parse(placement);
        int threads = params.getThreads();
        if (p == Placement.NONE) {
            cpuOfThread = new int[threads];
            int[] cpus = topo.cpus();
            for (int i = 0; i < threads; i++) {
                cpuOfThread[i] = host ? -1 : cpus[i % cpus.length];
            }
        } else {
            cpuOfThread = host ? p.cpusFor(topo, threads, Affinity.processCpus()) : p.cpusFor(topo, threads);
        }
        pin = host && p != Placement.NONE;
    }

    @TearDown(Level.Iteration)
    public void probe() {
        AccuracyProbe.quiescent(c);
    }
}
