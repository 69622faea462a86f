package io.counterbench.cli.ab;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fork of one row from one version's own jar: a JMH invocation with one fork
 * ({@code java FLAGS -jar benchmarks.jar ROW -f 1 ...}), so every measured JVM is a fresh fork
 * of that version, with JMH's usual harness (its forked JVM inherits the flags). The two versions
 * get the same flags and settings; JMH's JSON and console output go to files of the run folder.
 */
public final class ForkRunner {
    private final Path java;
    private final Settings settings;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * JMH settings shared by both versions.
     *
     * @param accuracyProfiler add io.counterbench.bench.AccuracyProfiler (both jars have it)
     */
    public record Settings(
            int warmupIterations,
            int warmupMillis,
            int measurementIterations,
            int measurementMillis,
            boolean accuracyProfiler,
            double timeoutSeconds) {}

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
        // host and fork end with ab, SIGKILL included (the fork inherits it)
        cmd.add(io.counterbench.cli.watch.ParentWatchJar.jvmArg());
        cmd.addAll(List.of(
                "-jar",
                jar.toString(),
                row.includeRegex(),
                "-f",
                "1",
                "-wi",
                String.valueOf(settings.warmupIterations()),
                "-w",
                settings.warmupMillis() + "ms",
                "-i",
                String.valueOf(settings.measurementIterations()),
                "-r",
                settings.measurementMillis() + "ms",
                "-foe",
                "true",
                "-rf",
                "json",
                "-rff",
                json.toString()));
        for (Map.Entry<String, String> p : row.params().entrySet()) {
            cmd.addAll(List.of("-p", p.getKey() + "=" + p.getValue()));
        }
        if (row.threadGroups() != null) {
            cmd.addAll(List.of(
                    "-tg",
                    String.join(
                            ",", row.groupList().stream().map(String::valueOf).toList())));
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
        ForeignLoad load = ForeignLoad.now();
        Started f = start(row, jar, jvmArgs, json, log, null);
        return finish(f, load);
    }

    /** One fork's launch: what to run, under which CPUs. */
    public record Launch(Path jar, List<String> jvmArgs, Path json, Path log, List<Integer> cpus) {}

    /**
     * Runs two forks of one row at the same time, each confined to its own CPUs ({@code taskset -c}:
     * the JMH host, its forked JVM, their JIT and GC threads), so that whatever else disturbs the
     * machine meanwhile disturbs both (duet benchmarking, Bulej et al. 2020). Both outcomes carry
     * the pair's foreign load: the machine's busy time minus both forks' own, over the pair's wall time.
     */
    public Outcome[] runTogether(AbRow row, Launch a, Launch b) {
        ForeignLoad load = ForeignLoad.now();
        Started fa = start(row, a.jar(), a.jvmArgs(), a.json(), a.log(), a.cpus());
        Started fb = start(row, b.jar(), b.jvmArgs(), b.json(), b.log(), b.cpus());
        Outcome oa = finish(fa, null);
        Outcome ob = finish(fb, null);
        double foreign = ForeignLoad.since(load);
        return new Outcome[] {withLoad(oa, foreign), withLoad(ob, foreign)};
    }

    private static Outcome withLoad(Outcome o, double load) {
        return o.done() ? new Outcome(o.status(), o.result(), o.error(), o.seconds(), load) : o;
    }

    /** A fork started (or one that could not start: {@code process} null and {@code error} set). */
    private record Started(Process process, Path json, Path log, long startNanos, String error) {}

    private Started start(AbRow row, Path jar, List<String> jvmArgs, Path json, Path log, List<Integer> cpus) {
        long start = System.nanoTime();
        if (stopped) {
            return new Started(null, json, log, start, "interrupted");
        }
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", AbPlan.Duet.format(cpus)));
        }
        cmd.addAll(command(row, jar, jvmArgs, json));
        try {
            Files.writeString(log, "# " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process p = pb.start();
            running.add(p);
            if (stopped) { // stop() ran between the check above and add(): it did not see this process
                kill(p);
            }
            return new Started(p, json, log, start, null);
        } catch (IOException e) {
            return new Started(null, json, log, start, "cannot run the fork: " + e.getMessage());
        }
    }

    /** Waits for a started fork; {@code load} non-null measures the foreign load from then on. */
    private Outcome finish(Started f, ForeignLoad load) {
        if (f.process() == null) {
            String status = "interrupted".equals(f.error()) ? "interrupted" : "failed";
            return new Outcome(status, null, f.error(), (System.nanoTime() - f.startNanos()) / 1e9);
        }
        Process p = f.process();
        try {
            long left =
                    (long) Math.ceil(settings.timeoutSeconds()) * 1_000_000_000L - (System.nanoTime() - f.startNanos());
            boolean finished = p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS);
            double foreign = load == null ? Double.NaN : ForeignLoad.since(load);
            running.remove(p);
            double seconds = (System.nanoTime() - f.startNanos()) / 1e9;
            if (!finished) {
                kill(p);
                return new Outcome(
                        "failed", null, String.format(Locale.ROOT, "timed out after %.0f s", seconds), seconds);
            }
            if (stopped) {
                return new Outcome("interrupted", null, "interrupted", seconds);
            }
            String output = Files.readString(f.log(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !Files.isRegularFile(f.json())) {
                return new Outcome("failed", null, firstError(output, p.exitValue()), seconds);
            }
            JsonNode arr = JmhJson.readTree(f.json());
            if (!arr.isArray() || arr.size() != 1) {
                return new Outcome(
                        "failed",
                        null,
                        arr.isArray() && arr.isEmpty()
                                ? firstError(output, p.exitValue())
                                : "JMH wrote " + arr.size() + " results for one row",
                        seconds);
            }
            return new Outcome("done", arr.get(0), null, seconds, foreign);
        } catch (IOException e) {
            running.remove(p);
            return new Outcome(
                    "failed",
                    null,
                    "cannot read the fork's output: " + e.getMessage(),
                    (System.nanoTime() - f.startNanos()) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Outcome("interrupted", null, "interrupted", (System.nanoTime() - f.startNanos()) / 1e9);
        } catch (RuntimeException e) {
            running.remove(p);
            return new Outcome("failed", null, e.getMessage(), (System.nanoTime() - f.startNanos()) / 1e9);
        }
    }

    /** Whether forks can be confined to CPUs here: Linux with taskset (util-linux) on the PATH. */
    public static boolean canConfine() {
        return Executables.found("taskset");
    }

    /** Stops the forks that run now (JMH's hosts and their forked JVMs) and every later one. */
    public void stop() {
        stopped = true;
        for (Process p : List.copyOf(running)) {
            running.remove(p);
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
