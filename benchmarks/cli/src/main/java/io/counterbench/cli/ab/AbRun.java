package io.counterbench.cli.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.counterbench.results.gate.ForkMerge;
import io.counterbench.results.gate.PairsJson;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Runs an {@link AbPlan} pair by pair and keeps the run folder current after every pair:
 * pairs.json (every pair's order and outcome), jmh-baseline.json and jmh-current.json (per row,
 * the forks of the pairs whose both forks finished, in pair order: fork i of one file ran beside
 * fork i of the other), run.json (status, rows done, failed, missing) and forks/ (each fork's own
 * JMH JSON and console output). Whatever stops the run, the finished pairs are on disk.
 *
 * <p>Adaptive ({@link #adaptive}): rounds of pairs go only to the rows still open; at the planned
 * looks (a round after which the rows have that many pairs) the {@link Judge} gates the folder as
 * it stands and the rows it settles (regressed or passed) stop; the run ends when no row is open,
 * the last round ran, or the next pair would end after the budget's deadline. A disturbed pair's
 * rerun comes at the end of its round, so that the rows reach each look together.
 */
public final class AbRun {
    public static final String FORKS_DIR = "forks";

    private final AbPlan plan;
    private final Path folder;
    private final ForkRunner runner;
    private final Side baseline;
    private final Side current;
    private final UnaryOperator<RunJson> runJson;
    private final PrintWriter err;
    private final String[][] status; // [row][pair]: "pending", "done:done", ...
    private final JsonNode[][] baseResults;
    private final JsonNode[][] currentResults;
    private final List<PairsJson.Pair> pairs = new ArrayList<>();
    private final int[][] attempts;
    private final double disturbedLoad;
    private final TreeMap<Integer, String> rowErrors = new TreeMap<>();
    private String state = "running";
    private String reason;
    private boolean closed;
    private io.counterbench.results.util.Reserve reserve;
    private String writeFailure;
    private int[] looks = new int[0];
    private long deadline = Long.MAX_VALUE;
    private double budgetSeconds = Double.NaN;
    private Judge judge;
    private final java.util.Set<Integer> settled = new java.util.TreeSet<>();

    /** Says, at a planned look, which rows (pairs.json indexes) are settled: regressed or passed. */
    @FunctionalInterface
    public interface Judge {
        java.util.Set<Integer> settled(Path folder);
    }

    /** A version with the flags of its JVMs. */
    public record Side(Version version, List<String> jvmArgs) {
        PairsJson.Version record() {
            return new PairsJson.Version(
                    version.given(), version.commit(), version.jar().toString(), jvmArgs);
        }
    }

    /**
     * @param runJson turns the run's progress (a RunJson with status, rows and outcomes filled in) into the record to
     *     write,
     *                adding what the caller knows (environment, JMH settings)
     */
    public AbRun(
            AbPlan plan,
            Path folder,
            ForkRunner runner,
            Side baseline,
            Side current,
            UnaryOperator<RunJson> runJson,
            PrintWriter err,
            double disturbedLoad) {
        this.disturbedLoad = disturbedLoad;
        this.plan = plan;
        this.folder = folder;
        this.runner = runner;
        this.baseline = baseline;
        this.current = current;
        this.runJson = runJson;
        this.err = err;
        int rows = plan.rows().size();
        this.status = new String[rows][plan.pairs()];
        this.baseResults = new JsonNode[rows][plan.pairs()];
        this.currentResults = new JsonNode[rows][plan.pairs()];
        this.attempts = new int[rows][plan.pairs()];
    }

    /**
     * Makes the run adaptive: {@code looks} the pair counts at which {@code judge} settles rows, {@code deadlineNanos}
     * (System.nanoTime) the end of the budget of {@code budgetSeconds}, counted from ab's start.
     */
    public AbRun adaptive(int[] looks, long deadlineNanos, double budgetSeconds, Judge judge) {
        this.looks = looks.clone();
        this.deadline = deadlineNanos;
        this.budgetSeconds = budgetSeconds;
        this.judge = judge;
        return this;
    }

    /** Runs every pair (until stopped); returns the number of complete pairs. */
    public int run() {
        if (judge != null) {
            return runAdaptive();
        }
        open();
        Progress progress = new Progress(err, "ab", 1.0);
        progress.plan(plan.estimateSeconds());
        java.util.ArrayDeque<AbPlan.Slot> queue = new java.util.ArrayDeque<>(plan.schedule());
        int reruns = disturbedLoad > 0 ? Math.max(1, plan.schedule().size() / 4) : 0;
        int total = plan.schedule().size();
        int i = 0;
        while (!queue.isEmpty()) {
            AbPlan.Slot slot = queue.poll();
            i++;
            if (isClosed()) {
                break;
            }
            AbRow row = plan.rows().get(slot.row());
            boolean together = plan.together(slot.row());
            progress.line(String.format(
                    Locale.ROOT,
                    "[%3d/%d] %s elapsed, ETA %s | pair %d/%d %s | %s",
                    i,
                    total,
                    Progress.format(progress.elapsed()),
                    progress.eta(),
                    slot.pair() + 1,
                    plan.pairs(),
                    together ? "side by side" : slot.baselineFirst() ? "AB" : "BA",
                    row.label()));
            String line = runPair(slot, row, reruns > 0);
            if (line.endsWith(RERUN)) {
                reruns--;
                queue.addLast(slot);
                total++;
                progress.plan(plan.secondsPerPair(slot.row()));
            }
            progress.advance(plan.secondsPerPair(slot.row()));
            progress.line("        " + line);
        }
        synchronized (this) {
            if (!closed) {
                long failedPairs = pairs.stream().filter(p -> !p.finished()).count();
                state = failedPairs == 0 ? "complete" : "incomplete";
                reason = failedPairs == 0 ? null : failedPairs + " pair(s) failed; see pairs.json and forks/";
                save();
                closed = true;
                releaseReserve();
            }
        }
        return completePairs();
    }

    /**
     * Makes the folder, sets the reserve aside (both ways of running need it: on a full disk it holds the space for
     * the last word of pairs.json and run.json), and writes the first state.
     */
    private void open() {
        try {
            Files.createDirectories(folder.resolve(FORKS_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + folder + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            if (!closed) { // closed: a signal's handler came first, and no reserve may be left behind
                reserve = io.counterbench.results.util.Reserve.take(
                        folder, 32 * 1024); // for the last word on a full disk
            }
        }
        save();
    }

    private int runAdaptive() {
        open();
        Progress progress = new Progress(err, "ab", 1.0);
        double left = (deadline - System.nanoTime()) / 1e9;
        progress.plan(Math.min(plan.estimateSeconds(), Math.max(0, left)));
        int reruns = disturbedLoad > 0 ? Math.max(1, plan.schedule().size() / 4) : 0;
        int run = 0;
        String stop = null;
        java.util.Set<Integer> looksAt =
                java.util.Arrays.stream(looks).boxed().collect(java.util.stream.Collectors.toSet());
        for (int k = 0; k < plan.pairs() && stop == null; k++) {
            final int round = k;
            java.util.ArrayDeque<AbPlan.Slot> queue = new java.util.ArrayDeque<>(
                    plan.schedule().stream().filter(x -> x.pair() == round).toList());
            while (!queue.isEmpty()) {
                AbPlan.Slot slot = queue.poll();
                if (isClosed()) {
                    stop = "interrupted";
                    break;
                }
                if (settledRow(slot.row())) {
                    continue;
                }
                double remaining = (deadline - System.nanoTime()) / 1e9;
                if (remaining < plan.secondsPerPair(slot.row())) {
                    stop = String.format(Locale.ROOT, "the budget of %s ran out", Progress.format(budgetSeconds));
                    break;
                }
                AbRow row = plan.rows().get(slot.row());
                int next = nextLook(k);
                progress.line(String.format(
                        Locale.ROOT,
                        "[%d pairs] %s elapsed, %s left | %d of %d rows open | round %d/%d%s | %s | %s",
                        run,
                        Progress.format(progress.elapsed()),
                        Progress.format(Math.max(0, remaining)),
                        openRows(),
                        plan.rows().size(),
                        k + 1,
                        plan.pairs(),
                        next > 0 ? ", next look at " + next + " pairs" : "",
                        plan.together(slot.row()) ? "side by side" : slot.baselineFirst() ? "AB" : "BA",
                        row.label()));
                String line = runPair(slot, row, reruns > 0);
                run++;
                if (line.endsWith(RERUN)) {
                    reruns--;
                    queue.addLast(slot);
                }
                progress.advance(plan.secondsPerPair(slot.row()));
                progress.line("        " + line);
            }
            if (stop == null && looksAt.contains(k + 1)) {
                java.util.Set<Integer> now = judge.settled(folder);
                synchronized (this) {
                    settled.addAll(now);
                }
                progress.line(String.format(
                        Locale.ROOT, "look at %d pairs: %d row(s) settled, %d open", k + 1, now.size(), openRows()));
                if (openRows() == 0) {
                    stop = "every row settled";
                }
            }
        }
        synchronized (this) {
            if (!closed) {
                long failedPairs = pairs.stream().filter(p -> !p.finished()).count();
                state = failedPairs == 0 ? "complete" : "incomplete";
                reason = failedPairs == 0 ? stop : failedPairs + " pair(s) failed; see pairs.json and forks/";
                save();
                closed = true;
                releaseReserve();
            }
        }
        return completePairs();
    }

    /**
     * How a pair's line ends when it runs again: at the end of the run, or of its round when the pairs are adaptive.
     */
    private static final String RERUN = "this pair runs again at the end";

    /** Runs one pair and records it; the line ends with {@link #RERUN} when it is to run again. */
    private String runPair(AbPlan.Slot slot, AbRow row, boolean mayRerun) {
        boolean together = plan.together(slot.row());
        ForkRunner.Outcome b;
        ForkRunner.Outcome c;
        if (together) {
            ForkRunner.Outcome[] both = runner.runTogether(row, launch(slot, row, true), launch(slot, row, false));
            b = both[0];
            c = both[1];
        } else {
            ForkRunner.Outcome first = fork(slot, row, slot.baselineFirst());
            ForkRunner.Outcome second = first.done() ? fork(slot, row, !slot.baselineFirst()) : null;
            b = slot.baselineFirst() ? first : second;
            c = slot.baselineFirst() ? second : first;
        }
        double load = b == null || c == null ? Double.NaN : Math.max(b.foreignLoad(), c.foreignLoad());
        boolean rerun;
        synchronized (this) {
            rerun = b != null
                    && b.done()
                    && c != null
                    && c.done()
                    && load > disturbedLoad
                    && mayRerun
                    && attempts[slot.row()][slot.pair()] == 0;
        }
        String line = record(
                slot, row, b, c, rerun ? String.format(Locale.ROOT, "other work kept %.2f CPUs busy", load) : null);
        return rerun ? line + String.format(Locale.ROOT, "; other work kept %.2f CPUs busy: %s", load, RERUN) : line;
    }

    private int nextLook(int round) {
        for (int l : looks) {
            if (l > round) {
                return l;
            }
        }
        return -1;
    }

    private synchronized boolean settledRow(int row) {
        return settled.contains(row);
    }

    /** Rows not settled yet. */
    public synchronized int openRows() {
        return plan.rows().size() - settled.size();
    }

    private ForkRunner.Outcome fork(AbPlan.Slot slot, AbRow row, boolean ofBaseline) {
        ForkRunner.Launch l = launch(slot, row, ofBaseline);
        return runner.run(row, l.jar(), l.jvmArgs(), l.json(), l.log());
    }

    /**
     * One side's fork of a pair: its files, and for a side-by-side row its half of the CPUs (the baseline's is the
     * first half when the coin says baseline first).
     */
    private ForkRunner.Launch launch(AbPlan.Slot slot, AbRow row, boolean ofBaseline) {
        Side side = ofBaseline ? baseline : current;
        int attempt;
        synchronized (this) {
            attempt = attempts[row.index()][slot.pair()] + 1;
        }
        String name = String.format(
                Locale.ROOT,
                "r%02d-p%02d%s-%s",
                row.index(),
                slot.pair(),
                attempt == 1 ? "" : "-a" + attempt,
                ofBaseline ? "baseline" : "current");
        Path dir = folder.resolve(FORKS_DIR);
        return new ForkRunner.Launch(
                side.version().jar(),
                side.jvmArgs(),
                dir.resolve(name + ".json"),
                dir.resolve(name + ".log"),
                plan.together(row.index()) ? cpus(slot, ofBaseline) : null);
    }

    private List<Integer> cpus(AbPlan.Slot slot, boolean ofBaseline) {
        return ofBaseline == slot.baselineFirst()
                ? plan.duet().firstHalf()
                : plan.duet().secondHalf();
    }

    private synchronized String record(
            AbPlan.Slot slot, AbRow row, ForkRunner.Outcome b, ForkRunner.Outcome c, String dropped) {
        if (closed) {
            return "interrupted";
        }
        int attempt = ++attempts[row.index()][slot.pair()];
        String bs = b == null ? "not run" : b.status();
        String cs = c == null ? "not run" : c.status();
        String error = b != null && !b.done()
                ? "baseline: " + b.error()
                : c != null && !c.done() ? "current: " + c.error() : null;
        boolean together = plan.together(row.index());
        pairs.add(new PairsJson.Pair(
                row.index(),
                slot.pair(),
                attempt,
                together ? "together" : slot.baselineFirst() ? "baseline" : "current",
                bs,
                cs,
                load(b),
                load(c),
                dropped,
                error,
                together ? AbPlan.Duet.format(cpus(slot, true)) : null,
                together ? AbPlan.Duet.format(cpus(slot, false)) : null));
        String line;
        if (b != null && b.done() && c != null && c.done()) {
            double bScore = b.result().path("primaryMetric").path("score").asDouble(Double.NaN);
            double cScore = c.result().path("primaryMetric").path("score").asDouble(Double.NaN);
            String unit = b.result().path("primaryMetric").path("scoreUnit").asText("");
            line = String.format(
                    Locale.ROOT,
                    "baseline %.4g, current %.4g %s (%.1f s + %.1f s; other work %.2f + %.2f CPUs)",
                    bScore,
                    cScore,
                    unit,
                    b.seconds(),
                    c.seconds(),
                    b.foreignLoad(),
                    c.foreignLoad());
            if (dropped == null) {
                baseResults[row.index()][slot.pair()] = b.result();
                currentResults[row.index()][slot.pair()] = c.result();
                status[row.index()][slot.pair()] = "done";
            }
        } else {
            status[row.index()][slot.pair()] = "failed";
            rowErrors.putIfAbsent(row.index(), error);
            line = "FAILED: " + error;
        }
        save();
        return line;
    }

    /** Stops the run (Ctrl-C, SIGTERM): the fork in flight is killed and dropped, the finished pairs stay. */
    public void interrupt(String why) {
        runner.stop();
        synchronized (this) {
            if (closed) {
                return;
            }
            state = "incomplete";
            reason = why;
            save();
            closed = true;
            releaseReserve();
        }
    }

    /** Why the run folder could not be written (the run stopped, its last state written with the reserve), or null. */
    public synchronized String writeFailure() {
        return writeFailure;
    }

    private void releaseReserve() {
        if (reserve != null) {
            reserve.release();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int completePairs() {
        return (int) pairs.stream().filter(PairsJson.Pair::complete).count();
    }

    public synchronized int failedPairs() {
        return (int) pairs.stream().filter(p -> !p.finished()).count();
    }

    /** The first failed pair's error, or null. */
    public synchronized String firstError() {
        return pairs.stream()
                .filter(p -> !p.finished())
                .map(PairsJson.Pair::error)
                .findFirst()
                .orElse(null);
    }

    private static Double load(ForkRunner.Outcome o) {
        return o == null || Double.isNaN(o.foreignLoad()) ? null : Math.round(o.foreignLoad() * 1000) / 1000.0;
    }

    public int plannedPairs() {
        return plan.schedule().size();
    }

    /**
     * Rewrites the run folder's files; when that fails (a full disk), the run stops: its state
     * becomes "incomplete" with the reason, written in the space the reserve held.
     */
    private synchronized void save() {
        if (closed) {
            return;
        }
        try {
            saveFiles();
        } catch (UncheckedIOException e) {
            writeFailure = writeFailure != null ? writeFailure : e.getMessage();
            state = "incomplete";
            reason = "stopped: " + writeFailure + "; the pairs before are kept";
            runner.stop(); // the forks end first, so that their logs cannot take the space the reserve gives back
            releaseReserve();
            try {
                saveRunJson(); // the run's status first, in the space the reserve held: it is the smallest file
                saveFiles();
            } catch (UncheckedIOException again) {
                // nothing more can be written; the files keep their last whole state
            }
            closed = true;
            return;
        }
        if (reserve != null) {
            long largest = 0;
            for (String f :
                    new String[] {PairsJson.FILE, PairsJson.BASELINE_JMH, PairsJson.CURRENT_JMH, RunJson.FILE}) {
                largest = Math.max(largest, folder.resolve(f).toFile().length());
            }
            reserve.grow(2 * largest + 8192);
        }
    }

    private void saveFiles() {
        List<PairsJson.Row> rows = plan.rows().stream()
                .map(r -> new PairsJson.Row(
                        r.index(),
                        r.method(),
                        r.params(),
                        r.threadGroups() == null
                                ? r.threads()
                                : java.util.Arrays.stream(r.threadGroups()).sum(),
                        r.groupList(),
                        r.label()))
                .toList();
        new PairsJson(
                        PairsJson.SCHEMA,
                        state,
                        reason,
                        plan.seed(),
                        plan.pairs(),
                        baseline.record(),
                        current.record(),
                        rows,
                        pairs,
                        java.util.Arrays.stream(looks).boxed().toList(),
                        Double.isNaN(budgetSeconds) ? null : budgetSeconds)
                .write(folder.resolve(PairsJson.FILE));
        writeMerged(PairsJson.BASELINE_JMH, baseResults);
        writeMerged(PairsJson.CURRENT_JMH, currentResults);
        saveRunJson();
    }

    /** run.json as the run stands: its status, and which rows are done, failed or missing. */
    private void saveRunJson() {
        List<Integer> done = new ArrayList<>();
        List<RunJson.Failure> failed = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (AbRow r : plan.rows()) {
            long ok = java.util.Arrays.stream(status[r.index()])
                    .filter("done"::equals)
                    .count();
            if (rowErrors.containsKey(r.index())) {
                failed.add(new RunJson.Failure(r.index(), r.label(), rowErrors.get(r.index())));
            } else if (ok == plan.pairs()
                    || settled.contains(r.index())
                    || (judge != null && "complete".equals(state))) {
                // an adaptive row is done when settled, or when the run ended its schedule (budget, last round)
                done.add(r.index());
            } else {
                missing.add(r.index());
            }
        }
        RunJson progress = new RunJson(
                RunJson.SCHEMA,
                state,
                reason,
                null,
                "running".equals(state) ? null : Instant.now().toString(),
                null,
                null,
                "host",
                Math.round(plan.estimateSeconds()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                done,
                failed,
                missing);
        runJson.apply(progress).write(folder.resolve(RunJson.FILE));
    }

    /** Per row, the forks of complete pairs in pair order, with their pair ids (both files list the same pairs). */
    private void writeMerged(String file, JsonNode[][] results) {
        ArrayNode out = Json.array();
        for (AbRow r : plan.rows()) {
            List<JsonNode> forks = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < plan.pairs(); k++) {
                if ("done".equals(status[r.index()][k])) {
                    forks.add(results[r.index()][k]);
                    ids.add(k);
                }
            }
            if (!forks.isEmpty()) {
                out.add(ForkMerge.merge(forks, ids));
            }
        }
        try {
            Json.writeBytes(folder.resolve(file), Json.MAPPER.writeValueAsBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
