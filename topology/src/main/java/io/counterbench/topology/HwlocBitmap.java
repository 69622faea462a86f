package io.counterbench.topology;

import io.counterbench.inputs.Limits;
import java.util.BitSet;

/**
 * hwloc's bitmap text, as lstopo writes cpusets: 32-bit hex words separated by commas, most
 * significant first, each with an optional {@code 0x} and empty for a zero word
 * ({@code 0x000000ff,,0x0}); a leading {@code 0xf...f,} marks an infinite set.
 */
final class HwlocBitmap {
    private static final int WORD_BITS = 32;
    private static final int MAX_WORDS = Limits.MAX_CPUS / WORD_BITS;

    /** A parsed bitmap: its finite part, and whether every bit above it is set too. */
    record Parsed(BitSet bits, boolean infinite) {}

    private HwlocBitmap() {}

    /** Parses a bitmap; anything else is an IllegalArgumentException saying why. */
    static Parsed parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty, not an hwloc bitmap (0x... words)");
        }
        boolean infinite = false;
        if (s.startsWith("0xf...f")) {
            infinite = true;
            s = s.substring("0xf...f".length());
            s = s.startsWith(",") ? s.substring(1) : s;
        }
        String[] words = s.split(",", -1);
        if (words.length > MAX_WORDS) {
            throw new IllegalArgumentException(
                    "has " + words.length + " words: more CPUs than the " + Limits.MAX_CPUS + " accepted");
        }
        BitSet bits = new BitSet();
        for (int i = 0; i < words.length; i++) {
            String w = words[i].strip();
            if (w.startsWith("0x") || w.startsWith("0X")) {
                w = w.substring(2);
            }
            long value = 0;
            if (!w.isEmpty()) {
                if (w.length() > 8 || !w.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new IllegalArgumentException("word '" + words[i] + "' is not a 32-bit hex number");
                }
                value = Long.parseLong(w, 16);
            }
            int base = (words.length - 1 - i) * WORD_BITS;
            for (int b = 0; b < WORD_BITS; b++) {
                if ((value >>> b & 1) != 0) {
                    bits.set(base + b);
                }
            }
        }
        return new Parsed(bits, infinite);
    }
}
