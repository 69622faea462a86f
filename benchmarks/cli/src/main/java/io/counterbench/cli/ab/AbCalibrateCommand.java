package io.counterbench.cli.ab;

import io.counterbench.cli.ExitCodes;
import io.counterbench.cli.Interrupts;
import io.counterbench.cli.UsageException;
import io.counterbench.counters.CounterTypes;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.util.Progress;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ab calibrate: the gate's false-alarm and detection rates on this machine, from ab runs of one version against
 * itself. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Calibrate the gate on this machine: a series of ab runs (in this process) of one version "
                    + "(--baseline, default the working tree) against itself, pure A/A runs alternating with runs "
                    + "whose current side has the slowdown knob set; writes calibration.md (the README's table) into "
                    + "a new folder under --out (default " + RunFolders.CALIBRATION + "), rewritten after every run.",
            "--resample DIR calibrates on recorded pairs instead, --tabulate DIR gates a series' runs again; neither "
                    + "runs anything."
        })
final class AbCalibrateCommand implements Callable<Integer> {
    @Option(
            names = "--baseline",
            paramLabel = "REF|JAR",
            description = "The version run against itself: a git "
                    + "revision or a built benchmarks.jar (default: this checkout's working tree, as "
                    + "run-bench.sh built it).")
    String baseline;

    @Mixin
    AbFlags flags;

    @Option(names = "--aa-runs", paramLabel = "N", description = "Pure A/A runs (default: ${DEFAULT-VALUE}).")
    int aaRuns = 10;

    @Option(
            names = "--knob-runs",
            paramLabel = "N",
            description = "Runs with the knob set (default: ${DEFAULT-VALUE}).")
    int knobRuns = 10;

    @Option(
            names = "--levels",
            split = ",",
            paramLabel = "PERCENT[,...]",
            description = "Knob levels (default: 2,5,10,20).")
    List<Double> levels = List.of(2.0, 5.0, 10.0, 20.0);

    @Option(
            names = "--knob-counters",
            split = ",",
            paramLabel = "ID[,ID...]",
            description = "The counters that get "
                    + "the levels, one level each, rotating from run to run (default: tree,flat,per-thread,adder).")
    List<String> knobCounters = List.of("tree", "flat", "per-thread", "adder");

    @Option(
            names = "--tabulate",
            paramLabel = "DIR",
            description = "Run nothing, gate the finished runs of the "
                    + "calibration folder DIR (DIR/runs) again with this command's --threshold, --alpha, --detect and "
                    + "--fork-score, and rewrite DIR/calibration.md.")
    Path tabulate;

    @Option(
            names = "--resample",
            paramLabel = "DIR",
            description = "Run nothing; calibrate the gate on the recorded "
                    + "pairs of DIR (an ab run folder, or a folder of them such as a calibration folder): per row the "
                    + "label-swap null rate at its level, the flag rate with --levels added as slowdowns, the check "
                    + "of its MDE; writes calibration.md (Clopper-Pearson intervals) into a new folder under --out "
                    + "(default "
                    + RunFolders.CALIBRATION + "). Repeatable.")
    List<Path> resample;

    @Option(
            names = "--resamples",
            paramLabel = "N",
            description = "With --resample: resamples per row and case (default: ${DEFAULT-VALUE}).")
    int resamples = 1000;

