package io.counterbench.counters;

import io.counterbench.topology.Topology;

/**
 * A kind of counter, by id: a built-in {@link CounterId} or one a jar contributes through
 * {@link io.counterbench.counters.spi.CounterProvider}. Benchmarks, the simulator, soak and the
 * reports see only this, so a contributed counter runs through exactly what the built-ins run
 * through; {@link CounterTypes} finds either by the id users type.
 */
public interface CounterType {

    /** The id users type and tables show: "tree-topo", "striped". */
    String id();

    /** One line saying what it is. */
    String description();

    /** Whether counterbench defines it ({@link CounterId}) rather than a jar given with --counter-jar. */
    boolean builtIn();

    /** One counter built for {@code topology}; {@code batch} 0 picks the type's default. */
    Counter create(Topology topology, long batch);

    /**
     * {@code count} counters built together (like the four RSS counters of one mm); a type whose
     * counters share nothing builds them one by one.
     */
    default Counter[] createGroup(Topology topology, long batch, int count) {
        if (count < 1 || count > Slots.MAX_GROUP) {
            throw new IllegalArgumentException("group size " + count + " must be in 1-" + Slots.MAX_GROUP);
        }
        Counter[] group = new Counter[count];
        for (int k = 0; k < count; k++) {
            group[k] = create(topology, batch);
        }
        return group;
    }
}
