package io.counterbench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.jmh.JmhJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one fork of one row from one version's own jar: a JMH invocation with one fork
 * ({@code java FLAGS -jar benchmarks.jar ROW -f 1 ...}), so every measured JVM is a fresh fork
 * of that version, with JMH's usual harness (its forked JVM inherits the flags). The two versions
 * get the same flags and settings; JMH's JSON and console output go to files of the run folder.
 */
public final class ForkRunner {
    private final Path java;
    private final Settings settings;
    private final AtomicReference<Process> running = new AtomicReference<>();
    private volatile boolean stopped;

    /**
     * JMH settings shared by both versions.
     *
     * @param accuracyProfiler add io.counterbench.bench.AccuracyProfiler (both jars have it)
     */
    public record Settings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
                           boolean accuracyProfiler, double timeoutSeconds) {
    }

    /**
     * How one fork ended: "done" with JMH's result object, or "failed" with the first error line.
     *
     * @param foreignLoad CPUs busy with other work while it ran, on average ({@link ForeignLoad}); NaN when unknown
     */
    public record Outcome(String status, JsonNode result, String error, double seconds, double foreignLoad) {
        Outcome(String status, JsonNode result, String error, double seconds) {
            this(status, result, error, seconds, Double.NaN);
        }

        public boolean done() {
            return "done".equals(status);
        }
    }

    public ForkRunner(Path java, Settings settings) {
        this.java = java;
        this.settings = settings;
    }

    /** The command line of one fork (recorded in the run folder's fork log). */
    List<String> command(AbRow row, Path jar, List<String> jvmArgs, Path json) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), row.includeRegex(), "-f", "1",
                "-wi", String.valueOf(settings.warmupIterations()), "-w", settings.warmupMillis() + "ms",
                "-i", String.valueOf(settings.measurementIterations()), "-r", settings.measurementMillis() + "ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString()));
        for (Map.Entry<String, String> p : row.params().entrySet()) {
            cmd.addAll(List.of("-p", p.getKey() + "=" + p.getValue()));
        }
        if (row.threadGroups() != null) {
            cmd.addAll(List.of("-tg", String.join(",", row.groupList().stream().map(String::valueOf).toList())));
        } else {
            cmd.addAll(List.of("-t", String.valueOf(row.threads())));
        }
        if (settings.accuracyProfiler()) {
            cmd.addAll(List.of("-prof", "io.counterbench.bench.AccuracyProfiler"));
        }
        if (row.gcProfiler()) {
            cmd.addAll(List.of("-prof", "gc"));
        }
        return cmd;
    }

    /** Runs the fork; its JSON goes to {@code json}, JMH's console output to {@code log}. */
    public Outcome run(AbRow row, Path jar, List<String> jvmArgs, Path json, Path log) {
        long start = System.nanoTime();
        if (stopped) {
            return new Outcome("interrupted", null, "interrupted", 0);
        }
        List<String> cmd = command(row, jar, jvmArgs, json);
        try {
            Files.writeString(log, "# " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            ForeignLoad load = ForeignLoad.now();
            Process p = pb.start();
            running.set(p);
            boolean finished = p.waitFor((long) Math.ceil(settings.timeoutSeconds()), TimeUnit.SECONDS);
            double foreign = ForeignLoad.since(load);
            running.set(null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!finished) {
                kill(p);
                return new Outcome("failed", null, String.format(Locale.ROOT, "timed out after %.0f s", seconds), seconds);
            }
            if (stopped) {
                return new Outcome("interrupted", null, "interrupted", seconds);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !Files.isRegularFile(json)) {
                return new Outcome("failed", null, firstError(output, p.exitValue()), seconds);
            }
            JsonNode arr = JmhJson.readTree(json);
            if (!arr.isArray() || arr.size() != 1) {
                return new Outcome("failed", null, arr.isArray() && arr.isEmpty() ? firstError(output, p.exitValue())
                        : "JMH wrote " + arr.size() + " results for one row", seconds);
            }
            return new Outcome("done", arr.get(0), null, seconds, foreign);
        } catch (IOException e) {
            running.set(null);
            return new Outcome("failed", null, "cannot run the fork: " + e.getMessage(), (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Outcome("interrupted", null, "interrupted", (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            running.set(null);
            return new Outcome("failed", null, e.getMessage(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** Stops the fork that runs now (JMH's host and its forked JVM) and every later one. */
    public void stop() {
        stopped = true;
        Process p = running.getAndSet(null);
        if (p != null) {
            kill(p);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first line of JMH's output naming an exception or error, else the exit code. */
    static String firstError(String output, int exit) {
        return output.lines()
                .filter(l -> !l.startsWith("#"))
                .filter(l -> l.contains("Exception") || l.contains("Error") || l.contains("error:"))
                .map(String::strip)
                .filter(l -> !l.equals("<failure>"))
                .findFirst()
                .orElse("the fork's JVM exited with " + exit + " and no result");
    }
}
