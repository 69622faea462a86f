package io.counterbench.counters.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A carry and a borrow race into the same tree item. Same tree as {@link TreeCarryStress} (4 CPUs,
 * batch 2, item 0 starts at residual 2): CPU 0's +1 carries +2, CPU 2's -2 (1 -> -1) borrows -2.
 * At quiescence the item is back at 2 and the root at 0, whatever the order. The carrying actor
 * reads approximate() right after its add: in flight the root may hold 4 (the carry crossed the
 * mask before the borrow took it back), a transient value above the precise sum (3 or 5 then),
 * which HPCC allows while updates are in flight. (Two actors, so it runs on 2 CPUs.)
 */
@JCStressTest
@Description("Carry and borrow into one tree item, approximate read in flight")
@Outcome(id = "0, 3, 0", expect = ACCEPTABLE, desc = "the borrow reached the item first, or already returned the carry")
@Outcome(
        id = "4, 3, 0",
        expect = ACCEPTABLE_INTERESTING,
        desc = "the carry in flight: the root at 4 before the borrow returned it")
@Outcome(expect = FORBIDDEN, desc = "the quiescent state differs: a carry or borrow was lost")
public class TreeCarryBorrowStress {

    @State
    public static class Tree {
        final Counter counter = CounterId.TREE.factory(StressTopologies.FOUR, 2).create();

        public Tree() {
            counter.add(0, 0, 1);
            counter.add(2, 0, 1);
            counter.add(0, 0, 2);
        }
    }

    @Actor
    public void carry(Tree s, III_Result r) {
        s.counter.add(0, 0, 1);
        r.r1 = (int) s.counter.approximate();
    }

    @Actor
    public void borrow(Tree s) {
        s.counter.add(2, 1, -2);
    }

    @Arbiter
    public void check(Tree s, III_Result r) {
        r.r2 = (int) s.counter.precise();
        r.r3 = (int) s.counter.approximate();
    }
}
