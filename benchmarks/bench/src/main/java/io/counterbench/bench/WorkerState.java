package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CpuId;
import io.counterbench.topology.Affinity;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One benchmark thread: its CPU (pinned once per trial by the placement policy), its task id, its
 * kept {@link CpuId} handle (made on this thread after pinning), and its exact tally of everything
 * it added, which the iteration's probe sums ({@link CounterState#probe()}).
 */
@State(Scope.Thread)
public class WorkerState {
    /** CPU for the explicit-placement add (cpu=known); -1 when the thread is not pinned. */
    public int cpu;

    public int task;
    public CpuId handle;
    /** Exact sum of the deltas this thread added since the trial began; read by the probe after JMH's barrier. */
    long tally;

    private CpuMode mode;
    /**
     * The calibration knob (see {@link SlowdownKnob}): the fraction of its time this writer waits extra (0: none), and
     * when it last waited.
     */
    private double knob;

    private long knobMark;
    private int[] saved;

    @Setup(Level.Trial)
    public void setUp(CounterState s, ThreadParams tp) {
        int index = tp.getThreadIndex();
        task = index;
        cpu = s.cpuOfThread[index % s.cpuOfThread.length];
        mode = s.mode;
        knob = s.knob;
        if (s.pin) {
            saved = Affinity.allowedCpus();
            Affinity.pin(cpu);
        }
        handle = CpuId.ofCurrentThread();
        s.register(this);
        if (Forensics.ON && index == 0) {
            Forensics.object("writer", this); // its tally is a field of this object
            Forensics.object("handle", handle);
            Forensics.object("thread", Thread.currentThread());
            Forensics.address("rseq.cpu_id", io.counterbench.topology.Rseq.cpuIdAddressOfCurrentThread());
        }
    }

    /** The knob's clock starts with each iteration, so the pause between iterations is not counted as adding time. */
    @Setup(Level.Iteration)
    public void startIteration() {
        if (SlowdownKnob.ON) {
            knobMark = System.nanoTime();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (saved != null) {
            Affinity.unpin(saved);
        }
    }

    /** Adds {@code delta} the way the cpu param says, and tallies it. */
    public void add(Counter c, long delta) {
        // reference compares, not an enum switch (which would load javac's ordinal map on every add)
        CpuMode m = mode;
        if (m == CpuMode.LOOKUP) {
            c.add(delta);
        } else if (m == CpuMode.HANDLE) {
            c.add(handle, delta);
        } else {
            c.add(cpu, task, delta);
        }
        long before = tally;
        tally = before + delta;
        if (SlowdownKnob.ON && SlowdownKnob.crossed(before, before + delta)) {
            knobMark = SlowdownKnob.waitFor(knobMark, knob);
        }
    }
}
