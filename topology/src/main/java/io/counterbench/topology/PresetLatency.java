package io.counterbench.topology;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latency profile a preset file carries in its comments:
 * <pre>
 * # latency-profile: what the figures are and how they were measured
 * # latency same-llc: 27.1 ns -- where this number comes from
 * # latency same-core: none -- why there is no figure
 * </pre>
 * Every figure must name its source; a class with no line (or "none") has no figure. A preset
 * without latency lines has an empty profile.
 */
final class PresetLatency {
    private static final Pattern PROFILE = Pattern.compile("latency-profile\\s*:\\s*(.+)");
    private static final Pattern FIGURE =
            Pattern.compile("latency\\s+([A-Za-z-]+)\\s*:\\s*(\\S+)(?:\\s+ns)?\\s*(?:--\\s*(.*))?");
    /** A core-to-core latency above a millisecond is a typo (cross-socket ones are a few hundred ns). */
    private static final double MAX_NS = 1e6;

    private PresetLatency() {}

    static LatencyProfile parse(String preset, String text) {
        String file = "preset " + preset + " (presets/" + preset + ".topo)";
        String profile = null;
        Map<LatencyClass, LatencyProfile.Figure> figures = new EnumMap<>(LatencyClass.class);
        java.util.Set<LatencyClass> seen = java.util.EnumSet.noneOf(LatencyClass.class);
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.startsWith("#")) {
                continue;
            }
            String c = s.substring(1).strip();
            Matcher p = PROFILE.matcher(c);
            if (p.matches()) {
                if (profile != null) {
                    throw new IllegalArgumentException(file + ": two '# latency-profile:' lines");
                }
                profile = p.group(1).strip();
                continue;
            }
            if (!c.startsWith("latency ")) {
                continue;
            }
            Matcher m = FIGURE.matcher(c);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ": '# " + c + "' is not '# latency CLASS: NS ns -- SOURCE'");
            }
            LatencyClass cls;
            try {
                cls = LatencyClass.parse(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            if (!seen.add(cls)) {
                throw new IllegalArgumentException(file + ": latency " + cls.key() + " is given twice");
            }
            String source = m.group(3) == null ? "" : m.group(3).strip();
            if (source.isEmpty()) {
                throw new IllegalArgumentException(
                        file + ": latency " + cls.key() + " names no source (write '-- SOURCE' after it)");
            }
            if (m.group(2).equalsIgnoreCase("none")) {
                continue;
            }
            double ns;
            try {
                ns = Double.parseDouble(m.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        file + ": latency " + cls.key() + " '" + m.group(2) + "' is not a number of ns or none");
            }
            if (!(ns > 0 && ns <= MAX_NS)) {
                throw new IllegalArgumentException(file + ": latency " + cls.key() + " " + m.group(2)
                        + " ns: a core-to-core latency must be above 0 and at most " + (long) MAX_NS + " ns");
            }
            figures.put(cls, new LatencyProfile.Figure(ns, source));
        }
        if (!seen.isEmpty() && profile == null) {
            throw new IllegalArgumentException(
                    file + ": latency lines need a '# latency-profile: ...' line saying what they are");
        }
        String name = preset + (figures.isEmpty() ? "" : ", published");
        return new LatencyProfile(name, profile == null ? "the preset carries no latency figures" : profile, figures);
    }
}
