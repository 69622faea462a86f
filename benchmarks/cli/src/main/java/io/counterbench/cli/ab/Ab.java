package io.counterbench.cli.ab;

import io.counterbench.cli.CheckFailedException;
import io.counterbench.cli.ExitCodes;
import io.counterbench.cli.Interrupts;
import io.counterbench.cli.JmhLock;
import io.counterbench.cli.Summaries;
import io.counterbench.cli.UsageException;
import io.counterbench.cli.env.ProvenanceCapture;
import io.counterbench.cli.run.Profile;
import io.counterbench.counters.CounterTypes;
import io.counterbench.results.gate.AbFolder;
import io.counterbench.results.gate.GateResult;
import io.counterbench.results.gate.GateText;
import io.counterbench.results.util.Progress;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * ab as a plain API (as JMH's Runner takes Options): the rows both versions have, the plan, and one
 * run of paired forks into a new run folder, gated. It parses no flag; {@link AbCommand} and the
 * calibration series ({@link AbCalibrateCommand}) call it.
 */
final class Ab {
    private Ab() {}

    /** Both sides: their benchmarks.jars (read), how the plan and summary name them, the counter jars each loads. */
    record Sides(
            Version base,
            Version cur,
            String baseText,
            String curText,
            SideJarOptions.Sides jars,
            Path home,
            BenchmarkJar baseJar,
            BenchmarkJar curJar) {
        static Sides of(
                Version base, Version cur, String baseText, String curText, SideJarOptions.Sides jars, Path home) {
            return new Sides(
                    base,
                    cur,
                    baseText,
                    curText,
                    jars,
                    home,
                    BenchmarkJar.read(base.jar(), "--baseline"),
                    BenchmarkJar.read(cur.jar(), "--current"));
        }
    }

    /**
     * Resolves both versions: git revisions of counterbench (built and cached by {@code resolver}), built
     * jars, or this checkout's working tree (no --current; both sides with --repo or per-side counter jars).
     */
    static Sides resolve(
            String baseline,
            String current,
            SideJarOptions.Sides jars,
            boolean library,
            VersionResolver resolver,
            Path home) {
        if (baseline == null && !jars.perSide()) {
            throw new UsageException("missing --baseline REF|JAR (a git revision or a built benchmarks.jar)");
        }
        // with a library (--repo), --baseline and --current name its revisions, built into the side jars
        Version base = baseline == null || library
                ? workingTree(home, "the working tree of " + home)
                : resolver.resolve(baseline, "--baseline");
        Version cur = current == null || library
                ? workingTree(home, "the working tree of " + home)
                : resolver.resolve(current, "--current");
        String baseText = jars.baselineName() != null
                ? jars.baselineName() + " with " + jarsText(jars.baseline())
                : sideText(base, home, jars.baseline());
        String curText = jars.currentName() != null
                ? jars.currentName() + " with " + jarsText(jars.current())
                : sideText(cur, home, jars.current());
        return Sides.of(base, cur, baseText, curText, jars, home);
    }

    /** One version on both sides (a calibration series), named by its description; both load {@code counterJars}. */
    static Sides same(Version v, List<Path> counterJars, Path home) {
        SideJarOptions.Sides jars =
                new SideJarOptions.Sides(counterJars, List.of(), List.of(), java.util.Set.of(), null, null);
        return Sides.of(v, v, v.describe(), v.describe(), jars, home);
    }

    /** This checkout's benchmarks.jar as run-bench.sh built it, described as {@code name}. */
    static Version workingTree(Path home, String name) {
        Path jar = BenchModule.jar(home);
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new UsageException("this checkout has no built " + jar + " (run ./run-bench.sh build)");
        }
        return new Version(name, null, jar);
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
        return jars.stream()
                .map(j -> j.getFileName() + " (sha256 "
                        + ProvenanceCapture.sha256(j).substring(0, 12) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The rows of the profile's plan, as narrowed, that both versions declare (may be none). */
    static List<AbRow> rows(AbOptions o, Sides s) {
        return AbRows.common(o.profile(), o.filter(), o.counters(), o.threads(), s.baseJar(), s.curJar());
    }

    /** The plan, with the rows that fit run side by side when the options ask for it and this machine allows it. */
    static AbPlan plan(AbOptions o, List<AbRow> rows, int pairs, PrintWriter err) {
        AbPlan plan = AbPlan.of(rows, pairs, o.seed(), AbRows.secondsPerFork(o.profile()));
        if ("off".equals(o.sideBySide())) {
            return plan;
        }
        int[] cpus = io.counterbench.topology.Affinity.processCpus();
        if (cpus.length < 2) {
            return plan;
        }
        if (!ForkRunner.canConfine()) {
            err.println("ab: note: taskset (util-linux) is not on the PATH, so every pair runs one fork after "
                    + "the other");
            err.flush();
            return plan;
        }
        return plan.sideBySide(cpus, !"on".equals(o.sideBySide()));
    }

    /** The pair counts at which an adaptive run looks (none without a budget). */
    static int[] looks(AbOptions o, AbPlan plan) {
        return o.budgetSeconds() > 0
                ? AbPlan.looks(
                        plan.rows().size(),
                        o.gate().alpha(),
                        o.pairs(),
                        plan.roundsIn(Math.max(0, o.budgetLeftSeconds())))
                : new int[0];
    }

    static void printPlan(PrintWriter out, AbOptions o, AbPlan plan, Sides s, int[] looks) {
        Profile p = o.profile();
        out.printf(
                "ab plan: profile %s, %d rows x %d pairs = %d forks (one JVM each), seed %d%n",
                p.label(), plan.rows().size(), plan.pairs(), 2 * plan.schedule().size(), plan.seed());
        out.printf("  baseline: %s  %s%n", s.baseText(), s.base().jar());
        out.printf(
                "  current:  %s  %s%s%n",
                s.curText(), s.cur().jar(), o.knob().isEmpty() ? "" : "  (" + String.join(" ", o.knob()) + ")");
        out.printf(
                "  per fork: warmup %d x %d ms, measurement %d x %d ms%n",
                p.warmupIterations, p.warmupMillis, p.measurementIterations, p.measurementMillis);
        for (AbRow r : plan.rows()) {
            out.printf("  %3d  %s%s%n", r.index() + 1, r.label(), plan.together(r.index()) ? "  (side by side)" : "");
        }
        if (plan.duet() != null) {
            out.printf(
                    "  side by side: the two forks of a pair at once, one on CPUs %s, the other on CPUs %s "
                            + "(which gets which: a fair coin per pair)%n",
                    AbPlan.Duet.format(plan.duet().firstHalf()),
                    AbPlan.Duet.format(plan.duet().secondHalf()));
        }
        out.printf("  each fork's score: %s%n", o.gate().forkScore().description());
        out.printf("  estimated time: %s%n", Progress.format(plan.estimateSeconds()));
        if (looks.length > 0) {
            out.printf(
                    "  adaptive: %s, rows settled at a look stop; a row that has not reached its last look when "
                            + "the budget ends is tested then on all its pairs; budget %s from ab's start, builds "
                            + "included (%s left now, about %.0f rounds of pairs)%n",
                    looks.length == 1
                            ? "one look, at " + looks[0] + " pairs or the budget's end"
                            : "looks at "
                                    + java.util.Arrays.stream(looks)
                                            .mapToObj(String::valueOf)
                                            .collect(Collectors.joining(", "))
                                    + " pairs (alpha split over " + looks.length + " looks)",
                    Progress.format(o.budgetSeconds()),
                    Progress.format(Math.max(0, o.budgetLeftSeconds())),
                    plan.roundsIn(Math.max(0, o.budgetLeftSeconds())));
        }
        out.flush();
    }

    /**
     * Measures the plan into a new run folder under the options' root, holding JMH's lock, and gates it.
     * Regressed (or an accuracy failure): CheckFailedException; pairs that did not finish, a folder that
     * cannot be written: UsageException; else the gate's result (passed or inconclusive).
     */
    static GateResult measure(
            AbOptions o,
            AbPlan plan,
            int[] looks,
            Sides v,
            Interrupts interrupts,
            PrintWriter stdout,
            PrintWriter err) {
        try (JmhLock lock = JmhLock.acquire(o.lockWaitMinutes(), err)) {
            return measureLocked(o, plan, looks, v, interrupts, stdout, err);
        }
    }

    private static GateResult measureLocked(
            AbOptions o,
            AbPlan plan,
            int[] looks,
            Sides v,
            Interrupts interrupts,
            PrintWriter stdout,
            PrintWriter err) {
        Profile p = o.profile();
        Instant start = Instant.now();
        Path folder = RunFolders.create(o.root(), start);
        interrupts.on(Interrupts.removeIfEmpty(folder, err, "ab"));
        stdout.println("run folder: " + folder);
        stdout.flush();
        List<String> flags = new ArrayList<>(AbJvm.flags());
        SideJarOptions.Sides sides = v.jars();
        List<String> baseJarFlags = sides.perSide() ? sides.baselineFlags() : CounterTypes.forkJvmArgs();
        if (flags.stream().noneMatch(f -> f.startsWith("-Djmh.ignoreLock"))) {
            // ab holds JMH's lock itself (JmhLock), and a side-by-side pair runs two hosts at once
            flags.add("-Djmh.ignoreLock=true");
        }
        List<String> curFlags = new ArrayList<>(flags);
        flags.addAll(baseJarFlags); // --counter-jar types for both sides, --baseline-counter-jar for this one
        curFlags.addAll(sides.perSide() ? sides.currentFlags() : baseJarFlags);
        curFlags.addAll(o.knob());
        if (!o.knob().isEmpty()) {
            // the knob's code path compiled in on both sides, its extra work on current's only: untouched rows stay A/A
            flags.add("-D" + Slowdowns.PROPERTY + "=");
        }
        Path java = Path.of(System.getProperty("java.home")).resolve("bin").resolve("java");
        ForkRunner runner = new ForkRunner(
                java,
                new ForkRunner.Settings(
                        p.warmupIterations,
                        p.warmupMillis,
                        p.measurementIterations,
                        p.measurementMillis,
                        v.baseJar().accuracyProfiler() && v.curJar().accuracyProfiler(),
                        10 * AbRows.secondsPerFork(p) + 120));
        AbRecord record = new AbRecord(o.command(), start, p, plan, flags, curFlags);
        record.provenance(ProvenanceCapture.capture(v.home(), measuredJars(v), flags));
        AbRun run = new AbRun(
                plan,
                folder,
                runner,
                new AbRun.Side(v.base(), flags),
                new AbRun.Side(v.cur(), curFlags),
                record::complete,
                err,
                o.rerunAbove());
        interrupts.on(() -> {
            if (!run.isClosed()) {
                run.interrupt("interrupted (SIGINT/SIGTERM) after " + run.completePairs() + " of " + run.plannedPairs()
                        + " pairs");
                err.println();
                err.println("error: interrupted: " + run.completePairs() + " of " + run.plannedPairs()
                        + " pairs finished; "
                        + "they are kept in " + folder + " (./run-bench.sh gate --ab " + folder + " analyzes them)");
                err.flush();
                Runtime.getRuntime().halt(ExitCodes.BAD_INPUT);
            }
        });
        if (looks.length > 0) {
            long deadline = System.nanoTime() + (long) (o.budgetLeftSeconds() * 1e9);
            run.adaptive(
                    looks, deadline, o.budgetSeconds(), f -> AbFolder.load(f).settled(o.gate()));
        }
        try {
            run.run();
        } catch (RuntimeException e) {
            interrupts.quietIfFired();
            throw e;
        }
        interrupts.quietIfFired();
        interrupts.off();
        return gate(o, v, run, folder, stdout);
    }

    /** The finished run gated, printed and summarized; the failures thrown as {@link #measure} says. */
    private static GateResult gate(AbOptions o, Sides v, AbRun run, Path folder, PrintWriter stdout) {
        if (run.writeFailure() != null) {
            throw new UsageException("cannot write to the run folder " + folder + ": " + run.writeFailure() + "; the "
                    + run.completePairs()
                    + " finished pairs are kept there (run.json and pairs.json say what is missing)");
        }
        stdout.println();
        if (run.completePairs() == 0) {
            throw new UsageException("no pair of forks finished (first error: " + run.firstError() + "); see "
                    + folder.resolve("forks"));
        }
        GateResult g = AbFolder.load(folder).gate(o.gate());
        String knob = String.join(" ", o.knob());
        stdout.println(
                "baseline: " + v.baseText() + "; current: " + v.curText() + (knob.isEmpty() ? "" : " with " + knob));
        stdout.print(GateText.table(g)); // a run that stopped short reads inconclusive at best (AbFolder.gate)
        Summaries.write(
                folder.resolve("summary.md"),
                o.summary(),
                "Baseline " + v.baseText() + ", current "
                        + v.curText()
                        + (knob.isEmpty() ? "" : " (" + knob + ")") + "; run folder `" + folder.getFileName() + "`.\n\n"
                        + GateText.markdown(g),
                stdout,
                GateCommand.environment);
        stdout.println("results: " + folder);
        stdout.flush();
        if (g.failed()) {
            throw new CheckFailedException("ab: " + g.counts());
        }
        if (run.failedPairs() > 0) {
            throw new UsageException(run.failedPairs() + " of " + run.plannedPairs() + " pairs did not finish (first: "
                    + run.firstError() + "); the " + run.completePairs() + " finished pairs are kept in " + folder
                    + " and were gated");
        }
        return g;
    }

    /** Both sides' benchmarks.jars and every counter jar, for run.json's provenance. */
    private static List<ProvenanceCapture.JarRole> measuredJars(Sides v) {
        List<ProvenanceCapture.JarRole> jars = new ArrayList<>();
        jars.add(new ProvenanceCapture.JarRole(
                "baseline " + v.base().describe(), v.base().jar()));
        jars.add(new ProvenanceCapture.JarRole(
                "current " + v.cur().describe(), v.cur().jar()));
        SideJarOptions.Sides sides = v.jars();
        sides.shared().forEach(j -> jars.add(new ProvenanceCapture.JarRole("counter-jar", j)));
        sides.baseline().forEach(j -> jars.add(new ProvenanceCapture.JarRole("baseline counter-jar", j)));
        sides.current().forEach(j -> jars.add(new ProvenanceCapture.JarRole("current counter-jar", j)));
        return jars;
    }
}
