package io.counterbench.inputs;

/**
 * The allowed values of one whole-number input (a flag, a field of a file), with the words that
 * say what it counts. Each field's range is declared once, where it belongs ({@link Limits} for
 * those several modules share), and every reader and flag checks it through {@link #check}.
 *
 * @param what what the number counts, for messages ("a thread count")
 * @param min the smallest value allowed
 * @param max the largest value allowed
 */
public record Range(String what, long min, long max) {
    public Range {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public boolean contains(long v) {
        return v >= min && v <= max;
    }

    /** {@code v} itself, or an IllegalArgumentException: "NAME V: WHAT must be between MIN and MAX". */
    public long check(String name, long v) {
        if (!contains(v)) {
            throw new IllegalArgumentException(name + " " + v + ": " + rule());
        }
        return v;
    }

    /** {@link #check} for int-sized ranges. */
    public int checkInt(String name, long v) {
        return Math.toIntExact(check(name, v));
    }

    /** "a thread count must be between 1 and 65536" (or "at least 1" for an open range). */
    public String rule() {
        if (max == Long.MAX_VALUE) {
            return what + " must be at least " + min;
        }
        return what + " must be between " + min + " and " + max;
    }
}
