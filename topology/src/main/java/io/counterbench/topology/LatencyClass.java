package io.counterbench.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How far a cache line travels when one CPU writes a line another CPU wrote last: the innermost
 * domain the two CPUs share, nearest first. The keys ("same-llc") are what preset files,
 * latency.json and simulation.json write; the simulator's coherence model counts its line moves in
 * this order. Two CPUs of one PU share everything and move nothing, so there is no class for them.
 */
public enum LatencyClass {
    SAME_CORE("same-core", "same core (SMT siblings)"),
    SAME_LLC("same-llc", "same LLC, other core"),
    SAME_NODE("same-node", "same NUMA node, other LLC"),
    SAME_PACKAGE("same-package", "same package, other NUMA node"),
    REMOTE("remote", "other package");

    private final String key;
    private final String label;

    LatencyClass(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name files use: same-core, same-llc, same-node, same-package, remote. */
    public String key() {
        return key;
    }

    /** For tables: "same LLC, other core". */
    public String label() {
        return label;
    }

    /** The class of two different CPUs at {@code d}; two CPUs of one PU have none. */
    public static LatencyClass of(Distance d) {
        return switch (d) {
            case SAME_PU -> throw new IllegalArgumentException("one PU is no pair of CPUs: no line moves between them");
            case SAME_CORE -> SAME_CORE;
            case SAME_LLC -> SAME_LLC;
            case SAME_NODE -> SAME_NODE;
            case SAME_PACKAGE -> SAME_PACKAGE;
            case REMOTE -> REMOTE;
        };
    }

    /** The class of a key, or an IllegalArgumentException listing the keys. */
    public static LatencyClass parse(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (LatencyClass c : values()) {
            if (c.key.equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown latency class '" + key + "' (known: " + keys() + ")");
    }

    /** "same-core, same-llc, same-node, same-package, remote". */
    public static String keys() {
        return Arrays.stream(values()).map(LatencyClass::key).collect(Collectors.joining(", "));
    }
}
