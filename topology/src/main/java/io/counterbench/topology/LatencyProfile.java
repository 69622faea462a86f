package io.counterbench.topology;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What moving one cache line costs on a machine, per {@link LatencyClass}: the one-way
 * core-to-core latency (half the round trip of two CPUs bouncing one line), each figure with where
 * it comes from. A class without a figure is unknown, never guessed: the cost model leaves its
 * moves uncosted and says so.
 *
 * @param name what the profile is ("epyc-9654-2s, published", "measured on vm")
 * @param source how its figures were obtained, in one line (method, publication or file)
 * @param figures the classes that have a figure
 */
public record LatencyProfile(String name, String source, Map<LatencyClass, Figure> figures) {

    /**
     * One class's figure.
     *
     * @param oneWayNs nanoseconds for one line transfer (half a round trip); positive and finite
     * @param source where the number comes from (publication, article, figure or file)
     */
    public record Figure(double oneWayNs, String source) {
        public Figure {
            if (!(oneWayNs > 0) || Double.isInfinite(oneWayNs)) {
                throw new IllegalArgumentException(
                        "a latency must be a positive number of nanoseconds, got " + oneWayNs);
            }
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a latency figure needs its source");
            }
        }
    }

    public LatencyProfile {
        EnumMap<LatencyClass, Figure> copy = new EnumMap<>(LatencyClass.class);
        copy.putAll(figures);
        figures = Collections.unmodifiableMap(copy);
    }

    /** A profile without figures. */
    public static LatencyProfile none(String name, String why) {
        return new LatencyProfile(name, why, Map.of());
    }

    /** The one-way latency of {@code c} in ns, NaN when the profile has no figure for it. */
    public double oneWayNs(LatencyClass c) {
        Figure f = figures.get(c);
        return f == null ? Double.NaN : f.oneWayNs();
    }

    public boolean has(LatencyClass c) {
        return figures.containsKey(c);
    }

    public boolean isEmpty() {
        return figures.isEmpty();
    }
}
