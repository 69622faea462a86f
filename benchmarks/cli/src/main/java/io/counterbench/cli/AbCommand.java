package io.counterbench.cli;

import io.counterbench.ab.AbPlan;
import io.counterbench.ab.AbRow;
import io.counterbench.ab.AbRun;
import io.counterbench.ab.AbRows;
import io.counterbench.ab.BenchmarkJar;
import io.counterbench.ab.ForkRunner;
import io.counterbench.ab.Version;
import io.counterbench.ab.VersionResolver;
import io.counterbench.counters.CounterTypes;
import io.counterbench.env.ProvenanceCapture;
import io.counterbench.results.RunFolders;
import io.counterbench.results.ab.AbFolder;
import io.counterbench.results.gate.Gate;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.GateText;
import io.counterbench.results.jmh.ForkScore;
import io.counterbench.run.Profile;
import io.counterbench.sim.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A/B on one machine: forks of two versions in randomized pairs, gated with the fork as the unit. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Compare two versions on this machine: build each (a git revision, built from that commit and cached by commit, "
                + "or a built benchmarks.jar), plan the rows both have, run their forks in randomized pairs (one JVM per fork, the two "
                + "forks of a pair side by side on two halves of the CPUs where a row fits (--side-by-side), else back to back, "
                + "which goes first balanced at random), and gate every row on its paired ratios.",
            "With a --budget (the ci profile's default) the pairs are adaptive: every row starts with the pairs of the first "
                + "planned look, rounds of pairs go to the rows still open, and at each look the rows that regressed or passed "
                + "stop; the alpha is split over the looks. Rows still open when the budget ends are inconclusive.",
            "Writes one run folder (jmh-baseline.json, jmh-current.json, pairs.json, run.json, summary.md, forks/); Ctrl-C keeps the "
                + "finished pairs. Exit codes: 0 passed, 1 regressed (or an accuracy failure), 3 inconclusive (see "
                        + "--inconclusive), "
                + "2 bad input or pairs that did not finish."})
final class AbCommand implements Callable<Integer> {
    /** The ci profile's budget: with the builds, a run stays under 10 minutes on a 2-CPU runner. */
    static final String CI_BUDGET = "9m";
    /** The most pairs a row gets in an adaptive run, unless --pairs says otherwise. */
    static final int ADAPTIVE_PAIRS = 32;

    @Option(names = "--baseline", paramLabel = "REF|JAR", description = "The version to compare against: a git revision "
            + "(main, HEAD~1, a commit; the merge base in CI) or a built benchmarks.jar.")
    String baseline;

    @Option(names = "--current", paramLabel = "REF|JAR", description = "The version under test (default: this checkout's working tree, "
            + "as run-bench.sh built it, uncommitted edits included).")
    String current;

    @Option(names = "--profile", paramLabel = "ci|...", description = "Which rows and how long each fork runs (default: ${DEFAULT-VALUE}).")
    String profile = "ci";

    @Option(names = "--pairs", paramLabel = "N",
            description = "Pairs of forks per row; with a --budget the most a row may get "
            + "(default: the profile's forks; with a budget " + ADAPTIVE_PAIRS + ").")
    Integer pairs;

    @Option(names = "--budget", paramLabel = "DURATION|off",
            description = "Adaptive pairs within this time from ab's start, builds "
            + "included (9m, 90s, 1m30s; default: " + CI_BUDGET + " for the ci profile, off for the others).")
    String budget;

    @Mixin
    GateFlags gateFlags;

    @Mixin
    RowSelection rowSelection;

    @Mixin
    CounterJarOption counterJars;

    @Mixin
    SideJarOptions sideJars;

    @Option(names = "--side-by-side", paramLabel = "auto|off", description = "auto: a row whose threads fit in half of this process's CPUs "
            + "runs the two forks of each pair at the same time, each confined to one half (taskset), so that other work on the machine "
            + "disturbs both alike; off: always one after the other (default: ${DEFAULT-VALUE}).")
    String sideBySide = "auto";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random order (default: random; recorded in pairs.json).")
    Long seed;

    @Mixin
    RunFolderOption out;

    @Mixin
    JmhLock.Wait lockWait;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where built revisions are kept, by commit (default: ~/.cache/counterbench/ab).")
    Path cache;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the Markdown summary to FILE (it is always in the run folder; "
            + "appended to $GITHUB_STEP_SUMMARY when that is set).")
    Path summary;

