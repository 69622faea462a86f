package io.counterbench.results.forensics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JIT did to one measured method in one fork, read from the fork's VM log (HotSpot's
 * -XX:+LogVMOutput file with -XX:+PrintCompilation and PrintInlining for JMH's stubs; written by
 * run --profile stability). The log interleaves the compiler threads' output, each stretch
 * introduced by {@code <writer thread='N'/>}; an inlining tree follows its compilation's line in
 * the same writer's stretch.
 *
 * @param c2Compiles C2 (level 4) compilations of the stub, OSR ones included
 * @param deopts C2 versions of the stub made not entrant (an uncommon trap, say)
 * @param lastC2Millis when (ms since the fork's start) the last C2 compilation of the stub was logged; -1 if none
 * @param inlineDigest 8 hex digits naming the last C2 compilation's inlining tree (methods, depths and decisions,
 *                     profile counts left out): forks with equal digests inlined the same way; "" without one
 * @param notInlined the calls that tree did not inline ("TreeCounter::propagate: too big")
 */
public record JitLog(int c2Compiles, int deopts, long lastC2Millis, String inlineDigest, List<String> notInlined) {
    private static final Pattern WRITER = Pattern.compile("^<writer thread='(\\d+)'/>$");
    /** PrintCompilation: time, compile id, attributes (% s ! b n), level, method, [@ osr bci], (size), [event]. */
    private static final Pattern COMPILE = Pattern.compile(
            "^\\s*(\\d+)\\s+(\\d+)\\s+([%sb!n ]*?)\\s*([0-4])\\s+(\\S+::\\S+)(\\s+@\\s+\\d+)?\\s+\\(\\d+ "
                    + "bytes\\)(.*)$");
    /** PrintInlining: indentation (with ! marks), @ bci, method, (size), decision; the depth is the column of the @. */
    private static final Pattern INLINE = Pattern.compile("^[ !]*@ (\\d+)\\s+(\\S+)\\s+\\(\\d+ bytes\\)\\s*(.*)$");

    private static final Pattern COUNTS = Pattern.compile("\\(\\d+/\\d+ counts\\)|\\(\\d+ counts\\)|\\d+ counts");

    public JitLog {
        notInlined = List.copyOf(notInlined);
    }

    /** The JMH stub of {@code benchmark} (a.b.Class.method): "Class_method_jmhTest::method_..._jmhStub". */
    public static boolean isStub(String compiledMethod, String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        String method = benchmark.substring(dot + 1);
        String cls = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
        return compiledMethod.contains("." + cls + "_" + method + "_jmhTest::" + method + "_")
                && compiledMethod.endsWith("_jmhStub");
    }

    /** Reads the log text for the stub of {@code benchmark}. */
    public static JitLog of(String log, String benchmark) {
        Map<String, List<String>> treeOf = new HashMap<>(); // writer -> the inlining tree being collected
        Map<String, Boolean> collecting = new HashMap<>();
        String writer = "";
        int c2 = 0;
        int deopts = 0;
        long last = -1;
        List<String> lastTree = null;
        boolean lastWasOsr = true;
        for (String raw : log.split("\n")) {
            String line = unescape(raw.stripTrailing());
            Matcher w = WRITER.matcher(line);
            if (w.matches()) {
                writer = w.group(1);
                continue;
            }
            if (line.startsWith("<")) {
                continue;
            }
            Matcher c = COMPILE.matcher(line);
            if (c.matches()) {
                boolean stub = c.group(4).equals("4") && isStub(c.group(5), benchmark);
                boolean event = !c.group(7).isBlank();
                if (event) { // "made not entrant": any thread may print it, inside another compilation's stretch
                    deopts += stub && c.group(7).contains("made not entrant") ? 1 : 0;
                    continue;
                }
                collecting.put(writer, stub);
                if (stub) {
                    c2++;
                    boolean osr = c.group(3).contains("%");
                    List<String> tree = new ArrayList<>();
                    treeOf.put(writer, tree);
                    if (!osr || lastWasOsr) { // a normal compilation is what later iterations run: prefer it
                        last = Long.parseLong(c.group(1));
                        lastTree = tree;
                        lastWasOsr = osr;
                    }
                }
                continue;
            }
            Matcher i = INLINE.matcher(line);
            if (i.matches() && Boolean.TRUE.equals(collecting.get(writer))) {
                treeOf.get(writer).add(line.indexOf('@') + " " + i.group(2) + " " + decision(i.group(3)));
            } else if (!i.matches()) {
                collecting.put(writer, false);
            }
        }
        if (lastTree == null || lastTree.isEmpty()) {
            return new JitLog(c2, deopts, last, "", List.of());
        }
        List<String> failed = new ArrayList<>();
        for (String node : lastTree) {
            String[] parts = node.split(" ", 3);
            if (parts[2].startsWith("failed to inline")
                    || parts[2].startsWith("too big")
                    || parts[2].contains("not inline")) {
                failed.add(shortName(parts[1]) + ": " + parts[2].replaceFirst("^failed to inline: ", ""));
            }
        }
        return new JitLog(c2, deopts, last, digest(lastTree), failed);
    }

    /** The decision without profile counts, the type profile's detail (which vary from fork to fork) and repeats. */
    static String decision(String text) {
        String d = text;
        int profile = d.indexOf("callee changed");
        if (profile >= 0) {
            d = d.substring(0, profile);
        }
        int arrow = d.indexOf("\\-> TypeProfile");
        if (arrow >= 0) {
            d = d.substring(0, arrow);
        }
        // C2 of JDK 25 prints some decisions twice ("inline (hot)   inline (hot)"): once is enough
        java.util.LinkedHashSet<String> parts = new java.util.LinkedHashSet<>();
        for (String part : COUNTS.matcher(d).replaceAll("").strip().split("\\s{2,}")) {
            parts.add(part.replaceAll("\\s+", " "));
        }
        return String.join(" ", parts);
    }

    private static String shortName(String method) {
        int colons = method.indexOf("::");
        String cls = colons < 0 ? method : method.substring(0, colons);
        return cls.substring(cls.lastIndexOf('.') + 1) + (colons < 0 ? "" : method.substring(colons));
    }

    private static String digest(List<String> tree) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String node : tree) {
                md.update(node.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String s) {
        return s.indexOf('&') < 0
                ? s
                : s.replace("&gt;", ">")
                        .replace("&lt;", "<")
                        .replace("&apos;", "'")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&");
    }
}
