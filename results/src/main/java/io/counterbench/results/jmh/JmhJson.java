package io.counterbench.results.jmh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.counterbench.results.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * missing secondaryMetrics, params or rawData. Anything else is an {@link InputException} whose
 * one-line message names the file and what is wrong with it.
 */
public final class JmhJson {
    /** Tolerates bare NaN/Infinity tokens as well as JMH's quoted "NaN". */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private JmhJson() {
    }

    public static List<JmhResult> read(Path file) {
        JsonNode root = readTree(file);
        if (!root.isArray()) {
            throw InputException.of(file, "not JMH's JSON: expected an array of benchmark results, found " + kind(root));
        }
        if (root.isEmpty()) {
            throw InputException.of(file, "no benchmark results (an empty array)");
        }
        List<JmhResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            i++;
            out.add(result(file, i, n));
        }
        return out;
    }

    /** Parses any JSON file with one-line errors for missing, empty, truncated and malformed files. */
    public static JsonNode readTree(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.of(file, "no such file");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw InputException.of(file, "empty file, not JSON");
        }
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonNode n = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw InputException.of(file, "not valid JSON: more content after the end of the document " + where(p.currentLocation()));
            }
            return n;
        } catch (JsonEOFException e) {
            throw InputException.of(file, "truncated JSON: the file ends inside " + inside(e.getOriginalMessage()) + " " + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.contains("end-of-input")) {
                throw InputException.of(file, "truncated JSON: the file ends inside " + inside(m) + " " + where(e.getLocation()));
            }
            throw InputException.of(file, "not valid JSON " + where(e.getLocation()) + ": " + firstLine(m));
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage());
        }
    }

    private static JmhResult result(Path file, int index, JsonNode n) {
        String where = "result " + index;
        if (!n.isObject()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " is " + kind(n) + ", not a benchmark result object");
        }
        String benchmark = text(file, where, n, "benchmark");
        where = where + " (" + benchmark + ")";
        String modeText = text(file, where, n, "mode");
        Mode mode = Mode.parse(modeText);
        if (mode == null) {
            throw InputException.of(file, where + ": unknown mode '" + modeText + "' (JMH writes thrpt, avgt, sample or ss)");
        }
        JsonNode pm = n.get("primaryMetric");
        if (pm == null || !pm.isObject()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"primaryMetric\" object");
        }
        Metric primary = metric(file, where + " primaryMetric", pm);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode sm = n.get("secondaryMetrics");
        if (sm != null && !sm.isNull()) {
            if (!sm.isObject()) {
                throw InputException.of(file, where + ": \"secondaryMetrics\" is " + kind(sm) + ", not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sm.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isObject()) {
                    throw InputException.of(file, where + ": secondary metric '" + e.getKey() + "' is " + kind(e.getValue()));
                }
                // JMH before 1.36 prefixed profiler metrics with a middle dot: "·gc.alloc.rate.norm"
                String name = e.getKey().startsWith("\u00b7") ? e.getKey().substring(1) : e.getKey();
                secondary.put(name, metric(file, where + " secondary metric '" + e.getKey() + "'", e.getValue()));
            }
        }
        TreeMap<String, String> params = new TreeMap<>();
        JsonNode pa = n.get("params");
        if (pa != null && !pa.isNull()) {
            if (!pa.isObject()) {
                throw InputException.of(file, where + ": \"params\" is " + kind(pa) + ", not an object");
            }
            pa.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        int threads = integer(file, where, n, "threads", 1);
        int forks = integer(file, where, n, "forks", primary.forks().size());
        int[] groups = new int[0];
        JsonNode tg = n.get("threadGroups");
        if (tg != null && tg.isArray()) {
            groups = new int[tg.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = tg.get(i).asInt();
            }
        }
        return new JmhResult(benchmark, mode, threads, forks, groups, params, primary, secondary);
    }

    private static Metric metric(Path file, String where, JsonNode m) {
        JsonNode s = m.get("score");
        if (s == null || s.isNull()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"score\"");
        }
        double score = number(file, where + " score", s);
        double error = m.has("scoreError") ? number(file, where + " scoreError", m.get("scoreError")) : Double.NaN;
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
                    throw InputException.of(file, where + ": a fork of \"rawData\" is " + kind(fork) + ", not an array of iterations");
                }
                double[] it = new double[fork.size()];
                for (int i = 0; i < it.length; i++) {
                    it[i] = number(file, where + " rawData", fork.get(i));
                }
                forks.add(it);
            }
        } else if (hist != null && !hist.isNull()) {
            // forks -> iterations -> [[value, count], ...]
            if (!hist.isArray()) {
                throw InputException.of(file, where + ": \"rawDataHistogram\" is " + kind(hist) + ", not an array of forks");
            }
            for (JsonNode fork : hist) {
                if (!fork.isArray()) {
                    throw InputException.of(file, where + ": a fork of \"rawDataHistogram\" is " + kind(fork) + ", not an array of iterations");
                }
                double[] it = new double[fork.size()];
                for (int i = 0; i < it.length; i++) {
                    JsonNode iteration = fork.get(i);
                    if (!iteration.isArray()) {
                        throw InputException.of(file, where + ": an iteration of \"rawDataHistogram\" is " + kind(iteration) + ", not [[value, count], ...]");
                    }
                    double sum = 0;
                    long count = 0;
                    for (JsonNode bin : iteration) {
                        if (!bin.isArray() || bin.size() != 2) {
                            throw InputException.of(file, where + ": a \"rawDataHistogram\" bin is " + kind(bin) + ", not [value, count]");
                        }
                        double v = number(file, where + " rawDataHistogram", bin.get(0));
                        long c = (long) number(file, where + " rawDataHistogram", bin.get(1));
                        sum += v * c;
                        count += c;
                    }
                    it[i] = count == 0 ? Double.NaN : sum / count;
                    histogramCount += count;
                }
                forks.add(it);
            }
        }
        return new Metric(score, error, unit, forks, histogramCount);
    }

    private static double number(Path file, String where, JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            String t = n.asText().strip();
            switch (t) {
                case "NaN":
                    return Double.NaN;
                case "Infinity", "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw InputException.of(file, where + " is \"" + t + "\", not a number");
                    }
            }
        }
        throw InputException.of(file, where + " is " + kind(n) + ", not a number");
    }

    private static String text(Path file, String where, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw InputException.of(file, "not JMH's JSON: " + where + " has no \"" + field + "\" string");
        }
        return v.asText();
    }

    private static int integer(Path file, String where, JsonNode n, String field, int fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() && !(v.isTextual() && v.asText().matches("\\d+"))) {
            throw InputException.of(file, where + ": \"" + field + "\" is " + kind(v) + ", not an integer");
        }
        return v.isTextual() ? Integer.parseInt(v.asText()) : v.asInt();
    }

    static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String where(JsonLocation l) {
        return l == null ? "" : "(line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String inside(String m) {
        if (m != null && m.contains("Object")) {
            return "an object";
        }
        if (m != null && m.contains("Array")) {
            return "an array";
        }
        return "a value";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
