package io.counterbench.results.util;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Range;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Typed, range-checked reads of JSON fields, with one-line messages that name the file, the place
 * and the value: "run.json: environment.cpus.available is 2.5, not a whole number".
 */
public final class JsonFields {
    private JsonFields() {}

    /**
     * A whole number in {@code range}: an integer, a number with no fraction (2.0), or a string of
     * ASCII digits (some tools quote numbers). {@code where} names the field.
     */
    public static long whole(Path file, String where, JsonNode v, Range range) {
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isTextual() && v.asText().strip().matches("-?[0-9]{1,18}")) {
            n = Long.parseLong(v.asText().strip());
        } else if (v.isNumber() && (v.isIntegralNumber() || Math.abs(v.asDouble()) >= 0x1p63)) {
            throw InputException.of(file, where + " is " + show(v) + ": " + range.rule());
        } else {
            throw InputException.of(file, where + " is " + show(v) + ", not a whole number");
        }
        if (!range.contains(n)) {
            throw InputException.of(file, where + " is " + n + ": " + range.rule());
        }
        return n;
    }

    /**
     * {@link #whole} for an optional field, named {@code prefix + field}: {@code fallback} when it is absent or null.
     */
    public static long whole(Path file, String prefix, JsonNode parent, String field, Range range, long fallback) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? fallback : whole(file, prefix + field, v, range);
    }

    /** An optional object field: null when absent or null, an {@link InputException} when it is something else. */
    public static JsonNode object(Path file, String name, JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw InputException.of(file, name + field + " is " + kind(v) + ", not an object");
        }
        return v;
    }

    /** An optional array field: null when absent or null, an {@link InputException} when it is something else. */
    public static JsonNode array(Path file, String name, JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw InputException.of(file, name + field + " is " + kind(v) + ", not an array");
        }
        return v;
    }

    /** An optional string field: null when absent or null, an {@link InputException} when it is not a string. */
    public static String text(Path file, String name, JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw InputException.of(file, name + field + " is " + show(v) + ", not a string");
        }
        return v.asText();
    }

    /**
     * A number: JSON numbers, bare NaN/Infinity tokens, and the strings JMH writes ("NaN", "+INF",
     * "-INF", or digits). Null reads as NaN.
     */
    public static double number(Path file, String where, JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            String t = n.asText().strip();
            switch (t.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return Double.NaN;
                case "infinity", "+infinity", "inf", "+inf":
                    return Double.POSITIVE_INFINITY;
                case "-infinity", "-inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    if (t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                        return Double.parseDouble(t);
                    }
                    throw InputException.of(file, where + " is \"" + abbreviate(t) + "\", not a number");
            }
        }
        throw InputException.of(file, where + " is " + kind(n) + ", not a number");
    }

    /** The value for a message: numbers and short strings as written, containers by kind. */
    public static String show(JsonNode v) {
        if (v.isNumber()) {
            return v.asText();
        }
        if (v.isTextual()) {
            return "\"" + abbreviate(v.asText()) + "\"";
        }
        return kind(v);
    }

    public static String kind(JsonNode n) {
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
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }
}
