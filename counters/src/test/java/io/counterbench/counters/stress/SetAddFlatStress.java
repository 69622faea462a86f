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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * set(100) races an add that flushes (flat, 2 CPUs, batch 4; CPU 0's slot holds 3, the +1 empties
 * it and moves 4 into the total). set() reads the total and the slots to compute its bias, so it is
 * not atomic with the flush (Counter.set says so; neither is the kernel's): besides the two orders
 * (101: set then add; 100: add then set), it can read the sum with the 4 in flight (ends at 104) or
 * with its two reads reordered (ends at 97). Either way the approximation is within the bound.
 */
@JCStressTest
@Description("Flat set racing a flushing add")
@Outcome(id = "101, 1", expect = ACCEPTABLE, desc = "set, then add")
@Outcome(id = "100, 1", expect = ACCEPTABLE, desc = "add, then set")
@Outcome(id = "104, 1", expect = ACCEPTABLE_INTERESTING, desc = "set read the sum while the flush was in flight (missed 4)")
@Outcome(id = "97, 1", expect = ACCEPTABLE_INTERESTING, desc = "set's opaque reads of total and slot reordered (counted 4 twice)")
@Outcome(expect = FORBIDDEN, desc = "other")
public class SetAddFlatStress {

    @State
    public static class Flat {
        final Counter counter = CounterId.FLAT.factory(StressTopologies.TWO, 4).create();

        public Flat() {
            counter.add(0, 0, 3);
        }
    }

    @Actor
    public void set(Flat s) {
        s.counter.set(100);
    }

    @Actor
    public void add(Flat s) {
        s.counter.add(0, 1, 1);
    }

    @Arbiter
    public void check(Flat s, II_Result r) {
        long precise = s.counter.precise();
        r.r1 = (int) precise;
        r.r2 = s.counter.accuracy().admits(s.counter.approximate(), precise) ? 1 : 0;
    }
}
