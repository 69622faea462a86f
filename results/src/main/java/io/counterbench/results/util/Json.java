package io.counterbench.results.util;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;

/**
 * JSON of run folders (run.json, footprint.json, simulation.json...): one mapper, ordered objects,
 * NaN written as null, and files written atomically (a temp file moved into place), so a kill
 * never leaves half a file.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a double, or null when it is NaN or infinite. */
    public static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Rounds to 9 significant digits so the file reads well (deterministic for equal inputs). */
    public static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(9)).doubleValue();
    }

    public static void write(Path file, Object tree) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFile.write(file, bytes);
    }

    /**
     * Writes bytes whole or not at all ({@link AtomicFile}); an UncheckedIOException naming the file and the
     * reason.
     */
    public static void writeBytes(Path file, byte[] bytes) {
        AtomicFile.write(file, bytes);
    }
}
