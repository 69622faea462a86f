package io.counterbench.results.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.inputs.Limits;
import io.counterbench.inputs.Range;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.JsonFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * footprint.json of a run folder, the one definition of its format (as {@link RunJson} is run.json's):
 * the CLI's run writes it, the report's footprint section reads it. One row per counter and CPU
 * count: JOL's retained bytes of one counter and of a group of 4, the shared configuration left
 * out, and the kernel layout's bytes where the counter has a kernel counterpart.
 */
public final class FootprintJson {
    /** The file's name in a run folder. */
    public static final String FILE = "footprint.json";
    /** Bytes of a footprint row: a counter for 65536 CPUs is megabytes, never petabytes. */
    static final Range BYTES = new Range("a size in bytes", 0, 1L << 50);

    private static final String TOOL = "JOL GraphLayout totalSize, bytes, without the shared per-topology "
            + "configuration; "
            + "per-CPU arena slots charged as their share of a full chunk (slotShareBytes each)";

    private FootprintJson() {}

    /**
     * One row. Read back, {@code groupOf4Bytes} and {@code kernelBytes} are -1 where the file has none,
     * {@code slotShareBytes} is not read (0).
     */
    public record Row(
            String counter,
            int cpus,
            long oneBytes,
            long groupOf4Bytes,
            long sharedConfigBytes,
            long slotShareBytes,
            long kernelBytes) {}

    /** Writes {@code rows} to {@code folder}/footprint.json. */
    public static void write(Path folder, List<Row> rows) {
        ObjectNode root = Json.object();
        root.put("tool", TOOL);
        ArrayNode arr = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode n = arr.addObject();
            n.put("counter", r.counter());
            n.put("cpus", r.cpus());
            n.put("oneBytes", r.oneBytes());
            n.put("groupOf4Bytes", r.groupOf4Bytes());
            n.put("sharedConfigBytes", r.sharedConfigBytes());
            n.put("slotShareBytes", r.slotShareBytes());
            if (r.kernelBytes() >= 0) {
                n.put("kernelBytes", r.kernelBytes());
            }
        }
        Json.write(folder.resolve(FILE), root);
    }

    /** Reads footprint.json: rows of counter, cpus ({@link Limits#CPUS}) and sizes ({@link #BYTES}). */
    public static List<Row> read(Path file) {
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
            if (!r.isObject()
                    || !r.path("counter").isTextual()
                    || r.path("counter").asText().isBlank()
                    || !r.hasNonNull("cpus")
                    || !r.hasNonNull("oneBytes")) {
                throw InputException.of(file, where + "needs a counter name, cpus and oneBytes");
            }
            long kernel = r.hasNonNull("kernelBytes")
                    ? JsonFields.whole(file, where + "kernelBytes", r.get("kernelBytes"), BYTES)
                    : JsonFields.whole(file, where, r, "kernelLayoutBytes", BYTES, -1);
            out.add(new Row(
                    r.get("counter").asText(),
                    (int) JsonFields.whole(file, where + "cpus", r.get("cpus"), Limits.CPUS),
                    JsonFields.whole(file, where + "oneBytes", r.get("oneBytes"), BYTES),
                    JsonFields.whole(file, where, r, "groupOf4Bytes", BYTES, -1),
                    JsonFields.whole(file, where, r, "sharedConfigBytes", BYTES, 0),
                    0,
                    kernel));
        }
        return out;
    }
}