    @Option(names = "--slowdown", paramLabel = "COUNTER:PERCENT[,...]", split = ",", description = "Calibration: make these counters' add "
            + "do extra work, a busy-wait of PERCENT of the time their adds took (every 16384 adds), in the current version's forks only (e.g. tree:5).")
    List<String> slowdown;

    @Option(names = "--rerun-above", paramLabel = "CPUS", description = "Run a pair again (once, at the end) when other work kept more "
            + "than this many CPUs busy on average during one of its forks, as /proc/stat tells; 0 never reruns (default: ${DEFAULT-VALUE}).")
    double rerunAbove = 0.3;

    @Option(names = "--dry-run", description = "Resolve and build both versions, print the plan and the ETA, run nothing.")
    boolean dryRun;

    @Option(names = "--calibrate", description = "Calibrate the gate on this machine: a series of ab runs of one version (--baseline, "
            + "default the working tree) against itself, pure A/A runs alternating with runs whose current side has the slowdown knob set; "
            + "writes DIR/calibration.md (the README's table) under --out (default results/calibration).")
    boolean calibrate;

    @Option(names = "--aa-runs", paramLabel = "N", description = "Calibration: pure A/A runs (default: ${DEFAULT-VALUE}).")
    int aaRuns = 10;

    @Option(names = "--knob-runs", paramLabel = "N", description = "Calibration: runs with the knob set (default: ${DEFAULT-VALUE}).")
    int knobRuns = 10;

    @Option(names = "--levels", split = ",", paramLabel = "PERCENT[,...]", description = "Calibration: knob levels (default: 2,5,10,20).")
    List<Double> levels = List.of(2.0, 5.0, 10.0, 20.0);

    @Option(names = "--knob-counters", split = ",", paramLabel = "ID[,ID...]", description = "Calibration: the counters that get the levels, "
            + "one level each, rotating from run to run (default: tree,flat,per-thread,adder).")
    List<String> knobCounters = List.of("tree", "flat", "per-thread", "adder");

    @Option(names = "--tabulate", paramLabel = "DIR", description = "Calibration: run nothing, gate the finished runs of the calibration "
            + "folder DIR (DIR/runs) again with this command's --threshold, --alpha, --detect and --fork-score, and rewrite DIR/calibration.md.")
    Path tabulate;

    @Option(names = "--resample", paramLabel = "DIR",
            description = "Calibration: run nothing; calibrate the gate on the recorded pairs "
            + "of DIR (an ab run folder, or a folder of them such as a calibration folder): per row the label-swap "
                    + "null rate at its "
            + "level, the flag rate with --levels added as slowdowns, the check of its MDE; writes calibration.md "
                    + "(Clopper-Pearson "
            + "intervals) into a new folder under --out (default results/calibration). Repeatable.")
    List<Path> resample;

    @Option(names = "--resamples", paramLabel = "N",
            description = "Calibration with --resample: resamples per row and case (default: ${DEFAULT-VALUE}).")
    int resamples = 1000;

    @Option(names = "--wrap", paramLabel = "COMMAND", description = "Calibration: run each ab run under this command, e.g. 'flock -x /work/bench.lock' "
            + "(a lock held per run, released between runs).")
    String wrap;

    @Spec
    CommandSpec spec;

    /** Both sides' benchmarks.jars and every counter jar, for run.json's provenance. */
    private static List<ProvenanceCapture.JarRole> measuredJars(Version base, Version cur, SideJarOptions.Sides sides) {
        List<ProvenanceCapture.JarRole> jars = new ArrayList<>();
        jars.add(new ProvenanceCapture.JarRole("baseline " + base.describe(), base.jar()));
        jars.add(new ProvenanceCapture.JarRole("current " + cur.describe(), cur.jar()));
        sides.shared().forEach(j -> jars.add(new ProvenanceCapture.JarRole("counter-jar", j)));
        sides.baseline().forEach(j -> jars.add(new ProvenanceCapture.JarRole("baseline counter-jar", j)));
        sides.current().forEach(j -> jars.add(new ProvenanceCapture.JarRole("current counter-jar", j)));
        return jars;
    }

