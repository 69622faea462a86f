package io.counterbench.cli.ab;

import io.counterbench.cli.CheckFailedException;
import io.counterbench.cli.ExitCodes;
import io.counterbench.cli.Interrupts;
import io.counterbench.cli.Main;
import io.counterbench.cli.UsageException;
import io.counterbench.results.gate.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The pieces of `ab calibrate` that are not flags: one run of the series, the --wrap command, the command line. */
final class AbCalibration {
    private AbCalibration() {}

    /** One ab run of the series, in this process; its exit code as ab's would be (its errors go to its log). */
    static int runOne(
            AbOptions series,
            List<AbRow> rows,
            Ab.Sides sides,
            Interrupts interrupts,
            Path runs,
            PrintWriter log,
            String knob,
            long seed) {
        List<String> knobFlags = knob == null ? List.of() : Slowdowns.jvmArgs(List.of(knob.split(",")));
        AbOptions o = series.toBuilder()
                .seed(seed)
                .root(runs)
                .knob(knobFlags)
                .budgetFrom(System.currentTimeMillis())
                .command(List.of("ab calibrate", "run", "seed " + seed, knob == null ? "A/A" : "--slowdown " + knob))
                .build();
        try {
            AbPlan plan = Ab.plan(o, rows, o.pairs(), log);
            int[] looks = Ab.looks(o, plan);
            Ab.printPlan(log, o, plan, sides, looks);
            return Ab.measure(o, plan, looks, sides, interrupts, log, log).outcome() == Outcome.INCONCLUSIVE
                    ? ExitCodes.INCONCLUSIVE
                    : ExitCodes.OK;
        } catch (CheckFailedException e) {
            log.println("check failed: " + Main.oneLine(e));
            return ExitCodes.CHECK_FAILED;
        } catch (UsageException | IllegalArgumentException | java.io.UncheckedIOException e) {
            log.println("error: " + Main.oneLine(e));
            return ExitCodes.BAD_INPUT;
        }
    }

    /** The version run against itself: --baseline resolved (a git revision or a jar), else the working tree. */
    static Version version(String baseline, Path cache, Path home, PrintWriter err) {
        return baseline == null
                ? Ab.workingTree(home, "the working tree")
                : new VersionResolver(
                                home,
                                cache != null ? cache : VersionResolver.defaultCache(),
                                Path.of(System.getProperty("java.home")),
                                err)
                        .resolve(baseline, "--baseline");
    }

    /** The rows of the series (one line, exit 2, when the profile and flags leave none that the version declares). */
    static List<AbRow> rows(AbOptions o, Ab.Sides sides, Version v) {
        List<AbRow> rows = Ab.rows(o, sides);
        if (rows.isEmpty()) {
            String narrowed = (o.filter() == null ? "" : " narrowed by --benchmarks '" + o.benchmarks() + "'")
                    + (o.counters() == null && o.threads() == null ? "" : " and --counters/--threads");
            throw new UsageException("no row to calibrate: the " + o.profile().label() + " profile" + narrowed
                    + " has no benchmark that " + v.describe() + " declares");
        }
        return rows;
    }

    /** The --wrap command's words (none without --wrap), its program checked to be on PATH or an executable file. */
    static List<String> wrapWords(String wrap) {
        if (wrap == null) {
            return List.of();
        }
        List<String> words = List.of(wrap.strip().split("\\s+"));
        if (words.get(0).isEmpty()) {
            throw new UsageException(
                    "--wrap '" + wrap + "' names no command (e.g. --wrap 'flock -x " + "/work/bench.lock')");
        }
        if (!Executables.found(words.get(0))) {
            throw new UsageException(
                    "--wrap: '" + words.get(0) + "' is not a command found on PATH or an " + "executable file");
        }
        return words;
    }

    /** The command line as a shell would take it again, for calibration.md's provenance. */
    static String commandLine(List<String> args) {
        return "./run-bench.sh "
                + args.stream()
                        .map(a -> a.matches("[A-Za-z0-9_./:=,%@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                        .collect(Collectors.joining(" "));
    }
}
