package io.counterbench.results.jmh;

import java.util.Arrays;
import java.util.Locale;

/**
 * How one fork's measurement iterations become its one score.
 * <ul>
 *   <li>{@link #MEAN}: their mean, what the fork's code cost over its whole measurement (the
 *       report's tables, and gate of two runs by default);</li>
 *   <li>{@link #BEST}: its best iteration (the highest throughput, the lowest time), ab's default.
 *       On a shared machine, interference from other work only ever adds time: an iteration that
 *       another tenant disturbed is slower, never faster, so the best of several short iterations
 *       estimates the fork's undisturbed cost with far less noise than their mean (the argument
 *       of Chen and Revels 2016, "Robust benchmarking in noisy environments", behind Julia's
 *       BenchmarkTools). A change that makes the code slower moves every iteration, the best
 *       one included, so a regression still shows. What it cannot see is a change that only
 *       slows some iterations (a periodic pause): the mean can.</li>
 * </ul>
 */
public enum ForkScore {
    MEAN("the mean of its iterations"),
    BEST("its best iteration");

    private final String description;

    ForkScore(String description) {
        this.description = description;
    }

    /** "its best iteration", for notes. */
    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One fork's score from its iterations (NaN ones left out); NaN when none is left. */
    public double of(double[] iterations, boolean higherIsBetter) {
        double[] ok = Arrays.stream(iterations).filter(d -> !Double.isNaN(d)).toArray();
        if (ok.length == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case MEAN -> Arrays.stream(ok).average().orElseThrow();
            case BEST ->
                higherIsBetter
                        ? Arrays.stream(ok).max().orElseThrow()
                        : Arrays.stream(ok).min().orElseThrow();
        };
    }

    public static ForkScore parse(String option, String text) {
        for (ForkScore f : values()) {
            if (f.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(option + " '" + text + "': expected best or mean");
    }
}
