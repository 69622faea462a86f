package io.counterbench.counters;

/**
 * Builds counters of one type for one topology and batch, with everything derived from those
 * computed once (tree shape, CPU maps), so that creating a counter costs only the counter: what
 * benchmarks that create counters in their measured loop hold. {@link CounterFactory} for the
 * built-ins; a contributed type's builder calls its constructor.
 */
public interface CounterBuilder {

    /** One counter. */
    Counter create();

    /**
     * {@code count} counters (at most {@value Slots#MAX_GROUP}) built together, like the four RSS
     * counters of one mm; a type whose counters share nothing builds them one by one.
     */
    default Counter[] createGroup(int count) {
        if (count < 1 || count > Slots.MAX_GROUP) {
            throw new IllegalArgumentException("group size " + count + " must be in 1-" + Slots.MAX_GROUP);
        }
        Counter[] group = new Counter[count];
        for (int k = 0; k < count; k++) {
            group[k] = create();
        }
        return group;
    }
}
