package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Placement;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The measured counter, shared by all benchmark threads, with the parameters that shape it:
 * counter id, topology (host, or a preset/synthetic machine the counter is built for), thread
 * placement and how writers tell the counter their CPU ({@link CpuMode}). With the host topology
 * threads are pinned to real CPUs; with a virtual one they are not pinned and each adds on the
 * virtual CPU the placement gives it (cpu=known only).
 *
 * <p>The truth: every writer keeps the exact sum of what it added ({@link WorkerState#tally}); at
 * the end of each iteration, after JMH's barrier has stopped every thread, the probe sums those
 * tallies and checks the counter against them ({@link AccuracyProbe}).
 */
@State(Scope.Benchmark)
public class CounterState extends CounterParam {
    @Param({"host"})
    public String topology;

    @Param({"compact"})
    public String placement;

    /** lookup: add(delta); handle: add(CpuId, delta); known: add(cpu, task, delta) with the pinned CPU. */
    @Param({"lookup", "handle", "known"})
    public String cpu;

    /** The counter under test. */
    public Counter c;
    /**
     * The calibration knob: the fraction of their time this counter's writers wait extra (0 unless it is slowed, see
     * {@link SlowdownKnob}).
     */
    double knob;

    CpuMode mode;
    Topology topo;
    /** CPU of each thread index: a real CPU (pinned), a virtual one, or -1 (placement none: not pinned). */
    int[] cpuOfThread;

    boolean pin;
    private final List<WorkerState> writers = new ArrayList<>();
    /** Kept so that the counter allocated after it stays shifted by its size (null unless the knob is set). */
    private Object shift;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        FaultInjection.atSetup(params.getBenchmark());
        boolean host = "host".equals(topology);
        mode = CpuMode.parse(cpu);
        topo = TopologySources.load(topology);
        Placement p = Placement.parse(placement);
        if (!host && mode != CpuMode.KNOWN) {
            throw new IllegalArgumentException(
                    "cpu=" + cpu + " needs topology=host: on a virtual topology threads add on the "
                            + "virtual CPUs their placement gives them (cpu=known)");
        }
        if (p == Placement.NONE && mode == CpuMode.KNOWN) {
            throw new IllegalArgumentException(
                    "cpu=known needs pinned threads: placement none leaves the CPU to the OS");
        }
        CounterType id = CounterTypes.parse(counter); // a built-in id, or one a --counter-jar contributed
        shift = Forensics.shift(); // the forensics' address knob: a filler allocated just before the counter
        c = FaultInjection.counter(params.getBenchmark(), id, topo);
        if (SlowdownKnob.ON) {
            knob = SlowdownKnob.fraction(id.id());
        }
        int threads = params.getThreads();
        if (p == Placement.NONE) {
            cpuOfThread = new int[threads];
            java.util.Arrays.fill(cpuOfThread, -1);
        } else {
            cpuOfThread = host ? p.cpusFor(topo, threads, Affinity.processCpus()) : p.cpusFor(topo, threads);
        }
        pin = host && p != Placement.NONE;
        if (Forensics.ON) {
            Forensics.clear();
            Forensics.object("state", this);
            Forensics.counter("counter", c, cpuOfThread[0]);
        }
    }

    /** Called by each writer's trial setup, on its own thread. */
    synchronized void register(WorkerState w) {
        writers.add(w);
    }

    /** With every thread stopped (JMH's pre-teardown barrier): the writers' tallies against the counter. */
    @TearDown(Level.Iteration)
    public synchronized void probe() {
        long truth = 0;
        for (WorkerState w : writers) {
            truth += w.tally;
        }
        AccuracyProbe.quiescent(c, truth);
    }
}
