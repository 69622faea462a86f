package io.counterbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.cli.env.AsyncProfilerSupport;
import io.counterbench.cli.env.Environment;
import io.counterbench.cli.env.EnvironmentJson;
import io.counterbench.cli.env.ProcStat;
import io.counterbench.cli.env.ProvenanceCapture;
import io.counterbench.cli.run.ExtraProfiler;
import io.counterbench.cli.run.Plan;
import io.counterbench.cli.run.PlanEntry;
import io.counterbench.cli.run.RunExecutor;
import io.counterbench.cli.run.RunRecord;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.CpuId;
import io.counterbench.results.run.FootprintJson;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.RunFolders;
import io.counterbench.topology.Level;
import io.counterbench.topology.Rseq;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * run's plain API: a plan run into a new run folder (run.json, jmh.json, footprint.json, jmh.log,
 * profiles/), with the environment, provenance and JMH settings recorded, then its summary and
 * report. It parses no flag; {@link RunCommand} plans and calls it.
 */
final class RunSession {
    private RunSession() {}

    /**
     * What a run records besides its plan: async-profiler (and its options from --prof async:...),
     * JMH's other profilers, the run's label (null: none), the counter jars and the command line.
     */
    record Settings(
            boolean async,
            String asyncOptions,
            List<ExtraProfiler> jmhProfilers,
            String label,
            List<Path> counterJars,
            List<String> command) {

        /**
         * async-profiler when asked for by --async-profiler or --prof async[:OPTIONS]; JMH runs the other profilers.
         */
        static Settings of(
                boolean asyncProfiler,
                List<ExtraProfiler> profilers,
                String label,
                List<Path> counterJars,
                List<String> command) {
            return new Settings(
                    asyncProfiler || profilers.stream().anyMatch(ExtraProfiler::isAsync),
                    profilers.stream()
                            .filter(ExtraProfiler::isAsync)
                            .map(ExtraProfiler::options)
                            .filter(o -> !o.isEmpty())
                            .collect(java.util.stream.Collectors.joining(";")),
                    profilers.stream().filter(x -> !x.isAsync()).toList(),
                    label,
                    counterJars,
                    command);
        }
    }

    /** Runs the plan into a new folder under {@code root}; the interrupt handling is armed before the folder exists. */
    static int run(
            Plan plan, Path root, Settings settings, Interrupts interrupts, PrintWriter stdout, PrintWriter err) {
        Instant start = Instant.now();
        ProcStat before = ProcStat.read();
        Path folder = RunFolders.create(root, start);
        RunRecord record = new RunRecord(folder, plan, new ArrayList<>(settings.command()), start);
        interrupts.on(() -> {
            record.procStat(EnvironmentJson.procStat(ProcStat.between(before, ProcStat.read())));
            record.incomplete("interrupted (SIGINT/SIGTERM) after " + record.doneCount() + " of "
                    + plan.entries().size() + " benchmark runs");
            err.println();
            err.println("interrupted: " + record.doneCount() + " of "
                    + plan.entries().size()
                    + " benchmark runs finished; their results are kept in " + folder
                    + " (run.json says what is missing)");
            err.flush();
        });
        List<RunResult> results;
        RunExecutor executor;
        try {
            record.begin();
            stdout.println("run folder: " + folder);
            stdout.flush();
            Environment env = Environment.capture();
            record.environment(EnvironmentJson.environment(env));
            record.label(settings.label());
            record.provenance(
                    ProvenanceCapture.capture(RunFolders.home(), measuredJars(settings.counterJars()), env.jvmArgs()));
            record.hostTopology(hostTopology(TopologySources.load("host")));
            record.jmh(jmhJson(env, plan, settings.jmhProfilers()));
            record.cpuLookup(cpuLookupJson());
            String asyncSpec =
                    settings.async() ? asyncProfilerSpec(folder, err, record, settings.asyncOptions()) : null;
            writeFootprint(folder, err);
            executor = new RunExecutor(plan, folder, record, err, asyncSpec, settings.jmhProfilers());
            results = executor.run();
        } catch (RuntimeException e) {
            interrupts.off();
            record.failed("stopped by an error: " + Main.oneLine(e));
            throw e;
        }
        if (executor.writeFailure() != null) {
            interrupts.off();
            record.incomplete(
                    "cannot write results: " + executor.writeFailure() + "; the results before this one are kept");
            throw new UsageException("cannot write to the run folder " + folder + ": " + executor.writeFailure() + "; "
                    + record.doneCount() + " finished results are kept there and run.json says what is missing");
        }
        ProcStat.Delta load = ProcStat.between(before, ProcStat.read());
        interrupts.off();
        record.procStat(EnvironmentJson.procStat(load));
        record.complete();
        stdout.println();
        stdout.println("Summary (" + plan.profile().label() + " profile, " + results.size() + " results, "
                + plan.forksPerRow()
                + " fork(s) per row; the tables of report.md):");
        printSummary(folder, stdout);
        writeReport(folder, stdout);
        if (record.failedCount() > 0) {
            stdout.println(record.failedCount()
                    + " benchmark run(s) failed (the others ran; run.json and jmh.log have the details):");
            record.failures().forEach(f -> stdout.println("  FAILED " + f));
            return ExitCodes.CHECK_FAILED;
        }
        if (load.available() && load.noisyVm()) {
            stdout.printf(
                    "note: %.1f%% steal time during the run: a noisy VM; compare ratios, not absolute " + "numbers.%n",
                    load.stealPercent());
        }
        stdout.println("results: " + folder);
        return ExitCodes.OK;
    }

