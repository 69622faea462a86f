package io.counterbench.cli;

import io.counterbench.bench.CpuMode;
import io.counterbench.cli.run.ExtraProfiler;
import io.counterbench.cli.run.Plan;
import io.counterbench.cli.run.Profile;
import io.counterbench.cli.run.ProfileTable;
import io.counterbench.counters.CounterType;
import io.counterbench.results.util.RunFolders;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.Placement;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans and runs the JMH benchmarks, writing a new run folder; the suite's main job. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the benchmarks: plan, ETA and progress, a new " + RunFolders.RUNS + "/<utc-time>-<host>/ folder "
                    + "(run.json, jmh.json, footprint.json, jmh.log) and a summary table.",
            "With no arguments at all, ./run-bench.sh runs 'run --profile quick'."
        })
final class RunCommand implements Callable<Integer> {
    @Option(
            names = "--profile",
            paramLabel = "smoke|quick|standard|full|ci|nightly|stability",
            description = "How much to measure (default: ${DEFAULT-VALUE}): smoke = every benchmark once, numbers "
                    + "meaningless; quick = the whole matrix in about 5 minutes on 2 cores; standard = "
                    + "JMH-sized iterations; full = hours, for a many-core box; ci = the rows the "
                    + "pull-request gate (ab) runs; stability = 20 forks of the 1-thread rows whose forks "
                    + "settle at different speeds, with each fork's candidate causes (docs/forensics.md). "
                    + "--profiles lists each one's forks, iterations and rows.")
    String profile = "quick";

    @Mixin
    RowSelection rows;

    @Mixin
    CounterJarOption counterJars;

    @Option(
            names = "--forks",
            paramLabel = "N",
            description = "JVM forks per benchmark row (default: the profile's, "
                    + "see --profiles). Intervals are computed across forks, so more forks give narrower ones.")
    Integer forks;

    @Option(
            names = "--cpu",
            split = ",",
            paramLabel = "MODE[,MODE...]",
            description = "How writers give the counter their CPU: lookup "
                    + "(add(delta): the counter finds it, what a Java caller pays), handle (a kept CpuId), "
                    + "known (the pinned CPU: the kernel's this_cpu_* case, a lower bound). Default: per "
                    + "profile (lookup everywhere; handle and known beside it for inc).")
    List<String> cpuModes;

    @Option(
            names = "--placement",
            split = ",",
            paramLabel = "P[,P...]",
            description = "Placement policies: compact, spread, one-per-core, none (default: per profile).")
    List<String> placements;

    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            description = "host (default: threads pinned on this machine), or a preset, hwloc XML file "
                    + "or synthetic string: counters are built for that machine and threads use its virtual CPUs.")
    String topology = "host";

    @Option(names = "--dry-run", description = "Print the plan and the ETA, run nothing.")
    boolean dryRun;

    @Option(
            names = "--profiles",
            description = "Print every profile as Markdown (forks, iterations, threads, what "
                    + "it runs, its plan's size on " + ProfileTable.PLAN_CPUS + " CPUs), run nothing.")
    boolean profiles;

    @Option(
            names = "--async-profiler",
            description =
                    "Also record flame graphs (async-profiler; cpu events, or itimer where perf events are missing).")
    boolean asyncProfiler;

    @Option(
            names = "--prof",
            paramLabel = "NAME[:OPTIONS]",
            description = "Add a JMH profiler to every benchmark, in JMH's syntax; "
                    + "repeatable: gc, stack, comp, cl, perf, perfnorm (where perf events exist), async[:OPTIONS] "
                    + "(the bundled async-profiler, as --async-profiler, with JMH's async options on top), ... ('jmh "
                    + "-- -lprof' lists them). One JMH cannot use here is refused before anything runs.")
    List<String> prof;

    @Mixin
    RunFolderOption out;

    @Mixin
    JmhLock.Wait lockWait;

    @Option(
            names = "--label",
            paramLabel = "NAME",
            description = "A name for this run (e.g. mine-v1), kept in run.json and shown "
                    + "in reports' tables and chart legends, so that runs of one machine are told apart by it.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (profiles) {
            stdout.print(ProfileTable.markdown());
            return ExitCodes.OK;
        }
        Profile p = Profile.parse(profile);
        lockWait.check();
        RunLabel.check(label);
        List<String> contributed =
                counterJars.load().stream().map(CounterType::id).toList();
        List<String> ids = rows.counterIds();
        List<String> modes = cpuModes == null
                ? null
                : cpuModes.stream()
                        .map(CpuMode::parse)
                        .map(CpuMode::label)
                        .distinct()
                        .toList();
        String topology = TopologySources.canonical(this.topology);
        Topology topo = TopologySources.load(topology);
        boolean host = TopologySources.isHost(topology);
        int[] allowed = host ? Affinity.processCpus() : topo.cpus();
        int cpus = allowed.length;
        if (forks != null && (forks < 1 || forks > 100)) {
            throw new UsageException("--forks " + forks + ": give 1 to 100 forks per row");
        }
        List<Integer> threads = rows.threads();
        List<String> places = placements == null
                ? null
                : placements.stream()
                        .map(s -> Placement.parse(s).label())
                        .distinct()
                        .toList();
        Pattern filter = rows.filter();
        List<ExtraProfiler> extra = prof == null
                ? List.of()
                : prof.stream()
                        .map(ExtraProfiler::parse)
                        .map(ExtraProfiler::check)
                        .distinct()
                        .toList();
        Plan plan = Plan.Choices.builder(p, topology, cpus)
                .counters(ids)
                .threads(threads)
                .placements(places)
                .benchmarks(filter)
                .cpuModes(modes)
                .forks(forks == null ? 0 : forks)
                .alsoCounters(ids == null ? contributed : List.of())
                .plan();
        if (plan.entries().isEmpty()) {
            throw new UsageException("no benchmark matches --benchmarks '" + rows.benchmarks + "'");
        }
        if (host) {
            PlanPrinter.checkPlacements(plan, topo, allowed);
        }
        if (dryRun) {
            out.check();
        }
        PlanPrinter.print(stdout, plan, topo, host, cpus, dryRun);
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
                return RunSession.run(
                        plan,
                        root,
                        RunSession.Settings.of(
                                asyncProfiler,
                                extra,
                                label,
                                counterJars.paths(),
                                spec.commandLine().getParseResult().originalArgs()),
                        interrupts,
                        stdout,
                        err);
            }
        }
    }
}
