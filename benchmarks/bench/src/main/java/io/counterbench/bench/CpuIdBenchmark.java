package io.counterbench.bench;

import io.counterbench.counters.CpuId;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Rseq;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What: the ns a Java thread pays to learn its CPU, every way side by side, with LongAdder's
 * increment (uncontended, one thread) as the yardstick and an empty method as the floor of JMH's
 * loop:
 *   schedGetcpu        sched_getcpu through FFM (Linker.Option.critical): a vDSO call
 *   rseqLoad           an opaque load of rseq's cpu_id at a known address, no checks: the floor
 *   handle             CpuId.cpu() on the thread that made it: owner check + that load
 *   current            CpuId.current(): the handle-less lookup add(delta) uses (table by thread id)
 *   threadLocal        a ThreadLocal<CpuId> holding the handle, then its load
 *   handleOfOtherThread  a handle used on the wrong thread: correct, falls back to sched_getcpu
 *   currentThread      Thread.currentThread() alone, the price of the owner check's operand
 *
 * Hypothesis: rseqLoad and handle cost about one load above the empty method; current a few loads
 * more; threadLocal about as much as sched_getcpu (a ThreadLocal eats the gain); sched_getcpu a few
 * ns. LongAdder's increment (a CAS) costs several times the handle's lookup.
 *
 * Surprise would be: handle well above rseqLoad (the owner check not free), or current above
 * threadLocal.
 *
 * Run just this: ./run-bench.sh run --benchmarks CpuIdBenchmark
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
@Threads(1)
public class CpuIdBenchmark {
    private static final ThreadLocal<CpuId> HANDLES = ThreadLocal.withInitial(CpuId::ofCurrentThread);

    /** The benchmark thread's own handle, one made by another thread, and an uncontended LongAdder. */
    @State(Scope.Thread)
    public static class Handles {
        CpuId mine;
        CpuId other;
        long address;
        final LongAdder adder = new LongAdder();

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            mine = CpuId.ofCurrentThread();
            address = Rseq.cpuIdAddressOfCurrentThread();
            if (address == 0) {
                throw new IllegalStateException("no rseq here: " + mine.lookup());
            }
            CpuId[] made = new CpuId[1];
            Thread t = Thread.ofPlatform().start(() -> made[0] = CpuId.ofCurrentThread());
            t.join();
            other = made[0];
            if (Forensics.ON) {
                Forensics.clear();
                Forensics.object("handles", this);
                Forensics.object("handle", mine);
                Forensics.object("adder", adder);
                Forensics.address("rseq.cpu_id", address);
            }
        }
    }

    @Benchmark
    public void empty() {}

    @Benchmark
    public Thread currentThread() {
        return Thread.currentThread();
    }

    @Benchmark
    public int schedGetcpu() {
        return Affinity.currentCpu();
    }

    @Benchmark
    public int rseqLoad(Handles s) {
        return Rseq.read(s.address);
    }

    @Benchmark
    public int handle(Handles s) {
        return s.mine.cpu();
    }

    @Benchmark
    public int current() {
        return CpuId.current();
    }

    @Benchmark
    public int threadLocal() {
        return HANDLES.get().cpu();
    }

    @Benchmark
    public int handleOfOtherThread(Handles s) {
        return s.other.cpu();
    }

    @Benchmark
    public void longAdderIncrement(Handles s) {
        s.adder.increment();
    }
}
