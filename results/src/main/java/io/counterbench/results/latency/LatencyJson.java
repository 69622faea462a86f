package io.counterbench.results.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.JsonFields;
import io.counterbench.results.util.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * latency.json, the one definition of its format: the latency command writes it ({@link #of}),
 * the report draws it and the simulator's cost model reads it ({@link #read}). "status" is complete,
 * or incomplete when a signal stopped the run (the pairs finished are kept, "reason" says so). Round trips are in
 * ns; each pair keeps every sample, and the medians, spreads and the "classes" summary written
 * beside them are derived from the samples (readers recompute them and ignore what is written).
 */
public final class LatencyJson {
    public static final String FILE = "latency.json";
    public static final String SCHEMA = "counterbench-latency/1";
    /** A round trip of a second is no cache-line bounce: a typo or a stalled machine. */
    static final double MAX_ROUND_TRIP_NS = 1e9;

    static final Range SAMPLES = new Range("a sample count", 1, 10_000);
    static final Range ROUND_TRIPS = new Range("a round-trip count", 1, Long.MAX_VALUE);
    static final Range PAIRS = new Range("a pair count", 0, Long.MAX_VALUE);
    static final String CAS = "cas";
    static final String STORE_LOAD = "store_load";

    private LatencyJson() {}

    /** The document for a run. */
    public static ObjectNode of(LatencyRun r) {
        ObjectNode o = Json.object();
        o.put("schema", SCHEMA);
        o.put("status", r.status());
        if (r.reason() != null) {
            o.put("reason", r.reason());
        }
        o.put(
                "what",
                "core-to-core latency: two threads pinned to CPUs a and b bounce one cache line; round trips in ns "
                        + "(one transfer each way), median and spread over samples; one-way = round trip / 2 is what "
                        + "a line move costs");
        ObjectNode methods = o.putObject("methods");
        methods.put(CAS, "CAS ping-pong: each side compare-and-sets the line from the other's value to its own");
        methods.put(
                STORE_LOAD,
                "store/load: each side waits with acquire loads for the other's value, then release-stores its own");
        ObjectNode machine = o.putObject("machine");
        machine.put("host", r.host());
        machine.put("cpu_model", r.cpuModel());
        ObjectNode topo = o.putObject("topology");
        topo.put("name", r.topology());
        topo.put("source", r.topologySource());
        ArrayNode cpus = o.putArray("cpus");
        for (int c : r.cpus()) {
            cpus.add(c);
        }
        LatencyRun.Settings s = r.settings();
        ObjectNode settings = o.putObject("settings");
        settings.put("samples", s.samples());
        settings.put("round_trips_per_sample", s.roundTripsPerSample());
        settings.put("warmup_round_trips", s.warmupRoundTrips());
        settings.put("pairs_total", s.pairsTotal());
        settings.put("pairs_measured", r.pairs().size());
        settings.put("sampled", s.sampled());
        settings.put("seed", s.seed());
        ArrayNode classes = o.putArray("classes");
        for (ClassSummary c : r.classes()) {
            ObjectNode x = classes.addObject();
            x.put("class", c.cls());
            x.put("label", LatencyRun.label(c.cls()));
            x.put("pairs", c.pairs());
            ObjectNode cas = x.putObject(CAS);
            stats(cas, c.cas(), "round_trip_ns");
            stats(cas, c.casSamples(), "sample_round_trip_ns");
            Json.putNumber(cas, "one_way_ns", Json.round(c.oneWayNs()));
            if (!c.storeLoad().isEmpty()) {
                ObjectNode sl = x.putObject(STORE_LOAD);
                stats(sl, c.storeLoad(), "round_trip_ns");
                stats(sl, c.storeLoadSamples(), "sample_round_trip_ns");
            }
        }
        o.put(
                "classes_note",
                "derived from the pairs: round_trip_ns is the median and spread (min, max) over the pairs' median "
                        + "round trips; sample_round_trip_ns the same over every single sample of those pairs");
        ArrayNode pairs = o.putArray("pairs");
        for (Pair p : r.pairs()) {
            ObjectNode x = pairs.addObject();
            x.put("a", p.a());
            x.put("b", p.b());
            x.put("class", p.cls());
            method(x.putObject(CAS), p.cas());
            if (p.storeLoad().length > 0) {
                method(x.putObject(STORE_LOAD), p.storeLoad());
            }
        }
        ObjectNode timing = o.putObject("timing");
        timing.put("started", r.started());
        Json.putNumber(timing, "wall_s", Json.round(r.wallSeconds()));
        return o;
    }

    private static void stats(ObjectNode o, Stats s, String what) {
        ObjectNode m = o.putObject(what);
        Json.putNumber(m, "median", Json.round(s.median()));
        Json.putNumber(m, "min", Json.round(s.min()));
        Json.putNumber(m, "max", Json.round(s.max()));
    }

    private static void method(ObjectNode o, double[] samples) {
        stats(o, Stats.of(samples), "round_trip_ns");
        ArrayNode a = o.putArray("samples_ns");
        for (double v : samples) {
            a.add(Json.round(v));
        }
    }

    /** Reads and checks latency.json; anything unusable is an {@link InputException} naming the file and the place. */
    public static LatencyRun read(Path file) {
        JsonNode root = JsonInput.read(file);
        if (!root.isObject()) {
            throw InputException.of(file, "not a latency file: expected an object, found " + JsonFields.kind(root));
        }
        String schema = JsonFields.text(file, "", root, "schema");
        if (schema == null || !schema.equals(SCHEMA)) {
            throw InputException.of(
                    file,
                    "not a latency file: schema is " + (schema == null ? "missing" : "\"" + schema + "\"")
                            + ", expected \"" + SCHEMA + "\" (written by ./run-bench.sh latency)");
        }
        String status = JsonFields.text(file, "", root, "status");
        if (status != null && !status.equals(LatencyRun.COMPLETE) && !status.equals(LatencyRun.INCOMPLETE)) {
            throw InputException.of(file, "status is \"" + status + "\": complete or incomplete");
        }
        String reason = JsonFields.text(file, "", root, "reason");
        JsonNode machine = JsonFields.object(file, "", root, "machine");
        String host = machine == null ? "" : orEmpty(JsonFields.text(file, "machine.", machine, "host"));
        String model = machine == null ? "" : orEmpty(JsonFields.text(file, "machine.", machine, "cpu_model"));
        JsonNode topo = JsonFields.object(file, "", root, "topology");
        String topology = topo == null ? "" : orEmpty(JsonFields.text(file, "topology.", topo, "name"));
        String topologySource = topo == null ? "" : orEmpty(JsonFields.text(file, "topology.", topo, "source"));

        JsonNode cpuList = JsonFields.array(file, "", root, "cpus");
        if (cpuList == null) {
            throw InputException.of(file, "no \"cpus\" array: the measured CPUs in topology order");
        }
        int[] cpus = new int[cpuList.size()];
        Set<Integer> known = new HashSet<>();
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = (int) JsonFields.whole(file, "cpus[" + i + "]", cpuList.get(i), Limits.CPU_ID);
            if (!known.add(cpus[i])) {
                throw InputException.of(file, "cpus lists CPU " + cpus[i] + " twice");
            }
        }
        if (cpus.length < 2) {
            throw InputException.of(file, "cpus has " + cpus.length + " CPU(s): a latency run needs at least two");
        }

        JsonNode set = JsonFields.object(file, "", root, "settings");
        LatencyRun.Settings settings = new LatencyRun.Settings(
                set == null ? 0 : (int) JsonFields.whole(file, "settings.", set, "samples", SAMPLES, 0),
                set == null ? 0 : JsonFields.whole(file, "settings.", set, "round_trips_per_sample", ROUND_TRIPS, 0),
                set == null ? 0 : JsonFields.whole(file, "settings.", set, "warmup_round_trips", PAIRS, 0),
                set == null ? 0 : JsonFields.whole(file, "settings.", set, "pairs_total", PAIRS, 0),
                set != null && set.path("sampled").asBoolean(false),
                set == null ? 0 : set.path("seed").asLong(0));

        JsonNode pairList = JsonFields.array(file, "", root, "pairs");
        if (pairList == null || pairList.isEmpty()) {
            throw InputException.of(
                    file, "no measured pairs (\"pairs\" is " + (pairList == null ? "missing" : "empty") + ")");
        }
        List<Pair> pairs = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        int i = 0;
        for (JsonNode p : pairList) {
            String where = "pairs[" + i + "]";
            if (!p.isObject()) {
                throw InputException.of(file, where + " is " + JsonFields.kind(p) + ", not an object");
            }
            int a = cpu(file, where + ".a", p, "a", known);
            int b = cpu(file, where + ".b", p, "b", known);
            if (a == b) {
                throw InputException.of(file, where + " pairs CPU " + a + " with itself");
            }
            long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
            Integer before = seen.put(key, i);
            if (before != null) {
                throw InputException.of(
                        file, where + " measures CPUs " + a + " and " + b + " again (pairs[" + before + "] did)");
            }
            String cls = JsonFields.text(file, where + ".", p, "class");
            if (cls == null || !LatencyRun.CLASSES.contains(cls)) {
                throw InputException.of(
                        file,
                        where + ".class is " + (cls == null ? "missing" : "\"" + cls + "\"") + ": one of "
                                + String.join(", ", LatencyRun.CLASSES));
            }
            double[] cas = samples(file, where + "." + CAS, p, CAS, true);
            double[] sl = samples(file, where + "." + STORE_LOAD, p, STORE_LOAD, false);
            pairs.add(new Pair(a, b, cls, cas, sl));
            i++;
        }
        JsonNode timing = JsonFields.object(file, "", root, "timing");
        String started = timing == null ? "" : orEmpty(JsonFields.text(file, "timing.", timing, "started"));
        double wall = timing == null ? Double.NaN : JsonFields.number(file, "timing.wall_s", timing.get("wall_s"));
        // files from before the status was written are whole runs: they were written only at the end
        return new LatencyRun(
                host,
                model,
                topology,
                topologySource,
                cpus,
                settings,
                pairs,
                started,
                wall,
                status == null ? LatencyRun.COMPLETE : status,
                reason);
    }

    private static int cpu(Path file, String where, JsonNode p, String field, Set<Integer> known) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            throw InputException.of(file, where + " is missing");
        }
        int cpu = (int) JsonFields.whole(file, where, v, Limits.CPU_ID);
        if (!known.contains(cpu)) {
            throw InputException.of(file, where + " is CPU " + cpu + ", which \"cpus\" does not list");
        }
        return cpu;
    }

    private static double[] samples(Path file, String where, JsonNode p, String method, boolean required) {
        JsonNode m = JsonFields.object(file, where.substring(0, where.lastIndexOf('.') + 1), p, method);
        if (m == null) {
            if (required) {
                throw InputException.of(file, where + " is missing");
            }
            return new double[0];
        }
        JsonNode list = JsonFields.array(file, where + ".", m, "samples_ns");
        if (list == null || list.isEmpty()) {
            throw InputException.of(file, where + ".samples_ns is " + (list == null ? "missing" : "empty"));
        }
        if (list.size() > SAMPLES.max()) {
            throw InputException.of(file, where + ".samples_ns has " + list.size() + " samples: " + SAMPLES.rule());
        }
        double[] out = new double[list.size()];
        for (int k = 0; k < out.length; k++) {
            double v = JsonFields.number(file, where + ".samples_ns[" + k + "]", list.get(k));
            if (!(v > 0 && v <= MAX_ROUND_TRIP_NS)) {
                throw InputException.of(
                        file,
                        where + ".samples_ns[" + k + "] is "
                                + (list.get(k).isNull() ? "null" : JsonFields.show(list.get(k)))
                                + ": a round trip must be above 0 and at most " + (long) MAX_ROUND_TRIP_NS + " ns");
            }
            out[k] = v;
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
