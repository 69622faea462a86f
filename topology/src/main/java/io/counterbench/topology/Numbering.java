package io.counterbench.topology;

import java.util.Locale;

/** How a synthetic topology numbers its PUs (the OS CPU numbers it hands out). */
public enum Numbering {
    /** PU i in tree order is CPU i: SMT siblings are neighbours (0,1), as hwloc's synthetic backend does. */
    LINEAR("linear"),
    /**
     * SMT siblings far apart, as Linux numbers most Intel and AMD servers: the first PU of every core
     * gets 0..N/k-1 in core order, the second PU gets N/k..2N/k-1, and so on (k PUs per core).
     */
    SMT_SPLIT("smt-split");

    private final String label;

    Numbering(String label) {
        this.label = label;
    }

    /** The name used in synthetic strings: {@code numbering:smt-split}. */
    public String label() {
        return label;
    }

    /** Parses "linear" or "smt-split" (case-insensitive). */
    public static Numbering parse(String text) {
        for (Numbering n : values()) {
            if (n.label.equals(text.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown numbering '" + text + "' (expected linear or smt-split)");
    }
}
