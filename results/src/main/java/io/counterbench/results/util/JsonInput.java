package io.counterbench.results.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.counterbench.inputs.InputFile;
import io.counterbench.inputs.UnusableFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Every JSON input (JMH results, run.json, footprint.json, simulation.json) is read here: through
 * {@link InputFile} (a regular file of at most {@link #MAX_BYTES}), with at most {@link #MAX_VALUES}
 * values nested at most {@link #MAX_DEPTH} deep (so the tree fits in memory), no key twice in one
 * object, and one-line errors for missing, empty, truncated and malformed files.
 */
public final class JsonInput {
    /** Larger than any result file the suite writes (a full profile on a 384-CPU box is tens of MB). */
    public static final long MAX_BYTES = 128L << 20;
    /** Numbers, strings and containers of one document: a full-profile jmh.json holds a few million. */
    public static final long MAX_VALUES = 16_000_000;
    /** Result files nest five or six deep. */
    public static final int MAX_DEPTH = 100;

    /** Tolerates bare NaN/Infinity tokens as well as JMH's quoted "NaN"; refuses a key given twice. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build());
    }

    private JsonInput() {}

    /** Parses one JSON file; every problem is an {@link InputException} naming the file. */
    public static JsonNode read(Path file) {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, "", MAX_BYTES);
        } catch (UnusableFileException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw InputException.of(file, "empty file, not JSON");
        }
        try {
            countValues(bytes, file);
            try (JsonParser p = MAPPER.createParser(bytes)) {
                JsonNode n = MAPPER.readTree(p);
                if (p.nextToken() != null) {
                    throw InputException.of(
                            file,
                            "not valid JSON: more content after the end of the document " + where(p.currentLocation()));
                }
                return n;
            }
        } catch (StreamConstraintsException e) {
            throw InputException.of(
                    file, "not usable JSON " + where(e.getLocation()) + ": " + constraint(e.getOriginalMessage()));
        } catch (JsonEOFException e) {
            throw InputException.of(
                    file,
                    "truncated JSON: the file ends inside " + inside(e.getOriginalMessage()) + " "
                            + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.contains("end-of-input")) {
                throw InputException.of(
                        file, "truncated JSON: the file ends inside " + inside(m) + " " + where(e.getLocation()));
            }
            throw InputException.of(file, "not valid JSON " + where(e.getLocation()) + ": " + firstLine(m));
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + io.counterbench.inputs.IoReasons.of(e));
        }
    }

    /**
     * A first pass over the tokens, so that a document of millions of tiny values is refused before it fills the heap.
     */
    private static void countValues(byte[] bytes, Path file) throws IOException {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            long n = 0;
            while (p.nextToken() != null) {
                if (++n > MAX_VALUES) {
                    throw InputException.of(
                            file,
                            "more than " + MAX_VALUES + " JSON values " + where(p.currentLocation())
                                    + " (far more than any result file holds)");
                }
            }
        }
    }

    /**
     * Jackson's limit messages name the method that set the limit: "(1000, from `StreamReadConstraints...`)" loses it.
     */
    private static String constraint(String m) {
        return m == null
                ? "a limit was exceeded"
                : m.replaceAll(",?\\s*from `[^`]*`", "").strip();
    }

    static String where(JsonLocation l) {
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
        if (s == null || s.isBlank()) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
