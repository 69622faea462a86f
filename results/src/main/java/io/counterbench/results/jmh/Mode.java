package io.counterbench.results.jmh;

import java.util.Locale;

/** JMH's benchmark modes as its JSON spells them, with the direction in which a score is better. */
public enum Mode {
    THROUGHPUT("thrpt", true),
    AVERAGE_TIME("avgt", false),
    SAMPLE_TIME("sample", false),
    SINGLE_SHOT("ss", false);

    private final String shortName;
    private final boolean higherIsBetter;

    Mode(String shortName, boolean higherIsBetter) {
        this.shortName = shortName;
        this.higherIsBetter = higherIsBetter;
    }

    /** "thrpt", "avgt", "sample" or "ss". */
    public String shortName() {
        return shortName;
    }

    /** Throughput: higher is better; every time mode: lower is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The mode for JMH's short name (or the enum name of JMH's Mode, e.g. "Throughput"); null when unknown. */
    public static Mode parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.shortName.equals(t)) {
                return m;
            }
        }
        return switch (t) {
            case "throughput" -> THROUGHPUT;
            case "averagetime" -> AVERAGE_TIME;
            case "sampletime" -> SAMPLE_TIME;
            case "singleshottime" -> SINGLE_SHOT;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return shortName;
    }
}
