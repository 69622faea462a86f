package io.counterbench.soak;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.sim.Progress;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long concurrent run of every counter: writer threads add mixed +-deltas, half through the
 * current-CPU add on counters built for this machine and half through explicit placement on
 * counters built for a virtual 384-CPU machine, while their CPU pinning changes at random. At each
 * interval every writer stops at a barrier and the checker verifies, for every counter, that
 * precise() equals the sum of the writers' exact tallies and that approximate() lies within the
 * bound.
 */
public final class Soak {
    /** What the soak found. */
    public record Totals(long operations, long checks, long violations, long rounds, List<String> firstViolations) {
    }

    private final List<CounterId> ids;
    private final int threads;
    private final long intervalMillis;
    private final long seed;
    private final Topology host;
    private final Topology virtual;

    public Soak(List<CounterId> ids, int threads, long intervalMillis, long seed) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": at least 1 writer");
        }
        if (intervalMillis < 10) {
            throw new IllegalArgumentException("--interval-ms " + intervalMillis + ": at least 10");
        }
        this.ids = List.copyOf(ids);
        this.threads = threads;
        this.intervalMillis = intervalMillis;
        this.seed = seed;
        this.host = TopologySources.load("host");
        this.virtual = TopologySources.load("epyc-9654-2s");
    }

    /** Runs for {@code millis} and reports every interval to {@code progress}. */
    public Totals run(long millis, PrintWriter progress) throws InterruptedException {
        List<Counter> counters = new ArrayList<>();
        for (CounterId id : ids) {
            counters.add(id.create(host));
            counters.add(id.create(virtual));
        }
        int n = counters.size();
        long[][] tallies = new long[threads][n];
        long[] ops = new long[threads];
        AtomicBoolean stop = new AtomicBoolean();
        long[] checks = new long[1];
        long[] violations = new long[1];
        long[] rounds = new long[1];
        List<String> first = new ArrayList<>();
        long start = System.nanoTime();
        CyclicBarrier pause = new CyclicBarrier(threads + 1);
        CyclicBarrier resume = new CyclicBarrier(threads + 1);
        int[] allowed = Affinity.processCpus();
        int[] vcpus = virtual.cpus();
        List<Thread> writers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < threads; w++) {
            int me = w;
            Thread t = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed * 31 + me);
                long[] mine = tallies[me];
                try {
                    while (true) {
                        long deadline = System.nanoTime() + intervalMillis * 1_000_000L;
                        long count = 0;
                        while ((count & 1023) != 0 || System.nanoTime() < deadline) {
                            int k = r.nextInt(n);
                            long d = r.nextInt(3) == 0 ? r.nextLong(-100_000, 100_001) : (r.nextBoolean() ? 1 : -1);
                            Counter c = counters.get(k);
                            if ((k & 1) == 0) {
                                c.add(d);
                            } else {
                                c.add(vcpus[r.nextInt(vcpus.length)], me, d);
                            }
                            mine[k] += d;
                            count++;
                            if ((count & 4095) == 0 && Affinity.available()) {
                                repin(r, allowed);
                            }
                        }
                        ops[me] += count;
                        pause.await();
                        resume.await();
                        if (stop.get()) {
                            return;
                        }
                    }
                } catch (Exception | Error e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    pause.reset();
                    resume.reset();
                }
            }, "soak-writer-" + w);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
        try {
            while (true) {
                pause.await();
                rounds[0]++;
                for (int k = 0; k < n; k++) {
                    long exact = 0;
                    for (long[] tally : tallies) {
                        exact += tally[k];
                    }
                    Counter c = counters.get(k);
                    long precise = c.precise();
                    long approximate = c.approximate();
                    checks[0]++;
                    if (precise != exact || !c.accuracy().admits(approximate, exact)) {
                        violations[0]++;
                        if (first.size() < 10) {
                            first.add(String.format("%s (%s): precise %d, approximate %d, exact %d, bound %s", c.id().id(),
                                    (k & 1) == 0 ? "host" : "epyc-9654-2s", precise, approximate, exact, c.accuracy()));
                        }
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                boolean done = elapsed * 1000 >= millis;
                long total = java.util.Arrays.stream(ops).sum();
                progress.printf("[soak] %5.0f s of %d s, ETA %s: %,d operations, %,d checks, %d violations%n", elapsed,
                        millis / 1000, Progress.format(Math.max(0, millis / 1000.0 - elapsed)), total, checks[0], violations[0]);
                progress.flush();
                if (done) {
                    stop.set(true);
                }
                resume.await();
                if (done) {
                    break;
                }
            }
        } catch (java.util.concurrent.BrokenBarrierException e) {
            synchronized (failure) {
                throw new IllegalStateException("a soak writer failed: " + failure[0], failure[0]);
            }
        }
        for (Thread t : writers) {
            t.join();
        }
        return new Totals(java.util.Arrays.stream(ops).sum(), checks[0], violations[0], rounds[0], first);
    }

    private static void repin(SplittableRandom r, int[] allowed) {
        if (r.nextInt(4) == 0) {
            Affinity.unpin(allowed);
        } else {
            Affinity.pin(allowed[r.nextInt(allowed.length)]);
        }
    }

}
