package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The virtual-topology simulator's entry point (behind {@code run-bench.sh simulate}): validates
 * the request, runs the scenarios in order, prints each one's Markdown to {@code out} as it
 * finishes, measures the simulator's speed, and writes simulation.json into a new run folder (or
 * the --out folder), never over an existing file. In simulation.json only "timing" and "run"
 * objects vary between runs with the same seed.
 */
public final class Simulation {
    private Simulation() {}

    /**
     * @param scenarios scenario names (empty: every scenario but custom; "all" likewise)
     * @param seed the seed
     * @param quick CI-sized runs
     * @param out the output folder, or null for a new runs/&lt;utc&gt;-&lt;host&gt;/
     * @param progress whether to print progress on stderr
     * @param custom the custom scenario's flags (update takes their --topology, --counters and --ops)
     * @param latency a latency.json whose profile the cost model uses for every topology, or null (presets' own)
     * @param fastPath a run folder or jmh.json with the UpdateBenchmark rows (the fast path), or null
     * @param threads the update scenario's thread counts, or null (its default)
     */
    public record Request(
            List<String> scenarios,
            long seed,
            boolean quick,
            Path out,
            boolean progress,
            CustomOptions custom,
            Path latency,
            Path fastPath,
            List<Integer> threads) {}

    /**
     * @param json the simulation.json written
     * @param failures bound violations + precise mismatches + wrong victims of exact selections + counters that threw
     *     (must be 0)
     */
    public record Outcome(Path json, long failures) {}

    /** The scenario names users can type. */
    public static List<String> scenarioNames() {
        return Scenarios.names();
    }

    /** Runs a request; bad input throws IllegalArgumentException (one line) before anything is printed. */
    public static Outcome run(Request request, PrintWriter out, PrintWriter err) {
        return run(request, out, err, new SimulationFile());
    }

    /**
     * Runs a request; {@code file} is where a signal's handler finds the scenarios finished so far. The outcome's
     * json is null when the handler wrote simulation.json first (the run then writes and prints nothing more).
     */
    public static Outcome run(Request request, PrintWriter out, PrintWriter err, SimulationFile file) {
        long startNanos = System.nanoTime();
        Instant started = Instant.now();
        List<Scenario> scenarios = resolve(request.scenarios());
        CustomOptions custom = request.custom() == null ? CustomOptions.NONE : request.custom();
        boolean wantsCustom = scenarios.stream().anyMatch(s -> s.name().equals(CustomScenario.NAME));
        boolean wantsUpdate = scenarios.stream().anyMatch(s -> s.name().equals(UpdateScenario.NAME));
        CustomOptions updateFlags = CustomOptions.builder()
                .topology(custom.topology())
                .counters(custom.counters())
                .ops(custom.ops())
                .build();
        if (custom.any() && !wantsCustom && !(wantsUpdate && custom.equals(updateFlags))) {
            throw new IllegalArgumentException("--topology, --counters, --tasks, --workload, --migrate, --every, "
                    + "--migrate-probability, --ops, --pages and --batch apply to the custom scenario only "
                    + "(run 'simulate custom ...')"
                    + (wantsUpdate ? "; update takes --topology, --counters, --ops and --threads" : ""));
        }
        if (request.threads() != null && !request.threads().isEmpty() && !wantsUpdate) {
            throw new IllegalArgumentException(
                    "--threads applies to the update scenario only (run 'simulate update --threads N ...')");
        }
        CostInputs cost = CostInputs.read(request.latency(), request.fastPath());
        CustomPlan plan = wantsCustom ? CustomPlans.resolve(custom, request.seed(), request.quick()) : null;
        UpdatePlan update = wantsUpdate
                ? UpdatePlan.resolve(
                        custom,
                        request.threads(),
                        cost.fastPath(),
                        new SimSettings(request.seed(), request.quick(), null, null).seedFor(UpdateScenario.NAME),
                        request.quick())
                : null;
        Path folder = request.out() == null ? null : RunFolders.named(request.out());
        if (folder == null) {
            RunFolders.writable(RunFolders.defaultRoot()); // checked before the work, which can take minutes
        }
        SimSettings settings = new SimSettings(request.seed(), request.quick(), plan, update);
        file.start(request, scenarios.stream().map(Scenario::name).toList(), folder, started, startNanos);

        Progress progress = request.progress() ? new Progress(err, "simulate", Double.NaN) : Progress.silent();
        for (Scenario s : scenarios) {
            progress.plan(s.plannedOps(settings));
        }
        progress.plan(SpeedProbe.plannedOps(request.quick()));

        out.println("## counterbench simulate: "
                + String.join(", ", scenarios.stream().map(Scenario::name).toList()) + " (seed " + request.seed()
                + (request.quick() ? ", quick" : "") + ")");
        out.println();
        out.flush();
        List<ScenarioReport> reports = new ArrayList<>();
        List<SimResult> all = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioReport r = CostReport.attach(s.run(settings, progress), cost);
            reports.add(r);
            file.finished(r);
            all.addAll(r.results());
            out.println(r.markdown());
            out.flush();
        }
        List<SimResult> speed = SpeedProbe.measure(request.quick(), settings.seedFor("speed"), progress);
        double aggregate = SpeedProbe.treeAggregate(all);
        double wall = (System.nanoTime() - startNanos) / 1e9;
        printSpeed(out, SpeedProbe.json(speed), aggregate, wall);

