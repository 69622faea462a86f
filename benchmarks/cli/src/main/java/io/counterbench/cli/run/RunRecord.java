package io.counterbench.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.Reserve;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a run folder's run.json ({@link RunJson}, the format results/ reads) current: the plan, the
 * environment and what became of every plan entry. The file is rewritten (atomically) after every
 * change, so whatever stops the run, it says how far it got: status "running" (the process died
 * without a word), "complete", "incomplete" with the reason and the entries that are missing, or
 * "failed" (an error stopped the run). Disk space for the last rewrite is set aside ({@link Reserve})
 * and released for it, so a full disk still ends the file "incomplete", not "running"; a rewrite
 * that fails on the way stops the run ({@link #writeFailure}) instead of throwing.
 */
public final class RunRecord {
    public static final String SCHEMA = RunJson.SCHEMA;
    private static final Map<String, String> FILES = filesOfARun();

    private final Path file;
    private final Plan plan;
    private final List<String> command;
    private final String started;
    private final RunJson.Profile profile;
    private final List<RunJson.Entry> entries;
    private final Map<Integer, String> outcome = new LinkedHashMap<>();
    private final Map<Integer, String> errors = new LinkedHashMap<>();
    private String status = "running";
    private String reason;
    private String finished;
    private JsonNode environment;
    private RunJson.HostTopology hostTopology;
    private JsonNode jmh;
    private JsonNode cpuLookup;
    private JsonNode asyncProfiler;
    private JsonNode procStat;
    private String label;
    private RunJson.Provenance provenance;
    private boolean closed;
    private Reserve reserve;
    private String writeFailure;

    public RunRecord(Path folder, Plan plan, List<String> args, Instant started) {
        this.file = folder.resolve(RunJson.FILE);
        this.plan = plan;
        this.command = List.copyOf(args);
        this.started = started.toString();
        Profile p = plan.profile();
        this.profile = new RunJson.Profile(
                p.label(),
                p.warmupIterations,
                p.warmupMillis,
                p.measurementIterations,
                p.measurementMillis,
                plan.forksPerRow());
        this.entries = plan.entries().stream().map(RunRecord::entry).toList();
    }

    private static Map<String, String> filesOfARun() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jmh", "jmh.json");
        m.put("footprint", "footprint.json");
        m.put("log", "jmh.log");
        return m;
    }

    private static RunJson.Entry entry(PlanEntry e) {
        return new RunJson.Entry(
                e.index(),
                Plan.PACKAGE + "." + e.benchmark(),
                e.methods(),
                e.params(),
                e.totalThreads(),
                e.threadGroups() == null
                        ? null
                        : Arrays.stream(e.threadGroups()).boxed().toList(),
                Math.round(e.estimateSeconds() * 10) / 10.0);
    }

    /** Writes run.json now ("running") and sets disk space aside for its last rewrite. */
    public synchronized void begin() {
        if (closed) {
            return; // a signal's handler closed the record first: no reserve to leave behind
        }
        reserve = Reserve.take(file.getParent(), 32 * 1024);
        save();
    }

    /** Why a rewrite of run.json failed (the run should stop), or null. */
    public synchronized String writeFailure() {
        return writeFailure;
    }

    /** The machine the run measures (see EnvironmentJson). */
    public synchronized void environment(JsonNode value) {
        environment = value;
        save();
    }

    public synchronized void hostTopology(RunJson.HostTopology value) {
        hostTopology = value;
        save();
    }

    /** The name the user gave the run (null: none). */
    public synchronized void label(String value) {
        label = value;
        save();
    }

    /** What exactly the run measures: counterbench's commit, the jars' digests, the JVM. */
    public synchronized void provenance(RunJson.Provenance value) {
        provenance = value;
        save();
    }

    /** JMH's version and settings for every fork. */
    public synchronized void jmh(JsonNode value) {
        jmh = value;
        save();
    }

    /** How the benchmark threads find their CPU in each cpu mode (rseq's cpu_id or sched_getcpu, and why). */
    public synchronized void cpuLookup(JsonNode value) {
        cpuLookup = value;
        save();
    }

    public synchronized void asyncProfiler(JsonNode value) {
        asyncProfiler = value;
        save();
    }

    /** The /proc/stat deltas over the run (see EnvironmentJson). */
    public synchronized void procStat(JsonNode value) {
        procStat = value;
        save();
    }

    public synchronized void finished(PlanEntry e) {
        outcome.put(e.index(), "done");
        save();
    }

    public synchronized void failed(PlanEntry e, String error) {
        outcome.put(e.index(), "failed");
        errors.put(e.index(), error);
        save();
    }

    public synchronized int doneCount() {
        return (int) outcome.values().stream().filter("done"::equals).count();
    }

    public synchronized int failedCount() {
        return errors.size();
    }

    /** The failed entries, in plan order: "label: first error line". */
    public synchronized List<String> failures() {
        return plan.entries().stream()
                .filter(e -> errors.containsKey(e.index()))
                .map(e -> e.label() + ": " + errors.get(e.index()))
                .toList();
    }

    /** Marks the run complete (every entry ran; some may have failed) and writes the final file. */
    public synchronized void complete() {
        if (closed) {
            return;
        }
        status = errors.isEmpty() ? "complete" : "incomplete";
        if (!errors.isEmpty()) {
            reason = errors.size() + " benchmark run(s) failed; see failed[] and jmh.log";
        }
        close();
    }

    /** Marks the run incomplete (interrupted, or an error stopped it) and writes the final file. */
    public synchronized void incomplete(String why) {
        end("incomplete", why);
    }

    /** Marks the run failed (an error of the suite stopped it, not a benchmark) and writes the final file. */
    public synchronized void failed(String why) {
        end("failed", why);
    }

    private void end(String how, String why) {
        if (closed) {
            return;
        }
        status = how;
        reason = writeFailure != null && why == null ? writeFailure : why;
        close();
    }

    public synchronized boolean closed() {
        return closed;
    }

    private void close() {
        finished = Instant.now().toString();
        if (writeFailure != null && "complete".equals(status)) {
            status = "incomplete";
            reason = "cannot write run.json: " + writeFailure;
        }
        if (!write() && reserve != null && reserve.release()) {
            write(); // the space set aside for this last word
        }
        if (reserve != null) {
            reserve.release();
        }
        closed = true;
    }

    /** run.json as it stands. */
    synchronized RunJson snapshot() {
        List<Integer> done = new ArrayList<>();
        List<RunJson.Failure> failed = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            String o = outcome.get(e.index());
            if ("done".equals(o)) {
                done.add(e.index());
            } else if ("failed".equals(o)) {
                failed.add(new RunJson.Failure(e.index(), e.label(), errors.get(e.index())));
            } else {
                missing.add(e.index());
            }
        }
        return new RunJson(
                SCHEMA,
                status,
                reason,
                started,
                finished,
                command,
                profile,
                plan.topology(),
                Math.round(plan.estimateSeconds()),
                entries,
                FILES,
                environment,
                hostTopology,
                jmh,
                cpuLookup,
                asyncProfiler,
                procStat,
                done,
                failed,
                missing,
                label,
                provenance);
    }

    private void save() {
        if (closed) {
            return;
        }
        if (write() && reserve != null) {
            try {
                reserve.grow(2 * java.nio.file.Files.size(file) + 8192);
            } catch (java.io.IOException ignored) {
                // the reserve stays as it is
            }
        }
    }

    /** Rewrites run.json; false (and the reason kept) when it cannot. */
    private boolean write() {
        try {
            snapshot().write(file);
            return true;
        } catch (java.io.UncheckedIOException e) {
            if (writeFailure == null) {
                writeFailure = e.getMessage();
            }
            return false;
        }
    }
}
