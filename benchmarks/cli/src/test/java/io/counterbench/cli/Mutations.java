package io.counterbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes to real fixtures that always make them invalid: truncation before the document's end,
 * values of the wrong type or out of range in JSON trees, attribute values in XML text, bytes that
 * are not UTF-8, nesting deeper than any reader takes.
 */
final class Mutations {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Mutations() {}

    static <T> T pick(SplittableRandom r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    /** The first {@code n} bytes, n drawn before the last closing bracket or tag (so the result is never complete). */
    static byte[] truncate(byte[] doc, String lastToken, SplittableRandom r) {
        String text = new String(doc, StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf(lastToken);
        int n = r.nextInt(Math.max(1, end));
        byte[] out = new byte[n];
        System.arraycopy(doc, 0, out, 0, n);
        return out;
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON value from its text ("-3", "\"x\"", "[]", "{\"score\":1}"). */
    static JsonNode value(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Sets (or with value null, removes) the field at a dotted path, e.g. "environment.cpus.available"; the path must exist up to its parent. */
    static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = step(n, parts[i]);
            if (n == null) {
                throw new IllegalStateException("fixture has no " + path);
            }
        }
        String last = parts[parts.length - 1];
        if (n instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (n instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value == null ? NODES.nullNode() : value);
        } else {
            throw new IllegalStateException("fixture's " + path + " has no container parent");
        }
    }

    static boolean has(JsonNode root, String path) {
        JsonNode n = root;
        for (String p : path.split("\\.")) {
            n = step(n, p);
            if (n == null) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode step(JsonNode n, String part) {
        if (n.isArray() && part.matches("[0-9]+")) {
            return n.get(Integer.parseInt(part));
        }
        return n.get(part);
    }

    /** {@code depth} nested arrays around a number: deeper than any reader takes. */
    static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    /** Replaces the value of the {@code which}-th attribute {@code name="..."} that matches (or all with which -1). */
    static String attribute(String xml, Pattern element, String name, String value, SplittableRandom r) {
        List<int[]> spots = new ArrayList<>();
        Matcher m = element.matcher(xml);
        while (m.find()) {
            Matcher a = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"")
                    .matcher(m.group());
            if (a.find()) {
                spots.add(new int[] {m.start() + a.start(1), m.start() + a.end(1)});
            }
        }
        if (spots.isEmpty()) {
            throw new IllegalStateException("no " + name + " attribute on " + element);
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        return xml.substring(0, s[0]) + value + xml.substring(s[1]);
    }

    /** Removes the attribute {@code name="..."} from one element that matches. */
    static String dropAttribute(String xml, Pattern element, String name, SplittableRandom r) {
        List<int[]> spots = new ArrayList<>();
        Matcher m = element.matcher(xml);
        while (m.find()) {
            Matcher a =
                    Pattern.compile("\\s" + Pattern.quote(name) + "=\"[^\"]*\"").matcher(m.group());
            if (a.find()) {
                spots.add(new int[] {m.start() + a.start(), m.start() + a.end()});
            }
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        return xml.substring(0, s[0]) + xml.substring(s[1]);
    }

    /** Bytes that are not UTF-8 inserted at a random place inside the document. */
    static byte[] notUtf8(byte[] doc, int from, SplittableRandom r) {
        int at = from + r.nextInt(Math.max(1, doc.length - from - 1));
        byte[] bad = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3};
        byte[] out = new byte[doc.length + bad.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(doc, at, out, at + bad.length, doc.length - at);
        return out;
    }
}
