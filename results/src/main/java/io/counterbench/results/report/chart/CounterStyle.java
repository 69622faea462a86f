package io.counterbench.results.report.chart;

import io.counterbench.results.jmh.JmhResult;
import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * One colour and one marker per counter id, the same in every chart of every report: taken from
 * the id itself, never from the order series happen to appear in. The ids the suite ships have
 * fixed entries (colour-blind-safe Okabe-Ito colours; the two the suite is about, flat and tree,
 * get the strongest contrast, tree-topo a lighter tree colour, LongAdder, the yardstick, black);
 * any other id (a user's own counter, a foreign benchmark's method) gets an entry chosen by a hash
 * of its name, so it too is stable across charts and runs. A new built-in counter needs a line in
 * {@code KNOWN} (a test in the CLI module fails without one).
 */
public record CounterStyle(Color color, Marker marker) {

    /** Marker shapes, drawn by {@link ChartRenderer}. */
    public enum Marker {
        CIRCLE,
        SQUARE,
        DIAMOND,
        UP_TRIANGLE,
        DOWN_TRIANGLE,
        LEFT_TRIANGLE,
        CROSS,
        PLUS
    }

    private static final Map<String, CounterStyle> KNOWN = Map.of(
            "flat", new CounterStyle(new Color(0xD55E00), Marker.CIRCLE),
            "tree", new CounterStyle(new Color(0x0072B2), Marker.DIAMOND),
            "tree-topo", new CounterStyle(new Color(0x56B4E9), Marker.DOWN_TRIANGLE),
            "per-thread", new CounterStyle(new Color(0xCC79A7), Marker.UP_TRIANGLE),
            "per-node", new CounterStyle(new Color(0xE69F00), Marker.LEFT_TRIANGLE),
            "adder", new CounterStyle(new Color(0x000000), Marker.SQUARE),
            "atomic", new CounterStyle(new Color(0x7F7F7F), Marker.CROSS),
            "jctools", new CounterStyle(new Color(0x009E73), Marker.PLUS));

    /** Colours for other ids (Paul Tol's muted scheme, darker entries first). */
    private static final List<Color> OTHER = List.of(
            new Color(0x332288),
            new Color(0x117733),
            new Color(0x882255),
            new Color(0x999933),
            new Color(0xAA4499),
            new Color(0x44AA99),
            new Color(0x661100),
            new Color(0x6699CC));

    /** The style of a counter id ("tree", "TREE_TOPO" and "tree-topo" alike) or of any other series name. */
    public static CounterStyle of(String id) {
        String key = JmhResult.counterKey(id).strip();
        CounterStyle known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        int h = key.hashCode();
        Marker[] markers = Marker.values();
        return new CounterStyle(
                OTHER.get(Math.floorMod(h, OTHER.size())), markers[Math.floorMod(h / OTHER.size(), markers.length)]);
    }

    /** True for the ids the suite ships. */
    public static boolean known(String id) {
        return KNOWN.containsKey(JmhResult.counterKey(id).strip());
    }
}
