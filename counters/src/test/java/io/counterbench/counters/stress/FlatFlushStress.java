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
 * A flat (percpu_counter) flush races precise(). Batch 4; CPU 0's slot holds 3; the writer's +1
 * reaches the batch, so it empties the slot with a CAS and then adds 4 to the total. precise()
 * reads the total, then the slots. Before and after values are 3 and 4. Transient ones:
 * 0 when precise() reads the total before the flush lands and the slot after the CAS emptied it
 * (the kernel's percpu_counter_sum takes the flush lock and cannot see this; here the CAS is the
 * lock and precise() does not take it), and 7 when the two opaque reads are reordered (the total
 * after the flush, the slot before it), which opaque mode permits. At quiescence the arbiter sees
 * exactly 4, all of it in the total.
 */
@JCStressTest
@Description("percpu_counter flush racing a precise read")
@Outcome(id = "3, 4, 4", expect = ACCEPTABLE, desc = "precise read before the add")
@Outcome(id = "4, 4, 4", expect = ACCEPTABLE, desc = "precise read after the flush")
@Outcome(id = "0, 4, 4", expect = ACCEPTABLE_INTERESTING, desc = "transient: the flushed amount in flight, neither in the slot nor yet in the total")
@Outcome(id = "7, 4, 4", expect = ACCEPTABLE_INTERESTING, desc = "transient: opaque reads of total and slot reordered, the amount counted twice")
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
