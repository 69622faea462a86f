package io.counterbench.results.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.UnusableFileException;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a run folder or a bare JMH JSON file into a {@link RunInput}; bad input is an
 * {@link InputException}. A run folder's run.json and jmh.json are read when they exist in any form
 * (a directory or a fifo named run.json is refused, not taken for a missing file).
 */
public final class RunLoader {
    public static final String JMH_FILE = "jmh.json";
    public static final String RUN_FILE = RunJson.FILE;

    private RunLoader() {}

    public static List<RunInput> loadAll(List<Path> paths) {
        return paths.stream().map(RunLoader::load).toList();
    }

    /**
     * For a report: like {@link #loadAll}, but a run folder without jmh.json that holds a
     * latency.json loads too (with no JMH results), so the report can draw it.
     */
    public static List<RunInput> loadAllForReport(List<Path> paths) {
        return paths.stream().map(p -> load(p, true)).toList();
    }

    public static RunInput load(Path path) {
        return load(path, false);
    }

    private static RunInput load(Path path, boolean forReport) {
        if (path.toString().isEmpty()) {
            throw new InputException("'': an empty path names no run folder or file");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw InputException.of(path, "no such run folder or file");
        }
        if (Files.isDirectory(path)) {
            return loadFolder(path, forReport);
        }
        List<JmhResult> results;
        try {
            results = JmhJson.read(path);
        } catch (InputException e) {
            JsonNode n = e.getCause() instanceof UnusableFileException ? null : quietTree(path);
            if (RunJson.isRunRecord(n)) {
                throw InputException.of(
                        path,
                        "this is a run record, not JMH's JSON: pass its folder "
                                + path.toAbsolutePath().getParent());
            }
            throw e;
        }
        return new RunInput(path, null, path, results, null, null, List.of());
    }

    private static RunInput loadFolder(Path folder, boolean forReport) {
        Path jmh = folder.resolve(JMH_FILE);
        Path runFile = folder.resolve(RUN_FILE);
        RunJson run = Files.exists(runFile, LinkOption.NOFOLLOW_LINKS) ? RunJson.read(runFile) : null;
        Path latency = folder.resolve(LatencyJson.FILE);
        if (forReport
                && !Files.exists(jmh, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(latency, LinkOption.NOFOLLOW_LINKS)) {
            LatencyRun l = LatencyJson.read(latency);
            Machine machine = run != null
                    ? Machine.fromRunJson(run)
                    : new Machine(
                            l.cpuModel().isEmpty() ? null : l.cpuModel(),
                            -1,
                            -1,
                            Map.of(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            l.host().isEmpty() ? null : l.host());
            return new RunInput(folder, folder, null, List.of(), machine, run, List.of());
        }
        if (!Files.exists(jmh, LinkOption.NOFOLLOW_LINKS)) {
            throw InputException.of(
                    folder,
                    "no " + JMH_FILE + " in this folder"
                            + (run == null ? " (and no run.json: not a run folder?)" : statusHint(run)));
        }
        List<JmhResult> results = JmhJson.read(jmh);
        List<String> notes = new ArrayList<>();
        Machine machine = null;
        if (run == null) {
            notes.add(folder.getFileName() + ": no run.json, so the machine is unknown");
        } else {
            machine = Machine.fromRunJson(run);
            if (machine == null) {
                notes.add(folder.getFileName() + ": run.json has no environment, so the machine is unknown");
            }
            String status = run.status();
            if (status != null && !status.equals("complete")) {
                String reason = run.reason() == null ? "" : run.reason();
                notes.add(folder.getFileName() + ": run status " + status
                        + (reason.isEmpty() ? "" : " (" + reason + ")"));
            }
            if (!run.failed().isEmpty()) {
                notes.add(folder.getFileName() + ": " + run.failed().size() + " benchmark run(s) failed: "
                        + run.firstError());
            }
            if (!run.missing().isEmpty()) {
                notes.add(folder.getFileName() + ": " + run.missing().size() + " planned benchmark run(s) never ran");
            }
        }
        return new RunInput(folder, folder, jmh, results, machine, run, notes);
    }

    private static String statusHint(RunJson run) {
        String status = run.status() == null ? "unknown" : run.status();
        String s = " (run.json: status " + status + ", " + run.completed().size() + " completed, "
                + run.failed().size() + " failed";
        if (!run.failed().isEmpty()) {
            s += ": " + run.firstError();
        }
        return s + ")";
    }

    private static JsonNode quietTree(Path p) {
        try {
            return JmhJson.readTree(p);
        } catch (InputException e) {
            return null;
        }
    }
}
