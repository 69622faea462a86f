package io.counterbench.counters.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
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
 * set(100) races an add that flushes (flat, 2 CPUs, batch 4; CPU 0's slot holds 3, the +1 takes it
 * to the batch and moves it into the total). set() does what percpu_counter_set does: under the
 * counter's lock, every slot to 0 and the total to 100. Either the add lands after set (101, the 1
 * in the slot) or before it, and set overwrites it (100; with the +1 already in the slot, the flush
 * that follows set moves nothing). The kernel cannot end at 104 (set missed a flush in flight) or 97
 * (set counted it twice): those are forbidden. Right after set the approximation is exact, and it
 * stays within the bound.
 */
@JCStressTest
@Description("Flat set racing a flushing add")
@Outcome(id = "101, 1", expect = ACCEPTABLE, desc = "set, then add")
@Outcome(id = "100, 1", expect = ACCEPTABLE, desc = "add, then set")
@Outcome(id = "104, 1", expect = FORBIDDEN, desc = "the flush in flight survived set (4 added to the set value)")
@Outcome(id = "97, 1", expect = FORBIDDEN, desc = "set counted the flush twice")
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
