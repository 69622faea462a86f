package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.AtomicFile;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.RunFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation's one output file, simulation.json, and its one writer: the run's own thread when it
 * finishes ("status": "complete"), or a signal's handler that comes first and keeps the scenarios
 * finished so far ("status": "incomplete", with "reason" and "scenarios_missing"). Whoever writes
 * first writes; the other writes nothing.
 */
public final class SimulationFile {
    public static final String NAME = "simulation.json";
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";

    private final List<ScenarioReport> done = new ArrayList<>();
    private Simulation.Request request;
    private List<String> planned = List.of();
    private Path folder;
    private Instant started;
    private long startNanos;
    private boolean written;
    private String reason;
    private Path completeFile;

    /** The run began: what it plans, and where its file goes (null: a new folder under results/runs). */
    synchronized void start(Simulation.Request r, List<String> scenarios, Path out, Instant at, long nanos) {
        request = r;
        planned = List.copyOf(scenarios);
        folder = out;
        started = at;
        startNanos = nanos;
    }

    /** A scenario finished: kept if a signal comes. */
    synchronized void finished(ScenarioReport r) {
        done.add(r);
    }

    /** The run's own file, complete; null when a signal's handler wrote (or writes) the file instead. */
    synchronized Path complete(ObjectNode json) {
        if (written) {
            return null;
        }
        written = true;
        json.put("status", COMPLETE);
        completeFile = write(json);
        return completeFile;
    }

    /** The complete file the run wrote, or null (not yet, or a signal came first). */
    public synchronized Path completeFile() {
        return completeFile;
    }

    /**
     * On SIGINT/SIGTERM: simulation.json with the scenarios finished so far, marked incomplete for
     * {@code why}; null when there is nothing to keep (no scenario finished) or the run wrote its file first.
     */
    public synchronized Path interrupted(String why) {
        if (written || request == null || done.isEmpty()) {
            written = true;
            return null;
        }
        written = true;
        List<String> missing = new ArrayList<>(planned);
        done.forEach(r -> missing.remove(r.name()));
        reason = why + " after " + done.size() + " of " + planned.size() + " scenarios"
                + (missing.isEmpty() ? ", before the simulator's speed was measured" : "");
        long failures = done.stream().mapToLong(ScenarioReport::failures).sum();
        ObjectNode json = Simulation.document(request, done, failures);
        json.put("status", INCOMPLETE);
        json.put("reason", reason);
        missing.forEach(json.putArray("scenarios_missing")::add);
        ObjectNode timing = json.putObject("timing");
        timing.put("started", started.toString());
        timing.put("wall_s", Json.round((System.nanoTime() - startNanos) / 1e9));
        Simulation.machine(json);
        return write(json);
    }

    /** Why the file is incomplete, once {@link #interrupted} wrote it. */
    public synchronized String reason() {
        return reason;
    }

    private Path write(ObjectNode json) {
        Path dir = folder != null ? folder : RunFolders.create(RunFolders.defaultRoot(), started);
        Path file = RunFolders.newFile(dir, NAME);
        try {
            AtomicFile.writeString(file, Json.MAPPER.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + io.counterbench.inputs.IoReasons.of(e), e);
        }
        return file;
    }
}
