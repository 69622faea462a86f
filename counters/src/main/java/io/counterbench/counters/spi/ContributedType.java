package io.counterbench.counters.spi;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.CounterBuilder;
import io.counterbench.counters.CounterType;
import io.counterbench.topology.Topology;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One counter type a jar contributes: its id, a line saying what it is, the accuracy it declares
 * and how to build it. The declared bound is what every check holds the counter to: its
 * {@link ContributedCounter#accuracy()} returns exactly this, the benchmarks' accuracy probe counts
 * a quiescent read outside it as a violation in the counter's row, and the simulator and soak do
 * the same after every operation and at every pause.
 *
 * @param id          what users type after --counters; letters, digits, '.', '_' and '-', at most 40
 * @param description one line for tables and listings
 * @param bound       the declared bound for a topology and batch (computed from the structure,
 *                    like the built-ins'), {@link Accuracy#EXACT} for an exact counter
 * @param constructor builds one counter for a topology and batch (0: the type's default)
 */
public record ContributedType(String id, String description, Bound bound, Constructor constructor)
        implements CounterType {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /** The declared (under, over) of a counter built for {@code topology} with {@code batch}. */
    @FunctionalInterface
    public interface Bound {
        Accuracy of(Topology topology, long batch);
    }

    /**
     * Builds one counter, usually the counter class's constructor; {@code batch} is what the user gave, 0 for "your
     * default".
     */
    @FunctionalInterface
    public interface Constructor {
        ContributedCounter create(Topology topology, long batch);
    }

    public ContributedType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(constructor, "constructor");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("counter id '" + id + "' must be 1-40 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
    }

    /** An exact counter: precise() and approximate() agree at quiescence. */
    public static ContributedType exact(String id, String description, Constructor constructor) {
        return new ContributedType(id, description, (topology, batch) -> Accuracy.EXACT, constructor);
    }

    /** An approximate counter whose cheap read stays within {@code bound} of the precise value at quiescence. */
    public static ContributedType bounded(String id, String description, Bound bound, Constructor constructor) {
        return new ContributedType(id, description, bound, constructor);
    }

    @Override
    public boolean builtIn() {
        return false;
    }

    /**
     * Counters from the constructor, each checked to have been built for this type (the counter's
     * constructor passes it to ContributedCounter's).
     */
    @Override
    public CounterBuilder factory(Topology topology, long batch) {
        Objects.requireNonNull(topology, "topology");
        if (batch < 0) {
            throw new IllegalArgumentException("batch " + batch + " must be positive (counter " + id + ")");
        }
        return () -> {
            ContributedCounter c = constructor.create(topology, batch);
            if (c == null || c.id() != this) {
                throw new IllegalStateException("counter " + id + ": its constructor built "
                        + (c == null ? "nothing" : "a counter of type '" + c.id().id() + "'")
                        + " (pass this type to ContributedCounter's constructor)");
            }
            return c;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
