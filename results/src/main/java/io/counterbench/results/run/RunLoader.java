package io.counterbench.results.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Range;
import io.counterbench.inputs.UnusableFileException;
import io.counterbench.results.InputException;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.json.JsonFields;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a run folder or a bare JMH JSON file into a {@link RunInput}; bad input is an
 * {@link InputException}. A run folder's run.json and jmh.json are read when they exist in any form
 * (a directory or a fifo named run.json is refused, not taken for a missing file).
 */
public final class RunLoader {
    public static final String JMH_FILE = "jmh.json";
    public static final String RUN_FILE = "run.json";
    static final String RUN_SCHEMA = "counterbench-run/1";
    /** Forks, iterations and milliseconds of run.json's profile. */
    static final Range PROFILE_NUMBER = new Range("a profile's fork, iteration or millisecond count", 0, Integer.MAX_VALUE);

    private RunLoader() {
    }

    public static List<RunInput> loadAll(List<Path> paths) {
        return paths.stream().map(RunLoader::load).toList();
    }

    public static RunInput load(Path path) {
        if (path.toString().isEmpty()) {
            throw new InputException("'': an empty path names no run folder or file");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw InputException.of(path, "no such run folder or file");
        }
        if (Files.isDirectory(path)) {
            return loadFolder(path);
        }
        List<JmhResult> results;
        try {
            results = JmhJson.read(path);
        } catch (InputException e) {
            JsonNode n = e.getCause() instanceof UnusableFileException ? null : quietTree(path);
            if (n != null && n.isObject() && n.has("schema") && n.get("schema").asText().startsWith("counterbench-run")) {
                throw InputException.of(path, "this is a run record, not JMH's JSON: pass its folder " + path.toAbsolutePath().getParent());
            }
            throw e;
        }
        return new RunInput(path, null, path, results, null, null, List.of());
    }

    private static RunInput loadFolder(Path folder) {
        Path jmh = folder.resolve(JMH_FILE);
        Path runFile = folder.resolve(RUN_FILE);
        JsonNode run = Files.exists(runFile, LinkOption.NOFOLLOW_LINKS) ? runJson(runFile) : null;
        if (!Files.exists(jmh, LinkOption.NOFOLLOW_LINKS)) {
            throw InputException.of(folder, "no " + JMH_FILE + " in this folder" + (run == null ? " (and no run.json: not a run folder?)" : statusHint(run)));
        }
        List<JmhResult> results = JmhJson.read(jmh);
        List<String> notes = new ArrayList<>();
        Machine machine = null;
        String status = null;
        if (run == null) {
            notes.add(folder.getFileName() + ": no run.json, so the machine is unknown");
        } else {
            machine = Machine.fromRunJson(runFile, run);
            if (machine == null) {
                notes.add(folder.getFileName() + ": run.json has no environment, so the machine is unknown");
            }
            status = run.path("status").asText(null);
            if (status != null && !status.equals("complete")) {
                String reason = run.path("reason").asText("");
                notes.add(folder.getFileName() + ": run status " + status + (reason.isEmpty() ? "" : " (" + reason + ")"));
            }
            int failed = run.path("failed").size();
            int missing = run.path("missing").size();
            if (failed > 0) {
                notes.add(folder.getFileName() + ": " + failed + " benchmark run(s) failed: " + firstError(run));
            }
            if (missing > 0) {
                notes.add(folder.getFileName() + ": " + missing + " planned benchmark run(s) never ran");
            }
        }
        return new RunInput(folder, folder, jmh, results, machine, status, notes);
    }

    private static JsonNode runJson(Path file) {
        JsonNode n = JmhJson.readTree(file);
        if (!n.isObject()) {
            throw InputException.of(file, "not a counterbench run record: expected an object");
        }
        String schema = n.path("schema").asText("");
        if (!n.path("schema").isTextual() || !schema.startsWith("counterbench-run/")) {
            throw InputException.of(file, "not a counterbench run record: schema is " + JsonFields.show(n.path("schema"))
                    + ", expected \"" + RUN_SCHEMA + "\"");
        }
        JsonFields.text(file, "", n, "status");
        JsonFields.text(file, "", n, "reason");
        for (String list : List.of("completed", "failed", "missing")) {
            JsonFields.array(file, "", n, list);
        }
        JsonNode profile = JsonFields.object(file, "", n, "profile");
        if (profile != null) {
            for (String field : List.of("forks", "warmupIterations", "warmupMillis", "measurementIterations", "measurementMillis")) {
                JsonFields.whole(file, "profile.", profile, field, PROFILE_NUMBER, 0);
            }
        }
        return n;
    }

    private static String statusHint(JsonNode run) {
        String status = run.path("status").asText("unknown");
        int failed = run.path("failed").size();
        int done = run.path("completed").size();
        String s = " (run.json: status " + status + ", " + done + " completed, " + failed + " failed";
        if (failed > 0) {
            s += ": " + firstError(run);
        }
        return s + ")";
    }

    private static String firstError(JsonNode run) {
        JsonNode f = run.path("failed").path(0);
        String e = f.path("error").asText("");
        return e.isEmpty() ? f.path("label").asText("") : e;
    }

    private static JsonNode quietTree(Path p) {
        try {
            return JmhJson.readTree(p);
        } catch (InputException e) {
            return null;
        }
    }
}
