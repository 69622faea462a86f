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
 * Two CPUs carry into the same tree item at once. Kernel tree over 4 CPUs (levels: 4 per-CPU
 * slots, 2 items grouping CPUs by their low bit, the root), batch 2: level-0 mask 2, level-1
 * mask 4. CPUs 0 and 2 share level-1 item 0, which starts full (residual 2 = mask1 - mask0); each
 * actor's +1 carries 2 into it, so together they cross 4 exactly once and the root gets 4. With
 * atomic carries the outcome is the same in every interleaving; a lost or doubled carry shows as
 * a different root.
 */
@JCStressTest
@Description("Concurrent carries from sibling CPUs into one tree item")
@Outcome(
        id = "6, 4, 1",
        expect = ACCEPTABLE,
        desc = "precise 6, root 4: both carries arrived, the item crossed its mask once")
@Outcome(expect = FORBIDDEN, desc = "a carry was lost or counted twice")
public class TreeCarryStress {

    @State
    public static class Tree {
        final Counter counter = CounterId.TREE.factory(StressTopologies.FOUR, 2).create();

        public Tree() {
            counter.add(0, 0, 1);
            counter.add(2, 0, 1);
            // CPU 0: 1 -> 3 carries 2 into item 0, which keeps it (2 < mask 4)
            counter.add(0, 0, 2);
        }
    }

    @Actor
    public void cpu0(Tree s) {
        s.counter.add(0, 0, 1);
    }

    @Actor
    public void cpu2(Tree s) {
        s.counter.add(2, 1, 1);
    }

    @Arbiter
    public void check(Tree s, III_Result r) {
        long precise = s.counter.precise();
        long approximate = s.counter.approximate();
        r.r1 = (int) precise;
        r.r2 = (int) approximate;
        r.r3 = s.counter.accuracy().admits(approximate, precise) ? 1 : 0;
    }
}
