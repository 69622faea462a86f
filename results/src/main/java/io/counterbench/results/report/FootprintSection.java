package io.counterbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.InputException;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.json.JsonFields;
import io.counterbench.results.run.RunInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Memory per counter against CPU count, from footprint.json (JOL retained sizes): a table of one
 * counter and a group of 4 per CPU count, and a log-log chart of one counter's bytes.
 */
final class FootprintSection implements ReportSection {
    static final String FILE = "footprint.json";

    record Row(String counter, int cpus, long one, long group, long shared) {
    }

    @Override
    public String title() {
        return "Footprint";
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
        Map<RunInput, List<Row>> data = new LinkedHashMap<>();
        for (RunInput run : runs) {
            data.put(run, read(run.file(FILE).orElseThrow()));
        }
        TreeSet<Integer> cpus = new TreeSet<>();
        data.values().forEach(rows -> rows.forEach(r -> cpus.add(r.cpus())));
        out.paragraph("Retained bytes (JOL) of one counter / a group of 4 counters built together (an mm's RSS counters), "
                + "without the per-topology configuration they share; columns are the CPU counts the counters were built for.");
        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        if (ctx.merged()) {
            header.add("machine");
            numeric.add(false);
        }
        header.add("counter");
        numeric.add(false);
        for (int n : cpus) {
            header.add("N=" + n + " one / group of 4 (bytes)");
            numeric.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<ChartSpec.Point>> byName = new LinkedHashMap<>();
        for (Map.Entry<RunInput, List<Row>> e : data.entrySet()) {
            Map<String, Map<Integer, Row>> byCounter = new LinkedHashMap<>();
            for (Row r : e.getValue()) {
                byCounter.computeIfAbsent(r.counter(), k -> new LinkedHashMap<>()).put(r.cpus(), r);
            }
            for (Map.Entry<String, Map<Integer, Row>> c : byCounter.entrySet()) {
                List<String> cells = new ArrayList<>();
                if (ctx.merged()) {
                    cells.add(ctx.label(e.getKey()));
                }
                cells.add(c.getKey());
                for (int n : cpus) {
                    Row r = c.getValue().get(n);
                    cells.add(r == null ? "" : r.one() + " / " + r.group());
                }
                rows.add(cells);
                String name = c.getKey() + (ctx.merged() ? " @ " + ctx.shortLabel(e.getKey()) : "");
                c.getValue().values().forEach(r -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(ChartSpec.Point.of(r.cpus(), r.one())));
            }
        }
        out.add(new Block.Table("", header, numeric, rows));
        out.add(new Block.Chart("footprint-by-cpus", new ChartSpec("Footprint of one counter against CPU count", "CPUs", "bytes",
                true, true, ThroughputCharts.series(byName))));
    }

    /** Bytes of a footprint row: a counter for 65536 CPUs is megabytes, never petabytes. */
    static final Range BYTES = new Range("a size in bytes", 0, 1L << 50);

    /** Reads footprint.json: rows of counter, cpus ({@link Limits#CPUS}) and sizes ({@link #BYTES}). */
    static List<Row> read(Path file) {
        JsonNode root = JmhJson.readTree(file);
        JsonNode rows = root.path("rows");
        if (!root.isObject() || !rows.isArray()) {
            throw InputException.of(file, "not a footprint file: expected an object with a \"rows\" array");
        }
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : rows) {
            i++;
            String where = "footprint row " + i + ": ";
            if (!r.isObject() || !r.path("counter").isTextual() || r.path("counter").asText().isBlank()
                    || !r.hasNonNull("cpus") || !r.hasNonNull("oneBytes")) {
                throw InputException.of(file, where + "needs a counter name, cpus and oneBytes");
            }
            out.add(new Row(r.get("counter").asText(), (int) JsonFields.whole(file, where + "cpus", r.get("cpus"), Limits.CPUS),
                    JsonFields.whole(file, where + "oneBytes", r.get("oneBytes"), BYTES), JsonFields.whole(file, where, r, "groupOf4Bytes", BYTES, -1),
                    JsonFields.whole(file, where, r, "sharedConfigBytes", BYTES, 0)));
        }
        return out;
    }
}
