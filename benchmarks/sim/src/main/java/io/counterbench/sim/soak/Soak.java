package io.counterbench.sim.soak;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterType;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A long concurrent run of every counter: writer threads add mixed +-deltas, half through the
 * current-CPU add on counters built for this machine and half through explicit placement on
 * counters built for a virtual 384-CPU machine, while their CPU pinning changes at random. At each
 * interval every writer stops at a barrier and the checker verifies, for every counter, that
 * precise() equals the sum of the writers' exact tallies and that approximate() lies within the
 * bound. A counter that throws (a contributed one with a bug) is reported once as a violation and
 * left out from then on; the others go on.
 */
public final class Soak {
    /** What the soak found. */
    public record Totals(long operations, long checks, long violations, long rounds, List<String> firstViolations) {}

    private final List<CounterType> ids;
    private final int threads;
    private final long intervalMillis;
    private final long seed;
    private final Topology host;
    private final Topology virtual;
    /** The totals as of the last check (for a signal's handler), null before the first. */
    private volatile Totals lastCheck;

    public Soak(List<? extends CounterType> ids, int threads, long intervalMillis, long seed) {
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
        List<String> names = new ArrayList<>();
        AtomicReferenceArray<String> broken = new AtomicReferenceArray<>(2 * ids.size());
        for (CounterType id : ids) {
            for (Topology t : List.of(host, virtual)) {
                names.add(id.id() + " (" + (t == host ? "host" : "epyc-9654-2s") + ")");
                try {
                    counters.add(id.create(t, 0));
                } catch (RuntimeException e) {
                    counters.add(null);
                    broken.set(counters.size() - 1, "threw when built: " + oneLine(e));
                }
            }
        }
        int n = counters.size();
        long[][] tallies = new long[threads][n];
        long[] ops = new long[threads];
        AtomicBoolean stop = new AtomicBoolean();
        long[] checks = new long[1];
        long[] violations = new long[1];
        long[] rounds = new long[1];
        List<String> first = new ArrayList<>();
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        long start = System.nanoTime();
        CyclicBarrier pause = new CyclicBarrier(threads + 1);
        CyclicBarrier resume = new CyclicBarrier(threads + 1);
        int[] allowed = Affinity.processCpus();
        int[] vcpus = virtual.cpus();
        List<Thread> writers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < threads; w++) {
            int me = w;
            Thread t = new Thread(
                    () -> {
                        SplittableRandom r = new SplittableRandom(seed * 31 + me);
                        long[] mine = tallies[me];
                        try {
                            while (true) {
                                long deadline = System.nanoTime() + intervalMillis * 1_000_000L;
                                long count = 0;
                                long skipped = 0;
                                while ((count & 1023) != 0 || System.nanoTime() < deadline) {
                                    int k = r.nextInt(n);
                                    long d = r.nextInt(3) == 0
                                            ? r.nextLong(-100_000, 100_001)
                                            : (r.nextBoolean() ? 1 : -1);
                                    Counter c = counters.get(k);
                                    count++;
                                    if (broken.getPlain(k) != null) {
                                        skipped++;
                                        continue;
                                    }
                                    try {
                                        if ((k & 1) == 0) {
                                            c.add(d);
                                        } else {
                                            c.add(vcpus[r.nextInt(vcpus.length)], me, d);
                                        }
                                    } catch (RuntimeException e) {
                                        broken.compareAndSet(k, null, "threw in add: " + oneLine(e));
                                        skipped++;
                                        continue;
                                    }
                                    mine[k] += d;
                                    if ((count & 4095) == 0 && Affinity.available()) {
                                        repin(r, allowed);
                                    }
                                }
                                ops[me] += count - skipped;
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
                    },
                    "soak-writer-" + w);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
        try {
            while (true) {
                pause.await();
                rounds[0]++;
                for (int k = 0; k < n; k++) {
                    if (broken.get(k) != null) {
                        continue;
                    }
                    long exact = 0;
                    for (long[] tally : tallies) {
                        exact += tally[k];
                    }
                    Counter c = counters.get(k);
                    long precise;
                    long approximate;
                    io.counterbench.counters.Accuracy bound;
                    try {
                        precise = c.precise();
                        approximate = c.approximate();
                        bound = c.accuracy();
                    } catch (RuntimeException e) {
                        broken.compareAndSet(k, null, "threw in a read: " + oneLine(e));
                        continue;
                    }
                    checks[0]++;
                    if (precise != exact || !bound.admits(approximate, exact)) {
                        violations[0]++;
                        if (first.size() < 10) {
                            first.add(String.format(
                                    "%s: precise %d, approximate %d, exact %d, bound %s",
                                    names.get(k), precise, approximate, exact, bound));
                        }
                    }
                }
                for (int k = 0; k < n; k++) {
                    String why = broken.get(k);
                    if (why != null && reported.add(k)) {
                        violations[0]++;
                        if (first.size() < 10) {
                            first.add(names.get(k) + ": " + why + "; left out from then on");
                        }
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                boolean done = elapsed * 1000 >= millis;
                long total = java.util.Arrays.stream(ops).sum();
                lastCheck = new Totals(total, checks[0], violations[0], rounds[0], List.copyOf(first));
                progress.printf(
                        "[soak] %5.0f s of %d s, ETA %s: %,d operations, %,d checks, %d violations%n",
                        elapsed,
                        millis / 1000,
                        Progress.format(Math.max(0, millis / 1000.0 - elapsed)),
                        total,
                        checks[0],
                        violations[0]);
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

    /** The totals as of the last check: what a soak stopped early found; null before its first check. */
    public Totals soFar() {
        return lastCheck;
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName()
                + (m == null ? "" : ": " + m.lines().findFirst().orElse("").strip());
    }

    private static void repin(SplittableRandom r, int[] allowed) {
        if (r.nextInt(4) == 0) {
            Affinity.unpin(allowed);
        } else {
            Affinity.pin(allowed[r.nextInt(allowed.length)]);
        }
    }
}
