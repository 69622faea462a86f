package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** WideSum: wrapping sums whose wraps are counted, exact when the final value fits. */
class WideSumTest {

    @Test
    void countsWraps() {
        WideSum s = new WideSum().add(Long.MAX_VALUE).add(Long.MAX_VALUE).add(2);
        assertEquals(false, s.fits());
        assertEquals(Long.MAX_VALUE, s.saturated());
        assertThrows(ArithmeticException.class, s::exact);
        s.subtract(Long.MAX_VALUE).subtract(3);
        assertEquals(Long.MAX_VALUE - 1, s.exact());
        WideSum low = new WideSum().add(Long.MIN_VALUE).add(-1);
        assertEquals(Long.MIN_VALUE, low.saturated());
        assertEquals(Long.MIN_VALUE + 1, low.add(2).exact());
        WideSum negated = new WideSum().subtract(Long.MIN_VALUE);
        assertEquals(false, negated.fits(), "-MIN = 2^63");
        assertEquals(Long.MAX_VALUE, negated.add(-1).exact());
        WideSum diff =
                new WideSum().add(5).subtract(new WideSum().add(Long.MAX_VALUE).add(Long.MAX_VALUE));
        assertEquals(false, diff.fits());
        assertEquals(7, diff.add(Long.MAX_VALUE).add(Long.MAX_VALUE).add(2).exact());
    }
}
