package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * The compare helpers at the edges of the accuracy range, with HPCC's orientation: precise lies in
 * [approximate - over, approximate + under]; results are the sign of (this - other), 0 when the
 * ranges cannot tell.
 */
class CompareTest {

    @Test
    void againstAValueAtTheRangeEdges() {
        // approximate 100, under 10, over 3: precise in [97, 110]
        Accuracy acc = new Accuracy(10, 3);
        assertEquals(1, Compare.againstValue(100, acc, 96));
        assertEquals(0, Compare.againstValue(100, acc, 97));
        assertEquals(0, Compare.againstValue(100, acc, 105));
        assertEquals(0, Compare.againstValue(100, acc, 110));
        assertEquals(-1, Compare.againstValue(100, acc, 111));
        assertEquals(0, Compare.againstValue(100, Accuracy.EXACT, 100));
        assertEquals(1, Compare.againstValue(100, Accuracy.EXACT, 99));
        assertEquals(-1, Compare.againstValue(100, Accuracy.EXACT, 101));
    }

    @Test
    void againstAValueNearTheLongLimitsSaturates() {
        Accuracy acc = new Accuracy(10, 3);
        assertEquals(0, Compare.againstValue(Long.MAX_VALUE, acc, Long.MAX_VALUE));
        assertEquals(1, Compare.againstValue(Long.MAX_VALUE, acc, Long.MIN_VALUE));
        assertEquals(-1, Compare.againstValue(Long.MIN_VALUE, acc, Long.MAX_VALUE));
        assertEquals(0, Compare.againstValue(Long.MIN_VALUE, acc, Long.MIN_VALUE));
        assertEquals(0, Compare.againstValue(Long.MIN_VALUE + 2, acc, Long.MIN_VALUE));
    }

    @Test
    void twoApproximationsAtTheRangeEdges() {
        // a: precise in [97, 110]; b (under 4, over 2): precise in [b - 2, b + 4]
        Accuracy accA = new Accuracy(10, 3);
        Accuracy accB = new Accuracy(4, 2);
        assertEquals(1, Compare.counters(100, accA, 92, accB)); // b in [90, 96]
        assertEquals(0, Compare.counters(100, accA, 93, accB)); // b in [91, 97]
        assertEquals(0, Compare.counters(100, accA, 112, accB)); // b in [110, 116]
        assertEquals(-1, Compare.counters(100, accA, 113, accB)); // b in [111, 117]
    }

    @Test
    void preciseCountersSumTheWiderFirstAndDecideExactly() {
        Topology t = TestTopologies.of(8);
        Counter tree = CounterId.TREE.create(t);
        Counter atomic = CounterId.ATOMIC.create(t);
        tree.add(1, 0, 31);
        atomic.add(0, 0, 31);
        // the tree's approximation is 0, within its range of 31
        assertEquals(0, tree.approximate());
        assertEquals(0, tree.approximateCompare(atomic));
        assertEquals(0, tree.preciseCompare(atomic));
        assertEquals(0, atomic.preciseCompare(tree));
        atomic.add(0, 0, 1);
        assertEquals(0, tree.approximateCompare(atomic));
        assertEquals(-1, tree.preciseCompare(atomic));
        assertEquals(1, atomic.preciseCompare(tree));
        atomic.add(0, 0, -2);
        assertEquals(1, tree.preciseCompare(atomic));
        assertEquals(-1, atomic.preciseCompare(tree));
        // far apart: decided by the approximations alone
        atomic.set(-10_000);
        assertEquals(1, tree.approximateCompare(atomic));
        assertEquals(-1, atomic.approximateCompare(tree));
    }
}
