package io.counterbench.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The one list of counter ids every benchmark runs: each benchmark state that measures a counter
 * extends this class, so JMH's {@code -p counter=} and the run plan see the same parameter
 * everywhere. JMH needs the values as a constant array in the annotation, so they cannot be read
 * from {@link io.counterbench.counters.CounterId}; a test checks that the list is exactly its ids,
 * in its order.
 */
@State(Scope.Benchmark)
public abstract class CounterParam {
    /** Counter id as users type it ("tree-topo"), or one a --counter-jar contributes. */
    @Param({"atomic", "adder", "jctools", "per-thread", "per-node", "flat", "tree", "tree-topo"})
    public String counter;
}
