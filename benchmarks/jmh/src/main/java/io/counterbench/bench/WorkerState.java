package io.counterbench.bench;

import io.counterbench.topology.Affinity;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One benchmark thread: its CPU (pinned once per trial by the placement policy), its task id, and
 * a cheap private random stream for the delta mixes.
 */
@State(Scope.Thread)
public class WorkerState {
    /** CPU for the explicit-placement add, or -1 to add on the current CPU. */
    public int cpu;
    public int task;
    private long seed;
    private int[] saved;

    @Setup(Level.Trial)
    public void setUp(CounterState s, ThreadParams tp) {
        int index = tp.getThreadIndex();
        task = index;
        cpu = s.cpuOfThread[index % s.cpuOfThread.length];
        seed = 0x9E3779B97F4A7C15L * (index + 1);
        if (s.pin) {
            saved = Affinity.allowedCpus();
            Affinity.pin(cpu);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (saved != null) {
            Affinity.unpin(saved);
        }
    }

    /** Next value of a xorshift stream: a few cycles, no allocation, no shared state. */
    public long next() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return x;
    }
}
