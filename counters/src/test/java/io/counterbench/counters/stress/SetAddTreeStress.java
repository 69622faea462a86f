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
 * set(100) races add(5) on a tree (2 CPUs, batch 2; CPU 1 holds 3). set() stores 100 minus the
 * level-0 sum as a bias; the add changes one level-0 slot atomically, so set sees it entirely or
 * not at all: the counter ends at 105 (set first) or 100 (add first), never in between, and the
 * approximation is within the bound.
 */
@JCStressTest
@Description("Tree set racing an add")
@Outcome(id = "105, 1", expect = ACCEPTABLE, desc = "set, then add")
@Outcome(id = "100, 1", expect = ACCEPTABLE, desc = "add, then set")
@Outcome(expect = FORBIDDEN, desc = "neither order")
public class SetAddTreeStress {

    @State
    public static class Tree {
        final Counter counter = CounterId.TREE.factory(StressTopologies.TWO, 2).create();

        public Tree() {
            counter.add(1, 0, 3);
        }
    }

    @Actor
    public void set(Tree s) {
        s.counter.set(100);
    }

    @Actor
    public void add(Tree s) {
        s.counter.add(0, 1, 5);
    }

    @Arbiter
    public void check(Tree s, II_Result r) {
        long precise = s.counter.precise();
        r.r1 = (int) precise;
        r.r2 = s.counter.accuracy().admits(s.counter.approximate(), precise) ? 1 : 0;
    }
}