        long failures = reports.stream().mapToLong(ScenarioReport::failures).sum() + ScenarioReport.failuresOf(speed);
        ObjectNode json = document(request, reports, failures);
        ObjectNode timing = json.putObject("timing");
        timing.put("started", started.toString());
        timing.put("wall_s", Json.round(wall));
        timing.set("speed", SpeedProbe.json(speed));
        Json.putNumber(timing, "tree_ops_per_s_scenarios", aggregate > 0 ? Json.round(aggregate) : Double.NaN);
        machine(json);

        Path written = file.complete(json);
        if (written == null) {
            return new Outcome(null, failures); // a signal's handler kept the finished scenarios and said so
        }
        out.println("simulation.json: " + written);
        out.println(
                failures == 0
                        ? "checks: no bound violation, precise() always equal to the exact value, no wrong victim "
                                + "with precise fallback"
                        : "checks: " + failures
                                + " FAILED (bound violations, precise mismatches, wrong exact victims or "
                                + "counters that threw): see " + written);
        out.flush();
        return new Outcome(written, failures);
    }

    /** The "run" object: where the simulation ran. */
    static void machine(ObjectNode json) {
        ObjectNode run = json.putObject("run");
        run.put("host", RunFolders.hostName());
        run.put("java", Runtime.version().toString());
        run.put("available_processors", Runtime.getRuntime().availableProcessors());
    }

    private static List<Scenario> resolve(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        if (names == null || names.isEmpty()) {
            wanted.addAll(Scenarios.DEFAULT);
        }
        for (String n : names == null ? List.<String>of() : names) {
            String s = n.strip().toLowerCase(Locale.ROOT);
            if (s.equals("all")) {
                wanted.addAll(Scenarios.DEFAULT);
            } else {
                wanted.add(Scenarios.byName(s).name());
            }
        }
        return wanted.stream().map(Scenarios::byName).toList();
    }

    static ObjectNode document(Request request, List<ScenarioReport> reports, long failures) {
        ObjectNode json = Json.object();
        json.put("schema", "counterbench-simulation/1");
        json.put("seed", request.seed());
        json.put("quick", request.quick());
        json.put("page_size_bytes", Units.PAGE_BYTES);
        json.put(
                "deterministic",
                "everything but the 'timing' and 'run' objects is a function of the seed and the flags");
        ArrayNode list = json.putArray("scenarios");
        reports.forEach(r -> list.add(r.json()));
        ObjectNode checks = json.putObject("checks");
        checks.put("failures", failures);
        checks.put(
                "meaning",
                "bound violations + precise() != exact + wrong victims of exact selections + counters that threw; "
                        + "must be 0");
        return json;
    }

    private static void printSpeed(PrintWriter out, ArrayNode speed, double aggregate, double wall) {
        out.println("### speed of the simulator");
        out.println();
        out.print(MarkdownWriter.padded(new SimTables(Units.PAGE_BYTES).speed(speed)));
        out.println();
        if (aggregate > 0) {
            out.printf(
                    Locale.ROOT,
                    "The scenarios' tree simulations of 1M+ operations together: %s simulated ops/s.%n",
                    Units.millions(aggregate));
        }
        out.printf(Locale.ROOT, "Wall time so far: %.1f s.%n%n", wall);
    }
}
