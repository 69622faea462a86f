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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A flat (percpu_counter) flush races precise(). Batch 4; CPU 0's slot holds 3; the writer's +1
 * reaches the batch, so under the counter's lock it empties the slot and adds 4 to the total.
 * precise() takes the same lock, as percpu_counter_sum takes fbc->lock, so it sees the flush
 * either not yet begun (3 before the add, 4 with the +1 in the slot) or done (4 in the total).
 * The kernel cannot produce 0 (the 4 in flight, neither in the slot nor yet in the total) or 7
 * (counted in both): those are forbidden. At quiescence the arbiter sees exactly 4, all of it in
 * the total.
 */
@JCStressTest
@Description("percpu_counter flush racing a precise read")
@Outcome(id = "3, 4, 4", expect = ACCEPTABLE, desc = "precise read before the add")
@Outcome(id = "4, 4, 4", expect = ACCEPTABLE, desc = "precise read after the flush")
@Outcome(
        id = "0, 4, 4",
        expect = FORBIDDEN,
        desc = "the flushed amount seen in flight: precise() did not exclude the flush")
@Outcome(
        id = "7, 4, 4",
        expect = FORBIDDEN,
        desc = "the flushed amount counted twice: precise() did not exclude the flush")
@Outcome(expect = FORBIDDEN, desc = "wrong quiescent state")
public class FlatFlushStress {

    @State
    public static class Flat {
        final Counter counter = CounterId.FLAT.factory(StressTopologies.TWO, 4).create();

        public Flat() {
            counter.add(0, 0, 3);
        }
    }

    @Actor
    public void writer(Flat s) {
        s.counter.add(0, 0, 1);
    }

    @Actor
    public void reader(Flat s, III_Result r) {
        r.r1 = (int) s.counter.precise();
    }

    @Arbiter
    public void check(Flat s, III_Result r) {
        r.r2 = (int) s.counter.precise();
        r.r3 = (int) s.counter.approximate();
    }
}
