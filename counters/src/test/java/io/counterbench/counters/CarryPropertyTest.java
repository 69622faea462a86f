package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The kernel's bit-carry rule: the carry is the change of the bits at and above the mask,
 * (res & ~(m - 1)) - (orig & ~(m - 1)) in wrapping two's complement arithmetic.
 */
class CarryPropertyTest {

    private static long expected(long orig, long inc, long mask) {
        long res = orig + inc;
        long high = ~(mask - 1);
        return (res & high) - (orig & high);
    }

    @Property(tries = 5000)
    void carryIsTheChangeOfTheHighBits(
            @ForAll("values") long orig, @ForAll("values") long inc, @ForAll("masks") long mask) {
        assertEquals(
                expected(orig, inc, mask),
                Carry.of(orig, orig + inc, inc, mask),
                () -> "orig=" + orig + " inc=" + inc + " mask=" + mask);
    }

    @Property(tries = 2000)
    void maskZeroNeverCarries(@ForAll long orig, @ForAll long inc) {
        assertEquals(0, Carry.of(orig, orig + inc, inc, 0));
    }

    @Property(tries = 2000)
    void theLevelKeepsItsLowBits(
            @ForAll("small") long orig, @ForAll("small") long inc, @ForAll("smallMasks") long mask) {
        long carry = Carry.of(orig, orig + inc, inc, mask);
        // what stays is the part of the change the low bits absorbed
        assertEquals(0, carry % mask);
        assertEquals(Math.floorMod(orig + inc, mask), Math.floorMod(orig, mask) + inc - carry);
    }

    @Example
    void examples() {
        assertEquals(0, Carry.of(30, 31, 1, 32));
        assertEquals(32, Carry.of(31, 32, 1, 32));
        assertEquals(-32, Carry.of(32, 31, -1, 32));
        assertEquals(-32, Carry.of(0, -1, -1, 32));
        assertEquals(0, Carry.of(-1, -1, 0, 32));
        assertEquals(32, Carry.of(-1, 0, 1, 32));
        assertEquals(96, Carry.of(0, 100, 100, 32));
        assertEquals(-128, Carry.of(0, -100, -100, 32));
        assertEquals(Long.MIN_VALUE, Carry.of(Long.MAX_VALUE, Long.MIN_VALUE, 1, Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, Carry.of(0, Long.MIN_VALUE, Long.MIN_VALUE, 32));
    }

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-100_000, 100_000),
                Arbitraries.of(
                        0L,
                        1L,
                        -1L,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE,
                        Long.MAX_VALUE - 1,
                        Long.MIN_VALUE + 1,
                        31L,
                        32L,
                        -32L,
                        -33L,
                        1L << 62,
                        -(1L << 62)));
    }

    @Provide
    Arbitrary<Long> masks() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 63).map(b -> 1L << b), Arbitraries.just(0L));
    }

    @Provide
    Arbitrary<Long> small() {
        return Arbitraries.longs().between(-1_000_000, 1_000_000);
    }

    @Provide
    Arbitrary<Long> smallMasks() {
        return Arbitraries.integers().between(0, 20).map(b -> 1L << b);
    }
}
