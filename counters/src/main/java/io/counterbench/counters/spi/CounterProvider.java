package io.counterbench.counters.spi;

import java.util.List;

/**
 * What a jar implements to put its own counters next to the built-in ones. counterbench finds it
 * with {@link java.util.ServiceLoader}: the jar lists the implementing class in
 * {@code META-INF/services/io.counterbench.counters.spi.CounterProvider}. The class needs a public
 * no-argument constructor.
 */
public interface CounterProvider {

    /**
     * The counter types this jar contributes, at least one. Their ids must differ from every
     * built-in id (ignoring case) and from each other.
     */
    List<ContributedType> types();
}