    /**
     * One side as the plan and summary name it: the revision and commit and the repository it was
     * resolved in (counterbench's checkout: a REF is always a revision of counterbench itself), or
     * the jar; plus the counter jars only this side loads.
     */
    static String sideText(Version v, Path home, List<Path> ownJars) {
        String text = v.describe() + (v.commit() != null ? " of counterbench at " + home : "");
        return ownJars.isEmpty() ? text : text + " with " + jarsText(ownJars);
    }

    /** "mine.jar (sha256 1620cf20db56)", for each jar. */
    static String jarsText(List<Path> jars) {
        return jars.stream().map(j -> j.getFileName() + " (sha256 " + ProvenanceCapture.sha256(j).substring(0, 12) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** This checkout's benchmarks.jar as run-bench.sh built it, described as {@code name}. */
    private static Version workingTree(Path home, String name) {
        Path jar = home.resolve("benchmarks/jmh/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("this checkout has no built " + jar + " (run ./run-bench.sh build)");
        }
        return new Version(name, null, jar);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GateOptions options = gateFlags.options(GateOptions.paired());
        Profile p = Profile.parse(profile);
        long budgetSeconds = Durations.seconds("--budget", budget != null ? budget : "ci".equals(p.label())
                && !calibrate ? CI_BUDGET : "off");
        int n = pairs != null ? pairs : budgetSeconds > 0 ? ADAPTIVE_PAIRS : p.forks;
        if (n < 1) {
            throw new UsageException("--pairs " + n + ": at least 1");
        }
        Pattern filter = rowSelection.filter();
        counterJars.load(); // before --counters and --slowdown are checked: the jar's ids join the built-in ones
        checkFlags();
        lockWait.check();
        try (Interrupts interrupts = new Interrupts("ab")) {
            interrupts.on(() -> {
                err.println();
                err.println("error: interrupted before ab measured anything; nothing was written");
                err.flush();
            });
            return call(stdout, err, options, p, n, budgetSeconds, filter, interrupts);
        }
    }

    private int call(PrintWriter stdout, PrintWriter err, GateOptions options, Profile p, int n, long budgetSeconds, Pattern filter,
                     Interrupts interrupts) {
        Path home = RunFolders.home();
        Path cacheDir = cache != null ? cache : VersionResolver.defaultCache();
        SideJarOptions.Sides sides = calibrate ? sideJars.load(counterJars.paths())
                : sideJars.resolve(counterJars.paths(), baseline, current, cacheDir, err);
        List<String> knob = Slowdowns.jvmArgs(slowdown);
        checkCounters();
        Path javaHome = Path.of(System.getProperty("java.home"));
        VersionResolver resolver = new VersionResolver(home, cacheDir, javaHome, err);
        if (calibrate) {
            return calibrate(stdout, err, p, resolver, home, options, filter);
        }
        if (baseline == null && !sides.perSide()) {
            throw new UsageException("missing --baseline REF|JAR (a git revision or a built benchmarks.jar)");
        }
        boolean library = sideJars.library(); // --baseline and --current name the library's revisions, built into the side jars
        Version base = baseline == null || library ? workingTree(home, "the working tree of " + home) : resolver.resolve(baseline, "--baseline");
        Version cur;
        if (current == null || library) {
            cur = workingTree(home, "the working tree of " + home);
        } else {
            cur = resolver.resolve(current, "--current");
        }
        BenchmarkJar bj = BenchmarkJar.read(base.jar(), "--baseline");
        BenchmarkJar cj = BenchmarkJar.read(cur.jar(), "--current");
        String baseText = sides.baselineName() != null ? sides.baselineName() + " with " + jarsText(sides.baseline())
                : sideText(base, home, sides.baseline());
        String curText = sides.currentName() != null ? sides.currentName() + " with " + jarsText(sides.current())
                : sideText(cur, home, sides.current());
        List<AbRow> rows = AbRows.common(p, filter, rowSelection.counterIds(), rowSelection.threads, bj, cj);
        if (rows.isEmpty()) {
            throw new UsageException("no row in common: the " + p.label() + " profile" + (filter == null ? "" : " narrowed by --benchmarks '" + rowSelection.benchmarks + "'")
                    + " has no benchmark and parameters that both " + base.describe() + " and " + cur.describe() + " declare");
        }
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong();
        AbPlan plan = sideBySide(AbPlan.of(rows, n, s, AbRows.secondsPerFork(p)), err);
        int[] looks = budgetSeconds > 0 ? AbPlan.looks(rows.size(), options.alpha(), n) : new int[0];
        printPlan(stdout, p, plan, new String[] {baseText, curText}, base, cur, knob, options.forkScore());
        if (budgetSeconds > 0) {
            stdout.printf("  adaptive: looks at %s pairs (alpha split over %d looks), rows settled at a look stop; "
                    + "budget %s from ab's start,"
                    + " builds included (%s left now)%n", java.util.Arrays.stream(looks).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")), looks.length, Progress.format(budgetSeconds),
                    Progress.format(Math.max(0, budgetSeconds - sinceStart())));
            stdout.flush();
        }
        if (dryRun) {
            return ExitCodes.OK;
        }
        Path root = out.root(home.resolve("results").resolve("ab"));
        try (JmhLock lock = JmhLock.acquire(lockWait.check(), err)) {
            return measure(stdout, err, options, p, plan, looks, budgetSeconds, new Sides(base, cur, baseText, curText, sides, home), bj, cj, knob, root,
                    interrupts);
        }
    }

    /** Both sides: their benchmarks.jars, how the plan and summary name them, the counter jars each loads, the checkout. */
    private record Sides(Version base, Version cur, String baseText, String curText, SideJarOptions.Sides jars, Path home) {
    }

    private int measure(PrintWriter stdout, PrintWriter err, GateOptions options, Profile p, AbPlan plan, int[] looks,
                        long budgetSeconds, Sides v,
                        BenchmarkJar bj, BenchmarkJar cj, List<String> knob, Path root, Interrupts interrupts) {
        Version base = v.base();
        Version cur = v.cur();
        String baseText = v.baseText();
        String curText = v.curText();
        SideJarOptions.Sides sides = v.jars();
        Path javaHome = Path.of(System.getProperty("java.home"));
        Instant start = Instant.now();
        Path folder = RunFolders.create(root, start);
        interrupts.on(Interrupts.removeIfEmpty(folder, err, "ab"));
        stdout.println("run folder: " + folder);
        stdout.flush();
        List<String> flags = new ArrayList<>(AbJvm.flags());
        List<String> baseJarFlags = sides.perSide() ? sides.baselineFlags() : CounterTypes.forkJvmArgs();
        if (flags.stream().noneMatch(f -> f.startsWith("-Djmh.ignoreLock"))) {
            // ab holds JMH's lock itself (JmhLock), and a side-by-side pair runs two hosts at once
            flags.add("-Djmh.ignoreLock=true");
        }
        List<String> curFlags = new ArrayList<>(flags);
        flags.addAll(baseJarFlags); // --counter-jar types for both sides, --baseline-counter-jar for this one
        curFlags.addAll(sides.perSide() ? sides.currentFlags() : baseJarFlags);
        curFlags.addAll(knob);
        if (!knob.isEmpty()) {
            // the knob's code path compiled in on both sides, its extra work on current's only: untouched rows stay A/A
            flags.add("-D" + Slowdowns.PROPERTY + "=");
        }
        ForkRunner runner = new ForkRunner(javaHome.resolve("bin").resolve("java"), new ForkRunner.Settings(p.warmupIterations, p.warmupMillis,
                p.measurementIterations, p.measurementMillis, bj.accuracyProfiler() && cj.accuracyProfiler(), 10 * AbRows.secondsPerFork(p) + 120));
        AbRecord record = new AbRecord(spec.commandLine().getParseResult().originalArgs(), start, p, plan, flags, curFlags);
        record.provenance(ProvenanceCapture.capture(v.home(), measuredJars(base, cur, sides), flags));
        AbRun run = new AbRun(plan, folder, runner, new AbRun.Side(base, flags), new AbRun.Side(cur, curFlags), record::complete, err,
                rerunAbove);
        interrupts.on(() -> {
            if (!run.isClosed()) {
                run.interrupt("interrupted (SIGINT/SIGTERM) after " + run.completePairs() + " of " + run.plannedPairs() + " pairs");
                err.println();
                err.println("error: interrupted: " + run.completePairs() + " of " + run.plannedPairs() + " pairs finished; they are kept in "
                        + folder + " (./run-bench.sh gate --ab " + folder + " analyzes them)");
                err.flush();
                Runtime.getRuntime().halt(ExitCodes.BAD_INPUT);
            }
        });
        if (looks.length > 0) {
            long deadline = System.nanoTime() + (long) ((budgetSeconds - sinceStart()) * 1e9);
            run.adaptive(looks, deadline, budgetSeconds, f -> AbFolder.load(f).settled(options));
        }
        try {
            run.run();
        } catch (RuntimeException e) {
            interrupts.quietIfFired();
            throw e;
        }
        interrupts.quietIfFired();
        interrupts.off();
        if (run.writeFailure() != null) {
            throw new UsageException("cannot write to the run folder " + folder + ": " + run.writeFailure()
                    + "; the " + run.completePairs()
                    + " finished pairs are kept there (run.json and pairs.json say what is missing)");
        }
        stdout.println();
        if (run.completePairs() == 0) {
            throw new UsageException("no pair of forks finished (first error: " + run.firstError() + "); see " + folder.resolve("forks"));
        }
        AbFolder ab = AbFolder.load(folder);
        GateResult g = ab.gate(options);
        stdout.println("baseline: " + baseText + "; current: " + curText + (knob.isEmpty() ? "" : " with " + String.join(" ", knob)));
        stdout.print(GateText.table(g)); // a run that stopped short reads inconclusive at best (AbFolder.gate)
        Summaries.write(folder.resolve("summary.md"), summary, "Baseline " + baseText + ", current " + curText
                + (knob.isEmpty() ? "" : " (" + String.join(" ", knob) + ")") + "; run folder `" + folder.getFileName() + "`.\n\n"
                + GateText.markdown(g), stdout, GateCommand.environment);
        stdout.println("results: " + folder);
        stdout.flush();
        if (g.failed()) {
            throw new CheckFailedException("ab: " + g.counts());
        }
        if (run.failedPairs() > 0) {
            throw new UsageException(run.failedPairs() + " of " + run.plannedPairs() + " pairs did not finish (first: " + run.firstError()
                    + "); the " + run.completePairs() + " finished pairs are kept in " + folder + " and were gated");
        }
        return gateFlags.exit(g, "ab", err);
    }

    /** Seconds since this JVM started (ab's start: its budget counts the builds). */
    private static double sinceStart() {
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        return (System.currentTimeMillis() - started) / 1000.0;
    }

    /** The plan with the rows that fit run side by side, when --side-by-side auto and this machine allows it. */
    private AbPlan sideBySide(AbPlan plan, PrintWriter err) {
        if (!"auto".equals(sideBySide)) {
            return plan;
        }
        int[] cpus = io.counterbench.topology.Affinity.processCpus();
        if (cpus.length < 2) {
            return plan;
        }
        if (!ForkRunner.canConfine()) {
            err.println("ab: note: taskset (util-linux) is not on the PATH, so every pair runs one fork after the other");
            err.flush();
            return plan;
        }
        return plan.sideBySide(cpus);
    }

    /** Every flag's value checked before anything is resolved, built or written (calibration's too, whatever the mode). */
    private void checkFlags() {
        if (!List.of("auto", "off").contains(sideBySide)) {
            throw new UsageException("--side-by-side '" + sideBySide + "': expected auto or off");
        }
        if (tabulate != null && !Files.isDirectory(tabulate.resolve("runs"))) {
            throw new UsageException("--tabulate '" + tabulate + "': not a calibration folder (no runs/ folder in it)");
        }
        if (resample != null && !calibrate) {
            throw new UsageException("--resample DIR goes with --calibrate (it calibrates the gate on recorded pairs)");
        }
        if (resamples < 10 || resamples > 1_000_000) {
            throw new UsageException("--resamples " + resamples + ": between 10 and 1000000");
        }
        if (tabulate != null && !calibrate) {
            throw new UsageException("--tabulate DIR goes with --calibrate (it rewrites a calibration folder's calibration.md)");
        }
        rowSelection.threads();
        if (!(rerunAbove >= 0)) {
            throw new UsageException("--rerun-above " + rerunAbove + ": a CPU count, 0 or more (0 never reruns)");
        }
        if (summary != null) {
            OutputFile.check(summary, "--summary");
        }
        out.check();
        if (aaRuns < 0 || knobRuns < 0) {
            throw new UsageException("--aa-runs and --knob-runs: 0 or more runs");
        }
        if (levels.stream().anyMatch(l -> l == null || !(l > 0 && l <= 100))) {
            throw new UsageException("--levels: percentages in (0, 100], e.g. 2,5,10,20");
        }
        if (wrap != null) {
            String[] words = wrap.strip().split("\\s+");
            if (words[0].isEmpty()) {
                throw new UsageException("--wrap '" + wrap + "' names no command (e.g. --wrap 'flock -x /work/bench.lock')");
            }
            if (!executable(words[0])) {
                throw new UsageException("--wrap: '" + words[0] + "' is not a command found on PATH or an executable file");
            }
        }
    }

    /** The counter ids of --counters and --knob-counters, once the counter jars are loaded (their ids count). */
    private void checkCounters() {
        rowSelection.counterIds();
        knobCounters.forEach(c -> CounterTypes.parse(c.strip()));
    }

    private static boolean executable(String command) {
        if (command.contains("/")) {
            return Files.isRegularFile(Path.of(command)) && Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path c = Path.of(dir, command);
                if (Files.isRegularFile(c) && Files.isExecutable(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int calibrate(PrintWriter stdout, PrintWriter err, Profile p, VersionResolver resolver, Path home, GateOptions options, Pattern filter) {
        if (sideJars.given()) {
            throw new UsageException("--calibrate runs one version against itself: per-side counter jars do not go with it "
                    + "(give the jar once with --counter-jar)");
        }
        if (current != null || slowdown != null) {
            throw new UsageException("--calibrate runs one version against itself: give it as --baseline, without --current or --slowdown");
        }
        if (resample != null) {
            // each DIR checked before anything is written
            resample.forEach(io.counterbench.ab.ResampleCalibration::folders);
            Path root = out.root(home.resolve("results").resolve("calibration"));
            Path dir = RunFolders.create(root, Instant.now());
            String md = io.counterbench.ab.ResampleCalibration.run(resample, options, resamples,
                    levels.stream().map(l -> l / 100).toList(),
                    seed != null ? seed : 1, dir.resolve("calibration.md"), "./run-bench.sh " + String.join(" ",
                            spec.commandLine().getParseResult().originalArgs()));
            stdout.print(md);
            stdout.println("calibration: " + dir.resolve("calibration.md"));
            return ExitCodes.OK;
        }
        if (tabulate != null) {
            if (!Files.isDirectory(tabulate.resolve("runs"))) {
                throw new UsageException("--tabulate " + tabulate + ": not a calibration folder (no runs/ folder in it)");
            }
            String table = io.counterbench.ab.CalibrationRunner.tabulate(tabulate, options, io.counterbench.ab.CalibrationRunner.producedBy(tabulate), err);
            stdout.print(table);
            stdout.println("calibration: " + tabulate.resolve("calibration.md"));
            return ExitCodes.OK;
        }
        if (aaRuns + knobRuns == 0) {
            throw new UsageException("--calibrate needs at least one run (--aa-runs, --knob-runs)");
        }
        List<String> ids = knobCounters.stream().map(c -> CounterTypes.parse(c.strip()).id()).distinct().toList();
        Version v;
        if (baseline == null) {
            v = workingTree(home, "the working tree");
        } else {
            v = resolver.resolve(baseline, "--baseline");
        }
        BenchmarkJar bj = BenchmarkJar.read(v.jar(), "--baseline");
        List<AbRow> rows = AbRows.common(p, filter, rowSelection.counterIds(), rowSelection.threads, bj, bj);
        if (rows.isEmpty()) {
            throw new UsageException("no row to calibrate: the " + p.label() + " profile" + (filter == null ? "" : " narrowed by --benchmarks '" + rowSelection.benchmarks + "'")
                    + (rowSelection.counters == null && rowSelection.threads == null ? "" : " and --counters/--threads") + " has no benchmark that " + v.describe() + " declares");
        }
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong();
        if (dryRun) {
            AbPlan plan = sideBySide(AbPlan.of(rows, pairs != null ? pairs : p.forks, s, AbRows.secondsPerFork(p)), err);
            stdout.printf("calibration plan: %d A/A runs and %d knob runs of %s, levels %s on %s (rotating); each run:%n", aaRuns, knobRuns,
                    v.describe(), levels.stream().map(l -> GateOptions.percent(l / 100)).collect(java.util.stream.Collectors.joining(", ")),
                    String.join(", ", ids));
            printPlan(stdout, p, plan, new String[] {v.describe(), v.describe()}, v, v, List.of(), options.forkScore());
            stdout.printf("estimated time of the series: %s%n", Progress.format((aaRuns + knobRuns) * plan.estimateSeconds()));
            return ExitCodes.OK;
        }
        Path root = out.root(home.resolve("results").resolve("calibration"));
        Path dir = RunFolders.create(root, Instant.now());
        List<String> wrapCmd = wrap == null || wrap.isBlank() ? List.of() : List.of(wrap.strip().split("\\s+"));
        String command = "./run-bench.sh " + spec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.matches("[A-Za-z0-9_./:=,%@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        stdout.printf("calibration: %d A/A runs and %d knob runs of %s, profile %s, %d rows; levels %s on %s (rotating); folder %s%n", aaRuns, knobRuns,
                v.describe(), p.label(), rows.size(), levels.stream().map(l -> GateOptions.percent(l / 100)).collect(java.util.stream.Collectors.joining(", ")),
                String.join(", ", ids), dir);
        stdout.flush();
        double perRun = sideBySide(AbPlan.of(rows, pairs != null ? pairs : p.forks, s, AbRows.secondsPerFork(p)), err).estimateSeconds();
        List<String> rowArgs = new ArrayList<>(List.of("--fork-score", options.forkScore().label(),
                "--side-by-side", sideBySide, "--threshold", GateOptions.percent(options.threshold()),
                "--detect", GateOptions.percent(options.detect())));
        if (counterJars.jars != null) {
            counterJars.jars.forEach(j -> rowArgs.addAll(List.of("--counter-jar", j.toAbsolutePath().toString())));
        }
        if (rowSelection.benchmarks != null) {
            rowArgs.addAll(List.of("--benchmarks", rowSelection.benchmarks));
        }
        if (rowSelection.counters != null) {
            rowArgs.addAll(List.of("--counters", String.join(",", rowSelection.counters)));
        }
        if (rowSelection.threads != null) {
            rowArgs.addAll(List.of("--threads", rowSelection.threads.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))));
        }
        String table = new io.counterbench.ab.CalibrationRunner(new io.counterbench.ab.CalibrationRunner.Settings(v.jar(), p.label(), pairs, rowArgs, aaRuns,
                knobRuns, levels, ids, wrapCmd, s, options, AbJvm.flags(), command), dir, stdout, err).run(perRun);
        stdout.println();
        stdout.print(table);
        stdout.println("calibration: " + dir.resolve("calibration.md"));
        return ExitCodes.OK;
    }

    private static void printPlan(PrintWriter out, Profile p, AbPlan plan, String[] sides, Version base, Version cur, List<String> knob,
                                  ForkScore how) {
        out.printf("ab plan: profile %s, %d rows x %d pairs = %d forks (one JVM each), seed %d%n", p.label(), plan.rows().size(), plan.pairs(),
                2 * plan.schedule().size(), plan.seed());
        out.printf("  baseline: %s  %s%n", sides[0], base.jar());
        out.printf("  current:  %s  %s%s%n", sides[1], cur.jar(), knob.isEmpty() ? "" : "  (" + String.join(" ", knob) + ")");
        out.printf("  per fork: warmup %d x %d ms, measurement %d x %d ms%n", p.warmupIterations, p.warmupMillis, p.measurementIterations,
                p.measurementMillis);
        for (AbRow r : plan.rows()) {
            out.printf("  %3d  %s%s%n", r.index() + 1, r.label(), plan.together(r.index()) ? "  (side by side)" : "");
        }
        if (plan.duet() != null) {
            out.printf("  side by side: the two forks of a pair at once, one on CPUs %s, the other on CPUs %s (which gets which: the balanced coin)%n",
                    AbPlan.Duet.format(plan.duet().firstHalf()), AbPlan.Duet.format(plan.duet().secondHalf()));
        }
        out.printf("  each fork's score: %s%n", how.description());
        out.printf("  estimated time: %s%n", Progress.format(plan.estimateSeconds()));
        out.flush();
    }
}