    @Option(
            names = "--wrap",
            paramLabel = "COMMAND",
            description = "Hold this command around each ab run, e.g. "
                    + "'flock -x /work/bench.lock' (a lock held per run, released between runs).")
    String wrap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AbOptions.Builder builder = flags.options(List.of());
        List<String> wrapCommand = checkFlags();
        List<String> ids = knobCounters.stream()
                .map(c -> CounterTypes.parse(c.strip()).id())
                .distinct()
                .toList();
        AbOptions o = builder.counters(flags.rows.counterIds()).build();
        Path home = RunFolders.home();
        Path root = home.resolve(RunFolders.CALIBRATION);
        String command =
                AbCalibration.commandLine(spec.commandLine().getParseResult().originalArgs());
        if (resample != null) {
            resample.forEach(ResampleCalibration::folders); // each DIR checked before anything is written
            Path md = RunFolders.create(flags.out.root(root), Instant.now()).resolve("calibration.md");
            List<Double> shifts = levels.stream().map(l -> l / 100).toList();
            stdout.print(ResampleCalibration.run(
                    resample, o.gate(), resamples, shifts, flags.seed != null ? flags.seed : 1, md, command));
            stdout.println("calibration: " + md);
            return ExitCodes.OK;
        }
        if (tabulate != null) {
            stdout.print(CalibrationRunner.tabulate(tabulate, o.gate(), CalibrationRunner.producedBy(tabulate), err));
            stdout.println("calibration: " + tabulate.resolve("calibration.md"));
            return ExitCodes.OK;
        }
        if (aaRuns + knobRuns == 0) {
            throw new UsageException("ab calibrate needs at least one run (--aa-runs, --knob-runs)");
        }
        Version v = AbCalibration.version(baseline, flags.cache, home, err);
        Ab.Sides sides = Ab.same(v, flags.counterJars.paths(), home);
        List<AbRow> rows = AbCalibration.rows(o, sides, v);
        AbPlan estimate = Ab.plan(o, rows, flags.pairs != null ? flags.pairs : o.profile().forks, err);
        String levelText =
                levels.stream().map(l -> GateOptions.percent(l / 100)).collect(Collectors.joining(", "));
        int total = aaRuns + knobRuns;
        if (flags.dryRun) {
            stdout.printf(
                    "calibration plan: %d A/A runs and %d knob runs of %s, levels %s on %s (rotating); "
                            + "each run:%n",
                    aaRuns, knobRuns, v.describe(), levelText, String.join(", ", ids));
            Ab.printPlan(stdout, o, estimate, sides, new int[0]);
            stdout.printf("estimated time of the series: %s%n", Progress.format(total * estimate.estimateSeconds()));
            return ExitCodes.OK;
        }
        Path dir = RunFolders.create(flags.out.root(root), Instant.now());
        stdout.printf(
                "calibration: %d A/A runs and %d knob runs of %s, profile %s, %d rows; levels %s on %s "
                        + "(rotating); folder %s%n",
                aaRuns,
                knobRuns,
                v.describe(),
                o.profile().label(),
                rows.size(),
                levelText,
                String.join(", ", ids),
                dir);
        stdout.flush();
        CalibrationRunner.Series series =
                new CalibrationRunner.Series(aaRuns, knobRuns, levels, ids, wrapCommand, o.seed(), o.gate(), command);
        String table;
        try (Interrupts interrupts = new Interrupts("ab calibrate")) {
            table = new CalibrationRunner(series, dir, err)
                    .run(
                            estimate.estimateSeconds(),
                            (runs, log, knob, seed) ->
                                    AbCalibration.runOne(o, rows, sides, interrupts, runs, log, knob, seed));
        }
        stdout.println();
        stdout.print(table);
        stdout.println("calibration: " + dir.resolve("calibration.md"));
        return ExitCodes.OK;
    }

    /** The flags of the series checked before anything is resolved, built or written; the --wrap command's words. */
    private List<String> checkFlags() {
        if (tabulate != null && !Files.isDirectory(tabulate.resolve("runs"))) {
            throw new UsageException("--tabulate '" + tabulate + "': not a calibration folder (no runs/ folder in it)");
        }
        if (resamples < 10 || resamples > 1_000_000) {
            throw new UsageException("--resamples " + resamples + ": between 10 and 1000000");
        }
        if (aaRuns < 0 || knobRuns < 0) {
            throw new UsageException("--aa-runs and --knob-runs: 0 or more runs");
        }
        if (levels.stream().anyMatch(l -> l == null || !(l > 0 && l <= 100))) {
            throw new UsageException("--levels: percentages in (0, 100], e.g. 2,5,10,20");
        }
        return AbCalibration.wrapWords(wrap);
    }
}
