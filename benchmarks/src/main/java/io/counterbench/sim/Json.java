package io.counterbench.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON tree helpers of simulation.json: one mapper, ordered objects, NaN written as null ("n/a"). */
final class Json {
    static final ObjectMapper MAPPER = io.counterbench.run.Json.MAPPER;

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a double, or null when it is NaN or infinite. */
    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Rounds to 6 significant decimals so the file reads well (deterministic for equal inputs). */
    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(9)).doubleValue();
    }
}
