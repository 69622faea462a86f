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

    /** A builder of counters for {@code topology}; {@code batch} 0 picks the type's default. */
    CounterBuilder factory(Topology topology, long batch);

    /** One counter built for {@code topology}; {@code batch} 0 picks the type's default. */
    default Counter create(Topology topology, long batch) {
        return factory(topology, batch).create();
    }
}
