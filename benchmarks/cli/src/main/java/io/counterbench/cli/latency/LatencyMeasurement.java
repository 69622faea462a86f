package io.counterbench.cli.latency;

import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.latency.Pair;
import io.counterbench.results.latency.Stats;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A core-to-core latency run: a calibration pair first (it warms the JIT and, unless the user set
 * the round trips per sample, sizes a sample to about {@value #SAMPLE_NANOS} ns), then every pair
 * of the plan in topology order, with progress and ETA.
 */
public final class LatencyMeasurement {
    /**
     * A sample's length when the user does not set round trips: long against nanoTime's cost, short against preemption.
     */
    static final long SAMPLE_NANOS = 200_000;

    static final long MIN_ROUND_TRIPS = 100;
    static final long MAX_ROUND_TRIPS = 10_000_000;
    private static final long CALIBRATION_ROUND_TRIPS = 2_000;
    private static final int CALIBRATION_SAMPLES = 10;

    /**
     * @param samples samples per pair and method
     * @param roundTrips round trips per sample, 0 for calibrated
     * @param maxPairs most pairs measured (more are sampled, every class covered)
     * @param seed the sample's seed
     */
    public record Settings(int samples, long roundTrips, long maxPairs, long seed) {}

    private final Topology topology;
    private final PairPlan plan;
    private final Settings settings;
    // the run as it stands, for a signal's handler (soFar): guarded by this
    private final List<Pair> done = new ArrayList<>();
    private String host = "";
    private String cpuModel = "";
    private Instant started;
    private long t0;
    private long roundTrips;

    /** Plans the pairs of {@code cpus} (bad input: IllegalArgumentException, before anything runs). */
    public LatencyMeasurement(Topology topology, int[] cpus, Settings settings) {
        this.topology = topology;
        this.settings = settings;
        this.plan = PairPlan.of(topology, cpus, settings.maxPairs(), settings.seed());
    }

    /** The CPUs in topology order. */
    public int[] cpus() {
        return plan.cpus();
    }

    public int pairCount() {
        return plan.pairs().size();
    }

    public long pairsTotal() {
        return plan.total();
    }

    public boolean sampled() {
        return plan.sampled();
    }

    /** The distance classes the plan's pairs are at, nearest first, as keys. */
    public List<String> classes() {
        return plan.pairs().stream()
                .map(p -> p.cls())
                .distinct()
                .sorted()
                .map(c -> c.key())
                .toList();
    }

    /** Runs the plan; {@code host} and {@code cpuModel} are recorded with it. */
    public LatencyRun run(String host, String cpuModel, Progress progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        synchronized (this) {
            this.host = host;
            this.cpuModel = cpuModel;
            this.started = started;
            this.t0 = t0;
        }
        PairPlan.Pair first = plan.pairs().getFirst();
        progress.phase("calibrating on CPUs " + first.a() + " and " + first.b());
        PairRunner.Result cal = PairRunner.measure(
                first.a(),
                first.b(),
                CALIBRATION_ROUND_TRIPS,
                CALIBRATION_SAMPLES,
                CALIBRATION_ROUND_TRIPS,
                120_000_000_000L);
        // the fastest sample of each method: the first ones still run in the interpreter
        double rt =
                Math.max(Stats.of(cal.cas()).min(), Stats.of(cal.storeLoad()).min());
        long roundTrips = settings.roundTrips() > 0
                ? settings.roundTrips()
                : Math.max(MIN_ROUND_TRIPS, Math.min(MAX_ROUND_TRIPS, Math.round(SAMPLE_NANOS / Math.max(rt, 1))));
        long warmup = roundTrips;
        synchronized (this) {
            this.roundTrips = roundTrips;
        }
        double pairNanos = 2.0 * (warmup + settings.samples() * roundTrips) * Math.max(rt, 1);
        long timeout = (long) Math.max(30e9, 50 * pairNanos);
        progress.plan(plan.pairs().size());
        progress.line(String.format(
                Locale.ROOT,
                "latency: %d pairs of %d CPUs%s, %d samples of %,d round trips per pair and method "
                        + "(calibration: %.0f ns a round trip); about %s",
                plan.pairs().size(),
                plan.cpus().length,
                plan.sampled() ? " (a sample of " + plan.total() + ")" : "",
                settings.samples(),
                roundTrips,
                rt,
                Progress.format(plan.pairs().size() * (pairNanos + 2e5) / 1e9)));
        List<Pair> out = new ArrayList<>();
        for (PairPlan.Pair p : plan.pairs()) {
            progress.phase("CPUs " + p.a() + " and " + p.b() + " (" + p.cls().key() + ")");
            PairRunner.Result r = PairRunner.measure(p.a(), p.b(), warmup, settings.samples(), roundTrips, timeout);
            Pair measured = new Pair(p.a(), p.b(), p.cls().key(), r.cas(), r.storeLoad());
            out.add(measured);
            synchronized (this) {
                done.add(measured);
            }
            progress.tick(1);
        }
        return record(out);
    }

    /**
     * The pairs finished so far, as an incomplete run (a signal stopped it: {@code why}); null when none
     * finished yet (nothing to keep).
     */
    public synchronized LatencyRun soFar(String why) {
        return done.isEmpty()
                ? null
                : record(done).incomplete(why + " after " + done.size() + " of " + pairCount() + " pairs");
    }

    private synchronized LatencyRun record(List<Pair> pairs) {
        double wall = (System.nanoTime() - t0) / 1e9;
        return new LatencyRun(
                host,
                cpuModel,
                topology.name(),
                topology.source(),
                plan.cpus(),
                new LatencyRun.Settings(
                        settings.samples(), roundTrips, roundTrips, plan.total(), plan.sampled(), settings.seed()),
                pairs,
                started.toString(),
                wall);
    }
}
