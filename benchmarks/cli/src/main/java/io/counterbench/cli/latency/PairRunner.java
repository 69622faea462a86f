package io.counterbench.cli.latency;

import io.counterbench.topology.Affinity;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures one pair of CPUs: two platform threads pinned to a and b bounce one line, first by CAS
 * then by store/load; each method runs {@code warmup} untimed round trips, then {@code samples}
 * samples of {@code roundTrips} round trips that the thread on a times with System.nanoTime. A
 * sample is ns per round trip. The line's final value is checked against the round trips run.
 */
final class PairRunner {
    /**
     * @param cas ns per CAS round trip, one per sample
     * @param storeLoad ns per store/load round trip, one per sample
     */
    record Result(double[] cas, double[] storeLoad) {}

    private PairRunner() {}

    /**
     * @param timeoutNanos how long the pair may take before it is stopped (an IllegalStateException)
     */
    static Result measure(int a, int b, long warmup, int samples, long roundTrips, long timeoutNanos) {
        AtomicBoolean stop = new AtomicBoolean();
        Bounce line = new Bounce(stop);
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        double[] cas = new double[samples];
        double[] storeLoad = new double[samples];
        long perMethod = warmup + samples * roundTrips;

        Thread ping = Thread.ofPlatform()
                .name("latency-ping-" + a)
                .unstarted(() -> guard(stop, failure, start, () -> {
                    Affinity.pin(a);
                    start.await();
                    long v = line.casPing(0, warmup);
                    for (int s = 0; s < samples; s++) {
                        long t0 = System.nanoTime();
                        v = line.casPing(v, roundTrips);
                        cas[s] = (System.nanoTime() - t0) / (double) roundTrips;
                    }
                    v = line.storeLoadPing(v, warmup);
                    for (int s = 0; s < samples; s++) {
                        long t0 = System.nanoTime();
                        v = line.storeLoadPing(v, roundTrips);
                        storeLoad[s] = (System.nanoTime() - t0) / (double) roundTrips;
                    }
                }));
        Thread pong = Thread.ofPlatform()
                .name("latency-pong-" + b)
                .unstarted(() -> guard(stop, failure, start, () -> {
                    Affinity.pin(b);
                    start.await();
                    long v = line.casPong(0, warmup);
                    for (int s = 0; s < samples; s++) {
                        v = line.casPong(v, roundTrips);
                    }
                    v = line.storeLoadPong(v, warmup);
                    for (int s = 0; s < samples; s++) {
                        v = line.storeLoadPong(v, roundTrips);
                    }
                }));
        ping.setDaemon(true);
        pong.setDaemon(true);
        ping.start();
        pong.start();
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            join(ping, deadline, stop);
            join(pong, deadline, stop);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring CPUs " + a + " and " + b, e);
        }
        Throwable f = failure.get();
        if (f instanceof IllegalArgumentException iae) {
            throw iae; // a CPU that cannot be pinned: the user's input
        }
        if (f != null) {
            throw new IllegalStateException("measuring CPUs " + a + " and " + b + " failed: " + f, f);
        }
        if (ping.isAlive() || pong.isAlive()) {
            throw new IllegalStateException("measuring CPUs " + a + " and " + b + " took longer than "
                    + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s: is another job spinning on them?");
        }
        long expected = 2 * 2 * perMethod;
        if (line.value() != expected) {
            throw new IllegalStateException("CPUs " + a + " and " + b + ": the line ended at " + line.value() + ", not "
                    + expected + ": a round trip was lost (a bug)");
        }
        return new Result(cas, storeLoad);
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void guard(AtomicBoolean stop, AtomicReference<Throwable> failure, CyclicBarrier start, Body body) {
        try {
            body.run();
        } catch (Bounce.Stopped e) {
            // the other side failed or time ran out: its failure is the one reported
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            stop.set(true);
            start.reset(); // a partner still waiting to start gets BrokenBarrierException and ends
        }
    }

    private static void join(Thread t, long deadline, AtomicBoolean stop) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            t.join(java.time.Duration.ofNanos(left));
        }
        if (t.isAlive()) {
            stop.set(true);
            t.join(java.time.Duration.ofSeconds(5));
        }
    }
}
