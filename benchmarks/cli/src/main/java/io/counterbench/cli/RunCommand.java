package io.counterbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.bench.CpuMode;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.CpuId;
import io.counterbench.env.AsyncProfilerSupport;
import io.counterbench.env.Environment;
import io.counterbench.env.EnvironmentJson;
import io.counterbench.env.ProcStat;
import io.counterbench.env.ProvenanceCapture;
import io.counterbench.results.Json;
import io.counterbench.results.RunFolders;
import io.counterbench.results.run.RunJson;
import io.counterbench.run.ExtraProfiler;
import io.counterbench.run.Plan;
import io.counterbench.run.PlanEntry;
import io.counterbench.run.Profile;
import io.counterbench.run.RunExecutor;
import io.counterbench.run.RunRecord;
import io.counterbench.sim.Progress;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.CpuList;
import io.counterbench.topology.Level;
import io.counterbench.topology.Placement;
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
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans and runs the JMH benchmarks, writing a new run folder; the suite's main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the benchmarks: plan, ETA and progress, a new results/runs/<utc-time>-<host>/ folder "
                + "(run.json, jmh.json, footprint.json, jmh.log) and a summary table.",
            "With no arguments at all, ./run-bench.sh runs 'run --profile quick'."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "smoke|quick|standard|full|ci", description = "How much to measure (default: ${DEFAULT-VALUE}): smoke = every benchmark once, numbers meaningless; "
            + "quick = the whole matrix in about 5 minutes on 2 cores; standard = JMH-sized iterations; full = hours, for a many-core box; "
            + "ci = the rows the pull-request gate (ab) runs, 14 forks each.")
    String profile = "quick";

    @Mixin
    RowSelection rows;

    @Mixin
    CounterJarOption counterJars;

    @Option(names = "--forks", paramLabel = "N", description = "JVM forks per benchmark row (default: per profile; smoke 1, quick 2, "
            + "standard and full 5). Intervals are computed across forks, so more forks give narrower ones.")
    Integer forks;

    @Option(names = "--cpu", split = ",", paramLabel = "MODE[,MODE...]", description = "How writers give the counter their CPU: lookup "
            + "(add(delta): the counter finds it, what a Java caller pays), handle (a kept CpuId), known (the pinned CPU: the kernel's "
            + "this_cpu_* case, a lower bound). Default: per profile (lookup everywhere; handle and known beside it for inc).")
    List<String> cpuModes;

    @Option(names = "--placement", split = ",", paramLabel = "P[,P...]", description = "Placement policies: compact, spread, one-per-core, none (default: per profile).")
    List<String> placements;

    @Option(names = "--topology", paramLabel = "SPEC", description = "host (default: threads pinned on this machine), or a preset, hwloc XML file "
            + "or synthetic string: counters are built for that machine and threads use its virtual CPUs.")
    String topology = "host";

    @Option(names = "--dry-run", description = "Print the plan and the ETA, run nothing.")
    boolean dryRun;

    @Option(names = "--async-profiler", description = "Also record flame graphs (async-profiler; cpu events, or itimer where perf events are missing).")
    boolean asyncProfiler;

    @Option(names = "--prof", paramLabel = "NAME[:OPTIONS]", description = "Add a JMH profiler to every benchmark, in JMH's syntax; "
            + "repeatable: gc, stack, comp, cl, perf, perfnorm (where perf events exist), async[:OPTIONS] (the bundled "
            + "async-profiler, as --async-profiler, with JMH's async options on top), ... ('jmh -- -lprof' lists them). "
            + "One JMH cannot use here is refused before anything runs.")
    List<String> prof;

    @Mixin
    RunFolderOption out;

    @Mixin
    JmhLock.Wait lockWait;

    @Option(names = "--label", paramLabel = "NAME", description = "A name for this run (e.g. mine-v1), kept in run.json and shown "
            + "in reports' tables and chart legends, so that runs of one machine are told apart by it.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile p = Profile.parse(profile);
        lockWait.check();
        RunLabel.check(label);
        List<String> contributed = counterJars.load().stream().map(CounterType::id).toList();
        List<String> ids = rows.counterIds();
        List<String> modes = cpuModes == null ? null : cpuModes.stream().map(CpuMode::parse).map(CpuMode::label).distinct().toList();
        String topology = TopologySources.canonical(this.topology);
        Topology topo = TopologySources.load(topology);
        boolean host = TopologySources.isHost(topology);
        int[] allowed = host ? Affinity.processCpus() : topo.cpus();
        int cpus = allowed.length;
        if (forks != null && (forks < 1 || forks > 100)) {
            throw new UsageException("--forks " + forks + ": give 1 to 100 forks per row");
        }
        List<Integer> threads = rows.threads();
        List<String> places = placements == null ? null : placements.stream().map(s -> Placement.parse(s).label()).distinct().toList();
        Pattern filter = rows.filter();
        List<ExtraProfiler> extra = prof == null ? List.of()
                : prof.stream().map(ExtraProfiler::parse).map(ExtraProfiler::check).distinct().toList();
        List<ExtraProfiler> jmhProfilers = extra.stream().filter(x -> !x.isAsync()).toList();
        boolean async = asyncProfiler || extra.stream().anyMatch(ExtraProfiler::isAsync);
        String asyncOptions = extra.stream().filter(ExtraProfiler::isAsync).map(ExtraProfiler::options).filter(o -> !o.isEmpty())
                .collect(java.util.stream.Collectors.joining(";"));
        Plan plan = Plan.build(new Plan.Choices(p, ids, threads, places, topology, cpus, filter, modes, forks == null ? 0 : forks,
                ids == null ? contributed : List.of()));
        if (plan.entries().isEmpty()) {
            throw new UsageException("no benchmark matches --benchmarks '" + rows.benchmarks + "'");
        }
        if (host) {
            checkPlacements(plan, topo, allowed);
        }
        if (dryRun) {
            out.check();
        }
        printPlan(stdout, plan, topo, host, cpus);
        if (dryRun) {
            return ExitCodes.OK;
        }
        try (Interrupts interrupts = new Interrupts("run")) {
            interrupts.on(() -> {
                err.println();
                err.println("interrupted before run measured anything; nothing was written");
                err.flush();
            });
            Path root = out.root(RunFolders.defaultRoot());
            try (JmhLock lock = JmhLock.acquire(lockWait.check(), err).forInProcessJmh()) {
                return run(plan, root, async, asyncOptions, jmhProfilers, interrupts, stdout, err);
            }
        }
    }

    /** Runs the plan into a new folder under {@code root}; the interrupt handling is armed before the folder exists. */
    private int run(Plan plan, Path root, boolean async, String asyncOptions, List<ExtraProfiler> jmhProfilers,
            Interrupts interrupts,
                    PrintWriter stdout, PrintWriter err) {
        Instant start = Instant.now();
        ProcStat before = ProcStat.read();
        Path folder = RunFolders.create(root, start);
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        RunRecord record = new RunRecord(folder, plan, args, start);
        interrupts.on(() -> {
            record.procStat(EnvironmentJson.procStat(ProcStat.between(before, ProcStat.read())));
            record.incomplete("interrupted (SIGINT/SIGTERM) after " + record.doneCount() + " of "
                    + plan.entries().size() + " benchmark runs");
            err.println();
            err.println("interrupted: " + record.doneCount() + " of " + plan.entries().size()
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
            record.label(label);
            record.provenance(ProvenanceCapture.capture(RunFolders.home(), measuredJars(), env.jvmArgs()));
            record.hostTopology(hostTopology(TopologySources.load("host")));
            record.jmh(jmhJson(env, plan, jmhProfilers));
            record.cpuLookup(cpuLookupJson());
            String asyncSpec = async ? asyncProfilerSpec(folder, err, record, asyncOptions) : null;
            writeFootprint(folder, err);
            executor = new RunExecutor(plan, folder, record, err, asyncSpec, jmhProfilers);
            results = executor.run();
        } catch (RuntimeException e) {
            interrupts.off();
            record.failed("stopped by an error: " + Main.oneLine(e));
            throw e;
        }
        if (executor.writeFailure() != null) {
            interrupts.off();
            record.incomplete("cannot write results: " + executor.writeFailure()
                    + "; the results before this one are kept");
            throw new UsageException("cannot write to the run folder " + folder + ": " + executor.writeFailure()
                    + "; " + record.doneCount() + " finished results are kept there and run.json says what is missing");
        }
        ProcStat.Delta load = ProcStat.between(before, ProcStat.read());
        interrupts.off();
        record.procStat(EnvironmentJson.procStat(load));
        record.complete();
        stdout.println();
        stdout.println("Summary (" + plan.profile().label() + " profile, " + results.size() + " results, " + plan.forksPerRow()
                + " fork(s) per row; the tables of report.md):");
        printSummary(folder, stdout);
        writeReport(folder, stdout);
        if (record.failedCount() > 0) {
            stdout.println(record.failedCount() + " benchmark run(s) failed (the others ran; run.json and jmh.log have the details):");
            record.failures().forEach(f -> stdout.println("  FAILED " + f));
            return ExitCodes.CHECK_FAILED;
        }
        if (load.available() && load.noisyVm()) {
            stdout.printf("note: %.1f%% steal time during the run: a noisy VM; compare ratios, not absolute numbers.%n", load.stealPercent());
        }
        stdout.println("results: " + folder);
        return ExitCodes.OK;
    }

    /** The jars whose code the forks run: the CLI's own (benchmarks and counters) and every --counter-jar. */
    private List<ProvenanceCapture.JarRole> measuredJars() {
        List<ProvenanceCapture.JarRole> jars = new ArrayList<>();
        Path cli = ProvenanceCapture.cliJar();
        if (cli != null) {
            jars.add(new ProvenanceCapture.JarRole("cli", cli));
        }
        counterJars.paths().forEach(j -> jars.add(new ProvenanceCapture.JarRole("counter-jar", j)));
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

    /** The run's report (report.md, report.csv, report.html, charts/) in its own folder; a run with no results gets a note. */
    private static void writeReport(Path folder, PrintWriter stdout) {
        try {
            List<Path> written = io.counterbench.results.Reports.write(List.of(folder), folder);
            written.stream().filter(p -> p.getFileName().toString().startsWith("report")).filter(p -> p.toString().endsWith(".html"))
                    .findFirst().ifPresent(p -> stdout.println("report: " + p));
        } catch (IllegalArgumentException e) {
            stdout.println("no report: " + e.getMessage());
        }
    }

    /** JMH's async profiler spec with the bundled library; {@code userOptions} (from --prof async:...) go on top. */
    private static String asyncProfilerSpec(Path folder, PrintWriter err, RunRecord record, String userOptions) {
        Path profiles = folder.resolve("profiles");
        Path lib = AsyncProfilerSupport.extractLibrary(profiles.resolve(".lib"));
        AsyncProfilerSupport.Choice choice = AsyncProfilerSupport.choose();
        err.println("async-profiler " + AsyncProfilerSupport.version() + ": event " + choice.event() + " (" + choice.reason() + ")"
                + (userOptions.isEmpty() ? "" : "; with " + userOptions));
        ObjectNode n = Json.object().put("version", AsyncProfilerSupport.version()).put("event", choice.event())
                .put("reason", choice.reason()).put("dir", "profiles");
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
        String gc = plan.entries().stream().filter(PlanEntry::gcProfiler).map(PlanEntry::benchmark).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        if (!gc.isEmpty() && extra.stream().noneMatch(ExtraProfiler::isGc)) {
            prof.add("gc (" + gc + ")");
        }
        extra.forEach(x -> prof.add(x.toString()));
        return n;
    }

    private static void checkPlacements(Plan plan, Topology topo, int[] allowed) {
        Map<String, Integer> most = new LinkedHashMap<>();
        for (PlanEntry e : plan.entries()) {
            String pl = e.params().get("placement");
            if (pl != null) {
                most.merge(pl, e.totalThreads(), Math::max);
            }
        }
        for (Map.Entry<String, Integer> m : most.entrySet()) {
            Placement pl = Placement.parse(m.getKey());
            if (pl != Placement.NONE) {
                pl.cpusFor(topo, m.getValue(), allowed);
            }
        }
    }

    private void printPlan(PrintWriter out, Plan plan, Topology topo, boolean host, int cpus) {
        Profile p = plan.profile();
        out.printf("Plan: profile %s on %s (%d CPUs%s)%n", p.label(), host ? "this machine" : "topology " + topo.name(), cpus,
                host ? ", allowed " + CpuList.format(Affinity.processCpus()) : ", virtual: threads are not pinned");
        out.printf("  per fork: warmup %d x %d ms, measurement %d x %d ms; %d fork(s) per benchmark method%n",
                p.warmupIterations, p.warmupMillis, p.measurementIterations, p.measurementMillis, plan.forksPerRow());
        Map<String, int[]> per = new LinkedHashMap<>();
        for (PlanEntry e : plan.entries()) {
            int[] c = per.computeIfAbsent(e.benchmark(), k -> new int[2]);
            c[0]++;
            c[1] += e.methods().size() * plan.forksPerRow();
        }
        per.forEach((b, c) -> out.printf("  %-22s %4d parameter sets, %5d forks%n", b, c[0], c[1]));
        String threadList = plan.entries().stream()
                .map(PlanEntry::totalThreads).distinct().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-");
        out.printf("  threads: %s; JMH forks in all: %d%n", threadList, plan.forks());
        out.printf("  estimated time: %s%n", Progress.format(plan.estimateSeconds()));
        if (!host && plan.entries().stream().anyMatch(e -> e.totalThreads() > Runtime.getRuntime().availableProcessors())) {
            out.printf("  note: up to %d threads on a machine with %d CPUs here: fine for a plan, oversubscribed if run here%n",
                    plan.entries().stream().mapToInt(PlanEntry::totalThreads).max().orElse(0),
                    Runtime.getRuntime().availableProcessors());
        }
        if (dryRun) {
            out.println("  entries:");
            List<PlanEntry> es = plan.entries();
            for (int i = 0; i < es.size(); i++) {
                if (i == 40 && es.size() > 50) {
                    out.printf("    ... (%d more)%n", es.size() - 45);
                    i = es.size() - 5;
                }
                out.printf("    %4d  %s%n", i + 1, es.get(i).label());
            }
        }
        out.flush();
    }

    private static void writeFootprint(Path folder, PrintWriter err) {
        err.println("measuring footprints (JOL)...");
        err.flush();
        int[] ns = {2, 64, 256, 1024};
        List<CounterType> types = new ArrayList<>(Arrays.asList(CounterId.values()));
        types.addAll(CounterTypes.contributed());
        List<Footprint.Row> rows = Footprint.measure(types, ns);
        ObjectNode root = Json.object();
        root.put("tool", "JOL GraphLayout totalSize, bytes, without the shared per-topology configuration; "
                + "per-CPU arena slots charged as their share of a full chunk (slotShareBytes each)");
        ArrayNode arr = root.putArray("rows");
        for (Footprint.Row r : rows) {
            ObjectNode n = arr.addObject();
            n.put("counter", r.id());
            n.put("cpus", r.cpus());
            n.put("oneBytes", r.oneBytes());
            n.put("groupOf4Bytes", r.groupOf4Bytes());
            n.put("sharedConfigBytes", r.sharedConfigBytes());
            n.put("slotShareBytes", r.slotShareBytes());
            if (r.kernelBytes() >= 0) {
                n.put("kernelBytes", r.kernelBytes());
            }
        }
        Json.write(folder.resolve("footprint.json"), root);
    }
}
