package io.counterbench.sim;

import io.counterbench.counters.CounterId;
import io.counterbench.results.run.RunInput;
import io.counterbench.topology.LatencyProfile;
import io.counterbench.topology.Topology;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost model's figures for one counter in a read/update mix: per update, the fast path (the
 * run's 1-thread update row) plus the simulated line moves per update priced by the latency
 * profile ({@link CostModel}); per read, the run's ReadBenchmark cost at the topology's CPU count
 * (cache-hot: instructions and the lines' number, not their distance) plus the simulated line moves
 * per read, priced the same way; the mix, update + read / updatesPerRead. A figure the inputs cannot
 * give is NaN with the reason.
 */
final class AdviceCosts {
    private AdviceCosts() {}

    static Advisor.Figure update(
            CounterId id,
            SimResult sim,
            AdviceRows rows,
            String machine,
            LatencyProfile p,
            String method,
            boolean pinned) {
        if (rows == null) {
            return Advisor.Figure.none("no run given: no fast path");
        }
        double fast = rows.update(id, method, 1);
        if (Double.isNaN(fast)) {
            return Advisor.Figure.none(
                    "the run has no UpdateBenchmark." + method + " row of " + id.id() + " at 1 thread");
        }
        String src = "UpdateBenchmark." + method + " at 1 thread (measured on " + machine + ")";
        CoherenceStats c = sim.coherence();
        if (c == null) {
            if (sim.spec().tasks() == 1 && pinned) {
                return new Advisor.Figure(fast, src + "; one pinned thread moves no line", false);
            }
            return new Advisor.Figure(
                    fast,
                    src + " only: " + id.id() + "'s lines cannot be seen by the simulator, "
                            + "so its line moves are not priced",
                    true);
        }
        double[] perUpdate = CostModel.updateMovesPerOp(c);
        CostModel.Prediction pr =
                CostModel.predict(fast, perUpdate, p, sim.spec().tasks());
        return priced(pr, perUpdate, p, src + " + " + moves(perUpdate, pr) + " x latency (" + p.name() + ")", false);
    }

    static Advisor.Figure read(
            CounterId id,
            SimResult sim,
            AdviceRows rows,
            RunInput run,
            String machine,
            LatencyProfile p,
            ReadMix.Kind kind,
            Topology t,
            boolean pinned,
            long updatesPerRead) {
        if (rows == null) {
            return Advisor.Figure.none("no run given: no read cost");
        }
        Advisor.Figure base = instructions(id, rows, run, machine, kind, t.puCount());
        if (!base.known()) {
            return base;
        }
        CoherenceStats c = sim.coherence();
        if (c == null) {
            if (sim.spec().tasks() == 1 && pinned) {
                return new Advisor.Figure(base.ns(), base.source() + "; one pinned thread moves no line", false);
            }
            return new Advisor.Figure(
                    base.ns(),
                    base.source() + " only: the lines a read of " + id.id() + " pulls cannot be seen by the simulator",
                    true);
        }
        if (c.reads() == 0) {
            return Advisor.Figure.none("the simulation ran no read (--ops too small for its tasks)");
        }
        double[] perRead = new double[CpuMap.CLASSES];
        for (int k = 0; k < perRead.length; k++) {
            perRead[k] = c.readMoves()[k] / (double) c.reads();
        }
        CostModel.Prediction pr =
                CostModel.predict(base.ns(), perRead, p, sim.spec().tasks());
        long simulated = sim.spec().reads().updatesPerRead();
        boolean rarer = simulated < updatesPerRead;
        // readers of a lock-taking precise() queue for the lock: the model prices its line, not the wait
        boolean queued = kind == ReadMix.Kind.PRECISE
                && sim.spec().tasks() > 1
                && CounterModel.of(id).preciseTakesLock();
        return priced(
                pr,
                perRead,
                p,
                base.source() + " + " + moves(perRead, pr) + " x latency (" + p.name() + ")"
                        + (rarer
                                ? ", simulated with a read every " + Units.count(simulated) + " updates (a lower bound)"
                                : "")
                        + (queued
                                ? "; a lower bound: " + sim.spec().tasks()
                                        + " readers queue for the counter's lock, and the"
                                        + " model prices the lock's line, not the wait (docs/advise.md)"
                                : ""),
                rarer || queued);
    }

    static Advisor.Figure mix(Advisor.Figure update, Advisor.Figure read, long updatesPerRead) {
        if (!update.known() || !read.known()) {
            return Advisor.Figure.none(!update.known() ? update.source() : read.source());
        }
        return new Advisor.Figure(
                update.ns() + read.ns() / updatesPerRead,
                "update + read / " + Units.count(updatesPerRead),
                update.lowerBound() || read.lowerBound(),
                update.upper() + read.upper() / updatesPerRead);
    }

    /**
     * A prediction as a figure. Where some moves fall in a class the profile has no figure for, the
     * figure is a lower bound, and an upper bound prices those moves at the profile's slowest class
     * (a line cannot come from nearer CPUs more slowly than from the farthest ones); with no figure at
     * all, or when {@code unbounded}, there is no upper bound.
     */
    static Advisor.Figure priced(
            CostModel.Prediction pr, double[] moves, LatencyProfile p, String source, boolean unbounded) {
        if (!pr.lowerBound()) {
            return unbounded
                    ? new Advisor.Figure(pr.predictedNs(), source, true)
                    : new Advisor.Figure(pr.predictedNs(), source, false);
        }
        double slowest = p.figures().values().stream()
                .mapToDouble(LatencyProfile.Figure::oneWayNs)
                .max()
                .orElse(Double.NaN);
        double upper = unbounded ? Double.NaN : pr.predictedNs() + pr.uncostedMovesPerOp() * slowest;
        String bound = Double.isNaN(upper)
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; at most %.2f ns with those priced at " + "the profile's slowest class (%.1f ns)",
                        upper,
                        slowest);
        return new Advisor.Figure(pr.predictedNs(), source + bound, true, upper);
    }

    /**
     * A read's cache-hot cost at {@code cpus}: the run's ReadBenchmark row at that CPU count, or the
     * straight line through the two nearest counts it has. LongAdder's cells grow with the CPUs that
     * contend on the machine itself, so its rows say nothing about a machine with more CPUs than the
     * one that ran them.
     */
    static Advisor.Figure instructions(
            CounterId id, AdviceRows rows, RunInput run, String machine, ReadMix.Kind kind, int cpus) {
        TreeMap<Integer, Double> at = rows.reads(id, kind);
        String row = "ReadBenchmark." + kind.label();
        if (at.isEmpty()) {
            return Advisor.Figure.none("the run has no " + row + " row of " + id.id());
        }
        int measuredOn = run.machine() == null ? -1 : run.machine().cpus();
        if (id == CounterId.ADDER && (measuredOn < 0 || cpus > measuredOn)) {
            String on = measuredOn < 0 ? "an unnamed machine" : measuredOn + " CPUs";
            return Advisor.Figure.none("LongAdder's cells grow with the CPUs contending on the machine itself: a run "
                    + "on " + on + " cannot tell its sum() on " + cpus + " CPUs");
        }
        String on = ", cache-hot, measured on " + machine;
        Double exact = at.get(cpus);
        if (exact != null) {
            return new Advisor.Figure(exact, row + " cpus=" + cpus + on, false);
        }
        if (at.size() == 1) {
            return Advisor.Figure.none("the run has " + row + " of " + id.id() + " at cpus=" + at.firstKey()
                    + " only: one point cannot tell how the read grows to " + cpus + " CPUs");
        }
        Map.Entry<Integer, Double> lo = at.floorEntry(cpus);
        Map.Entry<Integer, Double> hi = at.ceilingEntry(cpus);
        if (lo == null) {
            lo = at.firstEntry();
            hi = at.higherEntry(lo.getKey());
        } else if (hi == null) {
            hi = at.lastEntry();
            lo = at.lowerEntry(hi.getKey());
        }
        double slope = (hi.getValue() - lo.getValue()) / (hi.getKey() - lo.getKey());
        double ns = Math.max(0, lo.getValue() + slope * (cpus - lo.getKey()));
        return new Advisor.Figure(
                ns,
                String.format(
                        Locale.ROOT,
                        "%s linear in CPUs through cpus=%d (%.2f ns) and cpus=%d (%.2f ns)%s",
                        row,
                        lo.getKey(),
                        lo.getValue(),
                        hi.getKey(),
                        hi.getValue(),
                        on),
                false);
    }

    /** "0.0213 line moves" (by class in the source text), with the uncosted share. */
    private static String moves(double[] moves, CostModel.Prediction pr) {
        double total = 0;
        for (double m : moves) {
            total += m;
        }
        String text = CostReport.significant(total) + " line moves (" + CostReport.movesText(moves) + ")";
        return pr.lowerBound()
                ? text + ", of which " + CostReport.significant(pr.uncostedMovesPerOp())
                        + " at classes without a figure"
                : text;
    }
}
