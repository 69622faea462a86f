package io.counterbench.results.report.chart;

import java.awt.Color;

/**
 * How one series is drawn. Colour and marker come from the counter id ({@link CounterStyle}); the
 * line style tells merged runs apart (the first run solid, the second dashed, then dotted and
 * dash-dotted); {@code hollow} marks the second variant of one counter in one chart (e.g. the
 * precise read beside the approximate one). Bounds are thin lines without markers in the
 * counter's colour, references (a kernel layout, a published figure) grey.
 */
public record SeriesStyle(Color color, CounterStyle.Marker marker, int dash, boolean hollow, Kind kind) {

    /** What a series is: measured points, a bound, or a reference drawn for comparison. */
    public enum Kind {
        MEASURED,
        BOUND,
        REFERENCE
    }

    /** A measured series of counter {@code id} from the run at {@code runIndex} of a merged report. */
    public static SeriesStyle counter(String id, int runIndex) {
        CounterStyle c = CounterStyle.of(id);
        return new SeriesStyle(c.color(), c.marker(), runIndex, false, Kind.MEASURED);
    }

    /** The same with hollow markers: a counter's second variant in one chart. */
    public SeriesStyle asHollow() {
        return new SeriesStyle(color, marker, dash, true, kind);
    }

    /** A bound of counter {@code id}: a thin line in its colour, no markers. */
    public static SeriesStyle bound(String id) {
        return new SeriesStyle(CounterStyle.of(id).color(), null, 1, false, Kind.BOUND);
    }

    /** A grey reference line (the {@code n}th in its chart: solid, dashed, dotted...). */
    public static SeriesStyle reference(int n) {
        return new SeriesStyle(new Color(0x555555), null, n, false, Kind.REFERENCE);
    }
}
