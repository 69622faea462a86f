package io.counterbench.results.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.JsonFields;
import io.counterbench.results.util.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result format (-rf json), whoever wrote it: any benchmark names and parameters,
 * every mode (SampleTime histograms in rawDataHistogram included), "NaN" strings for scores,
 * missing secondaryMetrics, params or rawData. The file is read by {@link JsonInput}; the ranges of
 * its numbers are declared here, once: threads a thread count ({@link Limits#THREADS}), forks and
 * histogram counts whole and non-negative, primary scores, errors and samples finite and
 * non-negative (NaN where JMH could not measure), secondary metrics finite or NaN. Anything else is
 * an {@link InputException} whose one-line message names the file and what is wrong with it.
 */
public final class JmhJson {
    static final Range FORKS = new Range("a fork count", 0, 100_000);
    static final Range THREAD_GROUP = new Range("a group's thread count", 0, Limits.MAX_CPUS);
    static final Range HISTOGRAM_COUNT = new Range("a histogram bin's count", 0, 1L << 53);

    private JmhJson() {}

    public static List<JmhResult> read(Path file) {
        JsonNode root = readTree(file);
        if (!root.isArray()) {
            throw InputException.of(
                    file, "not JMH's JSON: expected an array of benchmark results, found " + kind(root));
        }
        if (root.isEmpty()) {
            throw InputException.of(file, "no benchmark results (an empty array)");
        }
        List<JmhResult> out = new ArrayList<>();
        java.util.Set<String> rows = new java.util.HashSet<>();
        int i = 0;
        for (JsonNode n : root) {
            i++;
            JmhResult r = result(file, i, n);
            if (!rows.add(rowKey(r))) {
                // one rule for every reader (report, export, gate, ab): a row twice is a damaged or concatenated file
                throw InputException.of(
                        file,
                        "two results for " + r.label(true)
                                + "; a run must have one row per benchmark, params, "
                                + "threads and mode");
            }
            out.add(r);
        }
        return out;
    }

    /** What makes a row one row: benchmark, params, threads (and groups) and mode, as the gate's RowKey. */
    private static String rowKey(JmhResult r) {
        return r.benchmark() + "\u0000" + new java.util.TreeMap<>(r.params()) + "\u0000" + r.threads() + "\u0000"
                + java.util.Arrays.toString(r.threadGroups()) + "\u0000" + r.mode();
    }

    /** Parses any JSON file with one-line errors (see {@link JsonInput#read}). */
    public static JsonNode readTree(Path file) {
        return JsonInput.read(file);
    }

    private static JmhResult result(Path file, int index, JsonNode n) {
        String where = "result " + index;
        if (!n.isObject()) {
            throw InputException.of(
                    file, "not JMH's JSON: " + where + " is " + kind(n) + ", not a benchmark result object");
        }
        String benchmark = text(file, where, n, "benchmark");
        where = where + " (" + benchmark + ")";
        String modeText = text(file, where, n, "mode");
        Mode mode = Mode.parse(modeText);
        if (mode == null) {
            throw InputException.of(
                    file, where + ": unknown mode '" + modeText + "' (JMH writes thrpt, avgt, sample or ss)");
        }
        JsonNode pm = n.get("primaryMetric");
        if (pm == null || !pm.isObject()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"primaryMetric\" object");
        }
        Metric primary = metric(file, where + " primaryMetric", pm, true);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode sm = n.get("secondaryMetrics");
        if (sm != null && !sm.isNull()) {
            if (!sm.isObject()) {
                throw InputException.of(file, where + ": \"secondaryMetrics\" is " + kind(sm) + ", not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sm.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isObject()) {
                    throw InputException.of(
                            file, where + ": secondary metric '" + e.getKey() + "' is " + kind(e.getValue()));
                }
                // JMH before 1.36 prefixed profiler metrics with a middle dot: "·gc.alloc.rate.norm"
                String name = e.getKey().startsWith("\u00b7") ? e.getKey().substring(1) : e.getKey();
                secondary.put(
                        name, metric(file, where + " secondary metric '" + e.getKey() + "'", e.getValue(), false));
            }
        }
        TreeMap<String, String> params = new TreeMap<>();
        JsonNode pa = n.get("params");
        if (pa != null && !pa.isNull()) {
            if (!pa.isObject()) {
                throw InputException.of(file, where + ": \"params\" is " + kind(pa) + ", not an object");
            }
            pa.fields()
                    .forEachRemaining(e -> params.put(
                            e.getKey(),
                            e.getValue().isValueNode()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        }
        int threads = (int) JsonFields.whole(file, where + ": ", n, "threads", Limits.THREADS, 1);
        int forks = (int) JsonFields.whole(
                file, where + ": ", n, "forks", FORKS, primary.forks().size());
        int[] groups = new int[0];
        JsonNode tg = n.get("threadGroups");
        if (tg != null && !tg.isNull()) {
            if (!tg.isArray()) {
                throw InputException.of(
                        file, where + ": \"threadGroups\" is " + kind(tg) + ", not an array of thread counts");
            }
            groups = new int[tg.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = (int)
                        JsonFields.whole(file, where + ": \"threadGroups\" entry " + (i + 1), tg.get(i), THREAD_GROUP);
            }
        }
        return new JmhResult(benchmark, mode, threads, forks, groups, params, primary, secondary);
    }

    /** A metric; a primary one measures time or operations, so its values cannot be negative. */
    private static Metric metric(Path file, String where, JsonNode m, boolean primary) {
        JsonNode s = m.get("score");
        if (s == null || s.isNull()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"score\"");
        }
        double score = value(file, where + " score", s, primary);
        double error = m.has("scoreError") ? value(file, where + " scoreError", m.get("scoreError"), true) : Double.NaN;
        String unit = m.hasNonNull("scoreUnit") ? m.get("scoreUnit").asText() : "";
        List<double[]> forks = new ArrayList<>();
        long histogramCount = 0;
        JsonNode raw = m.get("rawData");
        JsonNode hist = m.get("rawDataHistogram");
        if (raw != null && !raw.isNull()) {
            if (!raw.isArray()) {
                throw InputException.of(file, where + ": \"rawData\" is " + kind(raw) + ", not an array of forks");
            }
            for (JsonNode fork : raw) {
                if (!fork.isArray()) {
                    throw InputException.of(
                            file, where + ": a fork of \"rawData\" is " + kind(fork) + ", not an array of iterations");
                }
                double[] it = new double[fork.size()];
                for (int i = 0; i < it.length; i++) {
                    it[i] = value(file, where + " rawData", fork.get(i), primary);
                }
                forks.add(it);
            }
        } else if (hist != null && !hist.isNull()) {
            // forks -> iterations -> [[value, count], ...]
            if (!hist.isArray()) {
                throw InputException.of(
                        file, where + ": \"rawDataHistogram\" is " + kind(hist) + ", not an array of forks");
            }
            for (JsonNode fork : hist) {
                if (!fork.isArray()) {
                    throw InputException.of(
                            file,
                            where + ": a fork of \"rawDataHistogram\" is " + kind(fork)
                                    + ", not an array of iterations");
                }
                double[] it = new double[fork.size()];
                for (int i = 0; i < it.length; i++) {
                    JsonNode iteration = fork.get(i);
                    if (!iteration.isArray()) {
                        throw InputException.of(
                                file,
                                where + ": an iteration of \"rawDataHistogram\" is " + kind(iteration)
                                        + ", not [[value, count], ...]");
                    }
                    double sum = 0;
                    long count = 0;
                    for (JsonNode bin : iteration) {
                        if (!bin.isArray() || bin.size() != 2) {
                            throw InputException.of(
                                    file,
                                    where + ": a \"rawDataHistogram\" bin is " + kind(bin) + ", not [value, count]");
                        }
                        double v = value(file, where + " rawDataHistogram value", bin.get(0), true);
                        long c = JsonFields.whole(file, where + " rawDataHistogram count", bin.get(1), HISTOGRAM_COUNT);
                        if (Double.isNaN(v) && c > 0) {
                            throw InputException.of(
                                    file,
                                    where + ": a \"rawDataHistogram\" bin has no value (NaN) but a count of " + c);
                        }
                        sum += c == 0 ? 0 : v * c;
                        count += c;
                        if (count > HISTOGRAM_COUNT.max() || !Double.isFinite(sum)) {
                            throw InputException.of(
                                    file,
                                    where + ": the \"rawDataHistogram\" bins of one iteration add up to more than "
                                            + HISTOGRAM_COUNT.max() + " measurements or an infinite time");
                        }
                    }
                    it[i] = count == 0 ? Double.NaN : sum / count;
                    histogramCount += count;
                }
                forks.add(it);
            }
        }
        return new Metric(score, error, unit, forks, histogramCount);
    }

    /**
     * A metric's number: finite, or NaN where JMH could not measure it; {@code nonNegative} for
     * scores, errors, samples and histogram values of time and operation counts.
     */
    private static double value(Path file, String where, JsonNode n, boolean nonNegative) {
        double v = JsonFields.number(file, where, n);
        if (Double.isInfinite(v)) {
            throw InputException.of(
                    file,
                    where + " is infinite (JMH writes +INF or -INF when a measurement divides by zero): "
                            + "such a row cannot be compared");
        }
        if (nonNegative && v < 0) {
            throw InputException.of(file, where + " is " + v + ": a time or an operation rate cannot be negative");
        }
        return v;
    }

    private static String text(Path file, String where, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"" + field + "\" string");
        }
        return v.asText();
    }

    static String kind(JsonNode n) {
        return JsonFields.kind(n);
    }
}
