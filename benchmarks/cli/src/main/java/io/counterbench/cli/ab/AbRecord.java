package io.counterbench.cli.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.cli.env.Environment;
import io.counterbench.cli.env.EnvironmentJson;
import io.counterbench.cli.env.ProcStat;
import io.counterbench.cli.run.Profile;
import io.counterbench.results.gate.PairsJson;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.Json;
import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run.json of an ab run folder, in the run format every reader knows (RunJson): the command, the
 * profile (forks = pairs per row), the rows as plan entries, the machine, JMH's settings with
 * both versions' JVM flags, the /proc/stat deltas so far, and which rows finished.
 */
final class AbRecord {
    private final List<String> command;
    private final String started;
    private final RunJson.Profile profile;
    private final List<RunJson.Entry> entries;
    private final JsonNode environment;
    private final RunJson.HostTopology hostTopology;
    private final ObjectNode jmh;
    private final ProcStat before;
    private RunJson.Provenance provenance;

    AbRecord(
            List<String> args,
            Instant start,
            Profile p,
            AbPlan plan,
            List<String> baselineFlags,
            List<String> currentFlags) {
        this.command = List.copyOf(args);
        this.started = start.toString();
        this.profile = new RunJson.Profile(
                p.label(),
                p.warmupIterations,
                p.warmupMillis,
                p.measurementIterations,
                p.measurementMillis,
                plan.pairs());
        this.entries = plan.rows().stream().map(r -> entry(r, plan)).toList();
        Environment env = Environment.capture();
        this.environment = EnvironmentJson.environment(env);
        this.hostTopology = hostTopology(TopologySources.load("host"));
        this.jmh = Json.object();
        jmh.put("version", env.jmhVersion());
        jmh.put(
                "invocation",
                "one JMH invocation per fork: java FLAGS -jar VERSION/benchmarks.jar ROW -f 1 (see forks/*.log)");
        ArrayNode b = jmh.putArray("baselineJvmArgs");
        baselineFlags.forEach(b::add);
        ArrayNode c = jmh.putArray("currentJvmArgs");
        currentFlags.forEach(c::add);
        jmh.put("pairsPerRow", plan.pairs());
        jmh.put("seed", plan.seed());
        jmh.put("warmup", p.warmupIterations + " x " + p.warmupMillis + " ms");
        jmh.put("measurement", p.measurementIterations + " x " + p.measurementMillis + " ms");
        this.before = ProcStat.read();
    }

    /**
     * What exactly both sides measure: counterbench's commit, both benchmarks.jars' and the counter jars' SHA-256, the
     * JVM.
     */
    void provenance(RunJson.Provenance value) {
        provenance = value;
    }

    private static RunJson.Entry entry(AbRow r, AbPlan plan) {
        int dot = r.method().lastIndexOf('.');
        return new RunJson.Entry(
                r.index(),
                "io.counterbench.bench." + r.method().substring(0, dot),
                List.of(r.method().substring(dot + 1)),
                r.params(),
                r.threadGroups() == null
                        ? r.threads()
                        : java.util.Arrays.stream(r.threadGroups()).sum(),
                r.groupList(),
                Math.round(plan.pairs() * plan.secondsPerPair(r.index()) * 10) / 10.0);
    }

    /** The record to write, from AbRun's progress (status, reason, finished, rows done, failed, missing). */
    RunJson complete(RunJson progress) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("baseline", PairsJson.BASELINE_JMH);
        files.put("current", PairsJson.CURRENT_JMH);
        files.put("pairs", PairsJson.FILE);
        files.put("summary", "summary.md");
        files.put("forks", "forks/");
        JsonNode proc = EnvironmentJson.procStat(ProcStat.between(before, ProcStat.read()));
        return new RunJson(
                        RunJson.SCHEMA,
                        progress.status(),
                        progress.reason(),
                        started,
                        progress.finished(),
                        command,
                        profile,
                        "host",
                        progress.estimateSeconds(),
                        entries,
                        files,
                        environment,
                        hostTopology,
                        jmh,
                        null,
                        null,
                        proc,
                        progress.completed(),
                        progress.failed(),
                        progress.missing())
                .with(null, provenance);
    }

    private static RunJson.HostTopology hostTopology(Topology t) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            counts.put(l.shortName(), t.domainCount(l));
        }
        return new RunJson.HostTopology(t.name(), t.source(), t.puCount(), counts, t.notes());
    }
}
