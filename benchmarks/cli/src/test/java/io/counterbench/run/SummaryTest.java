package io.counterbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void countsPrintAsWholeNumbers() {
        assertEquals("24", Summary.count(24.0));
        assertEquals("3", Summary.count(3.0));
        assertEquals("24576", Summary.count(24576.0));
        assertEquals("0", Summary.count(0.0));
        assertEquals("NaN", Summary.count(Double.NaN));
        assertEquals("3.000", Summary.fmt(3.0), "scores keep their digits");
    }
}
