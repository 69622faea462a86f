package io.counterbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Range;
import io.counterbench.results.InputException;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.json.JsonFields;
import io.counterbench.results.run.RunInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's scenarios, from simulation.json: for each scenario what it reproduces, the
 * published figures, and its rows as a table (nested fields flattened to "a.b" columns), then the
 * simulator's speed. Generic over the rows, so a new scenario needs no change here.
 */
final class SimulationSection implements ReportSection {
    static final String FILE = "simulation.json";

    @Override
    public String title() {
        return "Simulated machines";
    }

    @Override
    public String inputFile() {
        return FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.file(FILE).isPresent();
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        for (RunInput run : runs) {
            Path file = run.file(FILE).orElseThrow();
            JsonNode root = read(file);
            JsonNode scenarios = root.path("scenarios");
            if (ctx.merged()) {
                out.heading(3, "Machine: " + ctx.label(run));
            }
            out.paragraph("Seed " + root.path("seed").asText("?") + (root.path("quick").asBoolean(false) ? ", quick sizes" : "")
                    + ". The same counter code as the benchmarks, driven through explicit-placement adds on virtual machines; "
                    + "deviation is exact after every operation.");
            for (JsonNode s : scenarios) {
                out.heading(4, s.path("name").asText("scenario") + ": " + s.path("reproduces").asText(""));
                JsonNode pub = s.path("published");
                if (pub.isObject() && pub.size() > 0) {
                    StringBuilder p = new StringBuilder("Published: ");
                    pub.fields().forEachRemaining(e -> p.append(e.getKey()).append(" ").append(e.getValue().asText()).append("; "));
                    out.paragraph(p.substring(0, p.length() - 2) + (s.has("unit") ? " (unit: " + s.path("unit").asText() + ")" : ""));
                }
                table(out, s.path("rows"));
            }
            JsonNode speed = root.path("timing").path("speed");
            if (speed.isArray() && speed.size() > 0) {
                out.paragraph("Simulator speed (simulated operations per second on this machine):");
                table(out, speed);
            }
            JsonNode failures = root.path("checks").path("failures");
            if (failures.isNumber()) {
                out.note(failures.asLong() == 0 ? "checks: no bound violation, precise() always equal to the exact value"
                        : "checks FAILED: " + failures.asLong() + " (bound violations, precise mismatches or wrong exact victims)");
            }
        }
    }

    /** Failures the simulator counted: bound violations, precise mismatches, wrong victims. */
    static final Range FAILURES = new Range("a count of failed checks", 0, Long.MAX_VALUE);

    /**
     * Reads simulation.json and checks its shape: an object whose "scenarios" are objects with
     * "rows" arrays of objects, and whose checks.failures, when given, is a count ({@link #FAILURES}).
     * Every input is read before any report file is written, so this runs in {@link #render}.
     */
    static JsonNode read(Path file) {
        JsonNode root = JmhJson.readTree(file);
        JsonNode scenarios = root.path("scenarios");
        if (!root.isObject() || !scenarios.isArray()) {
            throw InputException.of(file, "not a simulation file: expected an object with a \"scenarios\" array");
        }
        int i = 0;
        for (JsonNode s : scenarios) {
            i++;
            if (!s.isObject()) {
                throw InputException.of(file, "scenario " + i + " is " + JsonFields.kind(s) + ", not an object");
            }
            JsonNode rows = JsonFields.array(file, "scenario " + i + ": ", s, "rows");
            if (rows != null) {
                for (JsonNode r : rows) {
                    if (!r.isObject()) {
                        throw InputException.of(file, "scenario " + i + ": a row is " + JsonFields.kind(r) + ", not an object");
                    }
                }
            }
            JsonFields.object(file, "scenario " + i + ": ", s, "published");
        }
        JsonNode checks = JsonFields.object(file, "", root, "checks");
        if (checks != null) {
            JsonFields.whole(file, "checks.", checks, "failures", FAILURES, 0);
        }
        JsonNode timing = JsonFields.object(file, "", root, "timing");
        if (timing != null) {
            JsonFields.array(file, "timing.", timing, "speed");
        }
        return root;
    }

    private static void table(Report out, JsonNode rows) {
        if (!rows.isArray() || rows.isEmpty()) {
            return;
        }
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", r, cells, 0);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        List<String> header = new ArrayList<>(columns);
        List<Boolean> numeric = new ArrayList<>();
        for (String c : header) {
            numeric.add(flat.stream().allMatch(m -> !m.containsKey(c) || isNumber(m.get(c))));
        }
        List<List<String>> body = new ArrayList<>();
        for (Map<String, String> m : flat) {
            List<String> line = new ArrayList<>();
            for (String c : header) {
                line.add(m.getOrDefault(c, ""));
            }
            body.add(line);
        }
        out.add(new Block.Table("", header, numeric, body));
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out, int depth) {
        if (n.isObject() && depth < 3) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, depth + 1));
        } else if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(x.isValueNode() ? x.asText() : x.toString()));
            out.put(prefix, String.join(", ", parts));
        } else if (n.isNull()) {
            out.put(prefix, "n/a");
        } else {
            out.put(prefix, n.isValueNode() ? n.asText() : n.toString());
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return s.equals("n/a") || s.isEmpty();
        }
    }
}
