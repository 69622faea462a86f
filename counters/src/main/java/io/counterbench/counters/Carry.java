package io.counterbench.counters;

/**
 * The kernel's bit-carry rule (lib/percpu_counter_tree.c): after a level's count went from
 * {@code orig} to {@code res} by adding {@code inc}, the amount to carry to the next level is the
 * change of the count's bits at and above {@code bitMask} (a power of two). The level keeps the low
 * bits, so its residual is always in [0, bitMask - 1] in two's complement. With bitMask 0 nothing is
 * ever carried.
 */
final class Carry {
    private Carry() {}

    static long of(long orig, long res, long inc, long bitMask) {
        long low = bitMask - 1;
        if (inc < 0) {
            inc = -(-inc & ~low);
            // a bit transition at bitMask that inc's own bits do not explain is a borrow
            if (((inc ^ orig ^ res) & bitMask) != 0) {
                inc -= bitMask;
            }
        } else {
            inc &= ~low;
            // a bit transition at bitMask that inc's own bits do not explain is a carry
            if (((inc ^ orig ^ res) & bitMask) != 0) {
                inc += bitMask;
            }
        }
        return inc;
    }
}