    /** The jars whose code the forks run: the CLI's own (benchmarks and counters) and every --counter-jar. */
    private static List<ProvenanceCapture.JarRole> measuredJars(List<Path> counterJars) {
        List<ProvenanceCapture.JarRole> jars = new ArrayList<>();
        Path cli = ProvenanceCapture.cliJar();
        if (cli != null) {
            jars.add(new ProvenanceCapture.JarRole("cli", cli));
        }
        counterJars.forEach(j -> jars.add(new ProvenanceCapture.JarRole("counter-jar", j)));
        return jars;
    }

    /** The benchmark tables of report.md, as text, from the run's jmh.json (nothing when no benchmark finished). */
    private static void printSummary(Path folder, PrintWriter stdout) {
        try {
            stdout.print(io.counterbench.results.Reports.summary(folder));
        } catch (IllegalArgumentException e) {
            stdout.println("no summary: " + e.getMessage());
        }
        stdout.flush();
    }

    /** How this machine's threads find their CPU: the same in the forks, which run this JVM with the same flags. */
    private static ObjectNode cpuLookupJson() {
        ObjectNode n = Json.object();
        CpuId h = CpuId.ofCurrentThread();
        n.put("handle", h.lookup());
        n.put("add", "CpuId.current(): the thread's handle from a table by thread id, then " + h.lookup());
        n.put("known", "the CPU the benchmark pinned the thread to; no lookup");
        if (Rseq.unavailableReason() == null) {
            n.put("rseqOffset", Rseq.offset());
        } else {
            n.put("rseqUnavailable", Rseq.unavailableReason());
        }
        return n;
    }

    /**
     * The run's report (report.md, report.csv, report.html, charts/) in its own folder; a run with no results
     * gets a note.
     */
    private static void writeReport(Path folder, PrintWriter stdout) {
        try {
            List<Path> written = io.counterbench.results.Reports.write(List.of(folder), folder);
            written.stream()
                    .filter(p -> p.getFileName().toString().startsWith("report"))
                    .filter(p -> p.toString().endsWith(".html"))
                    .findFirst()
                    .ifPresent(p -> stdout.println("report: " + p));
        } catch (IllegalArgumentException e) {
            stdout.println("no report: " + e.getMessage());
        }
    }

    /** JMH's async profiler spec with the bundled library; {@code userOptions} (from --prof async:...) go on top. */
    private static String asyncProfilerSpec(Path folder, PrintWriter err, RunRecord record, String userOptions) {
        Path profiles = folder.resolve("profiles");
        Path lib = AsyncProfilerSupport.extractLibrary(profiles.resolve(".lib"));
        AsyncProfilerSupport.Choice choice = AsyncProfilerSupport.choose();
        err.println("async-profiler " + AsyncProfilerSupport.version() + ": event " + choice.event() + " ("
                + choice.reason() + ")"
                + (userOptions.isEmpty() ? "" : "; with " + userOptions));
        ObjectNode n = Json.object()
                .put("version", AsyncProfilerSupport.version())
                .put("event", choice.event())
                .put("reason", choice.reason())
                .put("dir", "profiles");
        if (!userOptions.isEmpty()) {
            n.put("options", userOptions);
        }
        record.asyncProfiler(n);
        return withOptions(AsyncProfilerSupport.jmhProfilerSpec(lib, profiles, choice.event()), userOptions);
    }

    /** "async:a=1;b=2" with "b=3;c" on top: "async:a=1;b=3;c" (JMH takes each option once). */
    static String withOptions(String spec, String userOptions) {
        int colon = spec.indexOf(':');
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : (spec.substring(colon + 1) + ";" + userOptions).split(";")) {
            if (!part.isBlank()) {
                int eq = part.indexOf('=');
                options.put(eq < 0 ? part.strip() : part.substring(0, eq).strip(), part);
            }
        }
        return spec.substring(0, colon + 1) + String.join(";", options.values());
    }

    private static RunJson.HostTopology hostTopology(Topology t) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            counts.put(l.shortName(), t.domainCount(l));
        }
        return new RunJson.HostTopology(t.name(), t.source(), t.puCount(), counts, t.notes());
    }

    private static ObjectNode jmhJson(Environment env, Plan plan, List<ExtraProfiler> extra) {
        ObjectNode n = Json.object();
        n.put("version", env.jmhVersion());
        ArrayNode flags = n.putArray("forkJvmArgs");
        env.jvmArgs().forEach(flags::add);
        n.put("forksPerMethod", plan.forksPerRow());
        n.put("warmup", plan.profile().warmupIterations + " x " + plan.profile().warmupMillis + " ms");
        n.put("measurement", plan.profile().measurementIterations + " x " + plan.profile().measurementMillis + " ms");
        ArrayNode prof = n.putArray("profilers");
        prof.add("io.counterbench.bench.AccuracyProfiler");
        String gc = plan.entries().stream()
                .filter(PlanEntry::gcProfiler)
                .map(PlanEntry::benchmark)
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        if (!gc.isEmpty() && extra.stream().noneMatch(ExtraProfiler::isGc)) {
            prof.add("gc (" + gc + ")");
        }
        extra.forEach(x -> prof.add(x.toString()));
        return n;
    }

    private static void writeFootprint(Path folder, PrintWriter err) {
        err.println("measuring footprints (JOL)...");
        err.flush();
        int[] ns = {2, 64, 256, 1024};
        List<CounterType> types = new ArrayList<>(Arrays.asList(CounterId.values()));
        types.addAll(CounterTypes.contributed());
        FootprintJson.write(
                folder,
                Footprint.measure(types, ns).stream()
                        .map(r -> new FootprintJson.Row(
                                r.id(),
                                r.cpus(),
                                r.oneBytes(),
                                r.groupOf4Bytes(),
                                r.sharedConfigBytes(),
                                r.slotShareBytes(),
                                r.kernelBytes()))
                        .toList());
    }
}
