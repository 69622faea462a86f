package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.LatencyProfile;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which counter for this machine and this workload (behind {@code run-bench.sh advise}): for each
 * counter, the cost of an update and of a read and of the mix (measured where a run on the target
 * machine has the row, else predicted by the simulator's cost model), the cheap read's worst error
 * (the analytic bound from accuracy() on the topology, and the worst a simulation of the workload
 * reached), its memory, and whether it meets the error limit; then the cheapest counter that meets
 * it and the runner-up. Every figure carries its source; a figure the model cannot make is NaN with
 * the reason, and a counter is never ranked on a figure it does not have.
 */
public final class Advisor {
    private Advisor() {}

    /**
     * The workload.
     *
     * @param threads update threads (tasks of the simulation)
     * @param updatesPerRead adds of one thread between two of its reads
     * @param read the read the threads make
     * @param pattern the simulator workload the adds follow (inc, rss-mix, rss, hop, random-walk, fork-exit,
     * adversarial)
     * @param pages the pattern's size in pages (0: its default)
     * @param ops adds per simulation
     */
    public record Workload(int threads, long updatesPerRead, ReadMix.Kind read, String pattern, long pages, long ops) {
        /** Adds per simulation unless the user says otherwise. */
        public static final long DEFAULT_OPS = 1_000_000;

        public Workload {
            if (threads < 1 || updatesPerRead < 1) {
                throw new IllegalArgumentException("a workload with zero updates has nothing to rank: --threads ("
                        + threads
                        + ") and --updates-per-read (" + updatesPerRead + ") must be at least 1");
            }
            Limits.THREADS.check("--threads", threads);
            OPS.check("--ops", ops);
            if (pages != 0) {
                PAGES.check("--pages", pages);
            }
        }
    }

    /**
     * Adds per simulation: enough to reach the flush and carry paths, few enough for a counter-by-counter run in
     * seconds.
     */
    static final Range OPS = new Range("an operation count", 1_000, 100_000_000);

    static final Range PAGES = new Range("a size in pages", 1, 1L << 30);

    /** A counter's memory and where the figure comes from. */
    public record Memory(long bytes, String source) {}

    /**
     * @param topology host, a preset, an hwloc XML file or a synthetic string
     * @param limit the largest acceptable error in counts (Long.MAX_VALUE: none)
     * @param limitText the limit as the user gave it, for the text ("64 MB = 16,384 pages")
     * @param run a run folder or jmh.json (null: none), ideally measured on the target machine
     * @param latency a latency.json pricing the line moves (null: the run's own on the target machine, else the
     * preset's)
     * @param counters counter ids (empty: every built-in)
     * @param memory each counter's memory on the topology (null: the kernel layout's bytes)
     */
    public record Request(
            String topology,
            Workload workload,
            long limit,
            String limitText,
            Path run,
            Path latency,
            List<String> counters,
            Function<CounterId, Memory> memory,
            long seed) {}

    /**
     * A cost in ns: NaN with {@code source} saying why there is none; a lower bound when some line moves had no latency
     * figure.
     */
    public record Figure(double ns, String source, boolean lowerBound, double upper) {
        /** A figure that is exact (as far as the model goes), or a lower bound with no upper bound. */
        Figure(double ns, String source, boolean lowerBound) {
            this(ns, source, lowerBound, lowerBound ? Double.NaN : ns);
        }

        static Figure none(String why) {
            return new Figure(Double.NaN, why, false);
        }

        public boolean known() {
            return !Double.isNaN(ns);
        }

        /** Known and not a lower bound. */
        public boolean complete() {
            return known() && !lowerBound;
        }

        /** Known between {@code ns} and a finite {@link #upper} (equal when complete). */
        public boolean bounded() {
            return known() && !Double.isNaN(upper);
        }
    }

    /**
     * One counter.
     *
     * @param update predicted ns per add (fast path + its line moves)
     * @param read predicted ns per read (instruction cost + its line moves)
     * @param mix predicted ns per add with its share of the reads: update + read / updatesPerRead
     * @param measuredUpdate UpdateBenchmark at the workload's threads on the target machine, or none
     * @param measuredMix MixBenchmark at the workload's threads and read rate on the target machine, or none
     * @param simulatedWorst the largest |approximate - exact| the simulation saw
     */
    public record Row(
            CounterId counter,
            Figure update,
            Figure read,
            Figure mix,
            Figure measuredUpdate,
            Figure measuredMix,
            long boundUnder,
            long boundOver,
            long simulatedWorst,
            Memory memory,
            boolean meets) {
        /** The figure the ranking uses: measured where the run has it, else predicted. */
        public Figure cost() {
            return measuredMix.known() ? measuredMix : mix;
        }

        public long bound() {
            return Math.max(boundUnder, boundOver);
        }
    }

    /**
     * The advice.
     *
     * @param rows every counter, ranked: those that meet the limit first, by cost (bounded figures by their upper
     *        bound, then lower bounds only, then none), then the others by bound
     * @param recommended the counter meeting the limit with the lowest upper bound on its cost, or null (the reason
     *        says why)
     * @param runnerUp the next one, or null
     * @param reason one sentence
     * @param sources what every figure's source tag means
     */
    public record Advice(
            Topology topology,
            Workload workload,
            long limit,
            String limitText,
            List<Row> rows,
            Row recommended,
            Row runnerUp,
            String reason,
            List<String> sources) {}

    public static Advice advise(Request q) {
        Topology topology = TopologySources.load(q.topology());
        Workload w = q.workload();
        WorkloadKind kind = WorkloadKind.parse(w.pattern());
        CpuMap map = CpuMap.of(topology);
        List<CounterId> ids = counters(q.counters());
        RunInput run = q.run() == null ? null : RunLoader.load(q.run());
        AdviceRows rows = run == null ? null : new AdviceRows(run);
        boolean onTarget = run != null && onTarget(run, topology, q.topology());
        String machine = run == null ? null : machine(run);
        LatencyProfile profile = profile(q, run, onTarget, topology);
        ReadMix mix = new ReadMix(w.read(), simulatedUpdatesPerRead(w));
        String method = CostReport.updateMethod(kind);
        Function<CounterId, Memory> memory = q.memory() != null ? q.memory() : Advisor::kernelMemory;

        List<Row> out = new ArrayList<>();
        for (CounterId id : ids) {
            SimSpec spec = new SimSpec(
                    "advise",
                    map,
                    id,
                    0,
                    w.threads(),
                    kind,
                    w.ops(),
                    w.pages() > 0 ? w.pages() : kind.defaultPages(),
                    kind.defaultRule(),
                    q.seed(),
                    mix);
            SimResult sim = Engine.run(spec, Progress.silent());
            boolean pinned = kind.defaultRule() == MigrationRule.STAY;
            Figure update = AdviceCosts.update(id, sim, rows, machine, profile, method, pinned);
            Figure read = AdviceCosts.read(
                    id, sim, rows, run, machine, profile, w.read(), topology, pinned, w.updatesPerRead());
            Figure mUpdate = Figure.none("no measured row");
            Figure mMix = Figure.none("no measured row");
            if (onTarget) {
                double u = rows.update(id, method, w.threads());
                double m = rows.mix(id, w.read(), w.updatesPerRead(), w.threads());
                String at =
                        " at " + w.threads() + (w.threads() == 1 ? " thread" : " threads") + ", measured on " + machine;
                mUpdate = Double.isNaN(u) ? mUpdate : new Figure(u, "UpdateBenchmark." + method + at, false);
                mMix = Double.isNaN(m)
                        ? mMix
                        : new Figure(
                                m,
                                "MixBenchmark." + w.read().label() + " updatesPerRead=" + w.updatesPerRead() + at,
                                false);
            }
            long under = sim.boundUnder();
            long over = sim.boundOver();
            Figure mixed = AdviceCosts.mix(update, read, w.updatesPerRead());
            out.add(new Row(
                    id,
                    update,
                    read,
                    mixed,
                    mUpdate,
                    mMix,
                    under,
                    over,
                    sim.worst(),
                    memory.apply(id),
                    Math.max(under, over) <= q.limit()));
        }
        if (out.stream().noneMatch(Row::meets)) {
            throw new IllegalArgumentException(Unmeetable.message(out, q.limit(), q.limitText(), topology, w));
        }
        out.sort(RANKING);
        List<Row> costed =
                out.stream().filter(r -> r.meets() && r.cost().bounded()).toList();
        Row best = costed.isEmpty() ? null : costed.getFirst();
        Row second = costed.size() > 1 ? costed.get(1) : null;
        return new Advice(
                topology,
                w,
                q.limit(),
                q.limitText(),
                List.copyOf(out),
                best,
                second,
                reason(out, best, second),
                sources(run, machine, onTarget, profile, q, w, kind));
    }

    /**
     * The read rate the simulation can show: every task needs two reads' worth of adds, so with
     * {@code ops} adds over {@code threads} tasks a read every N adds is simulated only up to
     * ops / (2 x threads); a rarer one is simulated at that rate (its lines have had less time to be
     * dirtied, so its moves per read are a lower bound).
     */
    static long simulatedUpdatesPerRead(Workload w) {
        return Math.max(1, Math.min(w.updatesPerRead(), w.ops() / (2L * w.threads())));
    }

    /**
     * Meets the limit first; then bounded cost figures by their upper bound (the most the counter can cost, as far
     * as the model goes), lower bounds only by the bound, none last; the others by error bound.
     */
    static final Comparator<Row> RANKING = Comparator.comparing((Row r) -> !r.meets())
            .thenComparingInt(
                    r -> !r.meets() ? 0 : r.cost().bounded() ? 0 : r.cost().known() ? 1 : 2)
            .thenComparingDouble(r -> !r.meets()
                    ? r.bound()
                    : r.cost().bounded() ? r.cost().upper() : r.cost().ns());

    private static String reason(List<Row> rows, Row best, Row second) {
        long meeting = rows.stream().filter(Row::meets).count();
        if (best == null) {
            String who = meeting == 1
                    ? "The only counter that meets the limit, "
                            + rows.getFirst().counter().id() + ", has"
                    : "None of the " + meeting + " counters that meet the limit has";
            return who + " a bounded cost figure (its source says what is missing), so nothing is ranked on cost: "
                    + "the rows that meet the limit are listed by what is known.";
        }
        Figure c = best.cost();
        String cost = c.complete()
                        || String.format(Locale.ROOT, "%.2f", c.ns())
                                .equals(String.format(Locale.ROOT, "%.2f", c.upper()))
                ? String.format(Locale.ROOT, "%.2f ns", c.ns())
                : String.format(Locale.ROOT, "%.2f to %.2f ns", c.ns(), c.upper());
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%s is the cheapest of the %d counters that "
                        + "meet the limit with a bounded cost: %s per update with its share of the reads (%s)",
                best.counter().id(),
                meeting,
                cost,
                c == best.measuredMix() ? "measured" : "predicted"));
        if (second != null) {
            Figure s = second.cost();
            b.append(
                    s.ns() >= c.upper()
                            ? String.format(
                                    Locale.ROOT,
                                    ", at least %.2fx below %s",
                                    s.ns() / c.upper(),
                                    second.counter().id())
                            : String.format(
                                    Locale.ROOT,
                                    ", but its range overlaps %s's (%.2f to %.2f ns), so the order "
                                            + "of the two is not certain",
                                    second.counter().id(),
                                    s.ns(),
                                    s.upper()));
        }
        b.append(String.format(Locale.ROOT, ", and its cheap read is off by at most %,d", best.bound()));
        List<String> maybe = rows.stream()
                .filter(r -> r.meets()
                        && r.cost().known()
                        && !r.cost().bounded()
                        && r.cost().ns() < best.cost().upper())
                .map(r -> r.counter().id())
                .toList();
        if (!maybe.isEmpty()) {
            b.append("; ")
                    .append(String.join(", ", maybe))
                    .append(" may be cheaper: the model prices only part of ")
                    .append(maybe.size() == 1 ? "its" : "their")
                    .append(" line moves (a lower bound below that figure)");
        }
        return b.append('.').toString();
    }

    private static List<CounterId> counters(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(CounterId.values());
        }
        Set<CounterId> ids = new LinkedHashSet<>();
        for (String n : names) {
            CounterType t = CounterTypes.parse(n);
            if (!(t instanceof CounterId id)) {
                throw new IllegalArgumentException("counter '" + n
                        + "': advise ranks the built-in counters only (the simulator "
                        + "cannot see a contributed counter's lines)");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** Whether the run measured the target: the host (or a machine with as many CPUs as the topology). */
    private static boolean onTarget(RunInput run, Topology t, String spec) {
        int cpus = run.machine() == null ? -1 : run.machine().cpus();
        if (TopologySources.isHost(spec)) {
            return cpus < 0 || cpus == t.puCount();
        }
        return cpus == t.puCount();
    }

    private static String machine(RunInput run) {
        String m = run.machine() == null
                ? "an unnamed machine (no run.json)"
                : run.machine().shortLabel()
                        + (run.machine().host() == null
                                ? ""
                                : ", host " + run.machine().host());
        return m + " (" + run.name() + ")";
    }

    private static LatencyProfile profile(Request q, RunInput run, boolean onTarget, Topology t) {
        if (q.latency() != null) {
            return CostInputs.profileOf(q.latency(), LatencyJson.read(q.latency()));
        }
        if (onTarget && run.file(LatencyJson.FILE).isPresent()) {
            Path f = run.file(LatencyJson.FILE).get();
            return CostInputs.profileOf(f, LatencyJson.read(f));
        }
        return CostInputs.NONE.profileFor(t);
    }

    private static Memory kernelMemory(CounterId id) {
        return new Memory(-1, "not measured (pass the figures of ./run-bench.sh footprint)");
    }

    private static List<String> sources(
            RunInput run,
            String machine,
            boolean onTarget,
            LatencyProfile p,
            Request q,
            Workload w,
            WorkloadKind kind) {
        List<String> s = new ArrayList<>();
        String measured = run == null
                ? "no run given (--run RUN: a run folder measured on the target machine)"
                : onTarget
                        ? "rows of " + run.source() + ", measured on " + machine + ", the target machine"
                        : run.source() + " was measured on " + machine
                                + ", not on this topology: only its 1-thread update "
                                + "rows (the fast path) and ReadBenchmark rows (a read's instruction cost) are used, "
                                + "as inputs of the prediction";
        s.add("measured: " + measured);
        s.add("predicted: per update, the fast path (UpdateBenchmark." + CostReport.updateMethod(kind) + " at 1 "
                + "thread) plus the simulated line moves per update x one-way latency; per read, ReadBenchmark's "
                + "cache-hot cost at the topology's CPU count (or the straight line through the two nearest CPU "
                + "counts) plus the line moves per read x latency; mix = update + read / " + w.updatesPerRead()
                + ". Latency profile: " + p.name() + " (" + p.source() + ")"
                + (p.isEmpty()
                        ? ": no figures, so line moves are uncosted and a figure with moves is a lower " + "bound (>=)"
                        : ""));
        long simulated = simulatedUpdatesPerRead(w);
        String rarer = simulated >= w.updatesPerRead()
                ? ""
                : " (a read every " + Units.count(w.updatesPerRead())
                        + " would need " + Units.count(2L * w.threads() * w.updatesPerRead())
                        + " adds: --ops; the reads' "
                        + "line moves are then a lower bound)";
        s.add("simulated: " + Units.count(w.ops()) + " adds of the " + kind.label() + " pattern by " + w.threads()
                + " task(s) with " + new ReadMix(w.read(), simulated).label() + " by each" + rarer
                + ", on the topology, seed " + q.seed() + "; worst = the largest |approximate - exact| after any "
                + "operation; bound = accuracy() on the topology");
        return s;
    }
}
