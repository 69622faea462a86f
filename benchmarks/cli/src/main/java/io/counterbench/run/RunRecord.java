package io.counterbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run.json of one run folder: the plan, the environment and what became of every plan entry. It is
 * rewritten (atomically) after every entry, so whatever stops the run, the file says how far it got:
 * status "running" (the process died without a word), "complete", or "incomplete" with the reason
 * and the entries that are missing.
 */
public final class RunRecord {
    public static final String SCHEMA = "counterbench-run/1";

    private final Path file;
    private final Plan plan;
    private final ObjectNode root = Json.object();
    private final Map<Integer, String> outcome = new LinkedHashMap<>();
    private final Map<Integer, String> errors = new LinkedHashMap<>();
    private boolean closed;

    public RunRecord(Path folder, Plan plan, List<String> args, Instant started) {
        this.file = folder.resolve("run.json");
        this.plan = plan;
        root.put("schema", SCHEMA);
        root.put("status", "running");
        root.put("started", started.toString());
        root.putNull("finished");
        ArrayNode cmd = root.putArray("command");
        args.forEach(cmd::add);
        ObjectNode p = root.putObject("profile");
        Profile pr = plan.profile();
        p.put("name", pr.label());
        p.put("warmupIterations", pr.warmupIterations);
        p.put("warmupMillis", pr.warmupMillis);
        p.put("measurementIterations", pr.measurementIterations);
        p.put("measurementMillis", pr.measurementMillis);
        p.put("forks", pr.forks);
        root.put("topology", plan.topology());
        root.put("estimateSeconds", Math.round(plan.estimateSeconds()));
        ArrayNode entries = root.putArray("plan");
        for (PlanEntry e : plan.entries()) {
            ObjectNode n = entries.addObject();
            n.put("index", e.index());
            n.put("benchmark", Plan.PACKAGE + "." + e.benchmark());
            ArrayNode m = n.putArray("methods");
            e.methods().forEach(m::add);
            ObjectNode params = n.putObject("params");
            e.params().forEach(params::put);
            n.put("threads", e.totalThreads());
            if (e.threadGroups() != null) {
                ArrayNode tg = n.putArray("threadGroups");
                for (int g : e.threadGroups()) {
                    tg.add(g);
                }
            }
            n.put("estimateSeconds", Math.round(e.estimateSeconds() * 10) / 10.0);
        }
        ObjectNode files = root.putObject("files");
        files.put("jmh", "jmh.json");
        files.put("footprint", "footprint.json");
        files.put("log", "jmh.log");
    }

    /** Adds a section (environment, procStat, jmh settings). */
    public synchronized void put(String key, JsonNode value) {
        root.set(key, value);
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

    /** Marks the run complete (every entry ran; some may have failed) and writes the final file. */
    public synchronized void complete() {
        if (closed) {
            return;
        }
        root.put("status", errors.isEmpty() ? "complete" : "incomplete");
        if (!errors.isEmpty()) {
            root.put("reason", errors.size() + " benchmark run(s) failed; see failed[] and jmh.log");
        }
        close();
    }

    /** Marks the run incomplete (interrupted, or an error stopped it) and writes the final file. */
    public synchronized void incomplete(String reason) {
        if (closed) {
            return;
        }
        root.put("status", "incomplete");
        root.put("reason", reason);
        close();
    }

    public synchronized boolean closed() {
        return closed;
    }

    private void close() {
        root.put("finished", Instant.now().toString());
        save();
        closed = true;
    }

    private void save() {
        if (closed) {
            return;
        }
        ArrayNode done = root.putArray("completed");
        ArrayNode failed = root.putArray("failed");
        ArrayNode missing = root.putArray("missing");
        for (PlanEntry e : plan.entries()) {
            String o = outcome.get(e.index());
            if ("done".equals(o)) {
                done.add(e.index());
            } else if ("failed".equals(o)) {
                ObjectNode f = failed.addObject();
                f.put("index", e.index());
                f.put("label", e.label());
                f.put("error", errors.get(e.index()));
            } else {
                missing.add(e.index());
            }
        }
        Json.write(file, root);
    }
}
