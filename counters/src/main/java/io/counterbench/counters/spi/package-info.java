/**
 * Bring your own counter: the service interface through which a jar puts its own counter types
 * next to the built-in ones, in every benchmark, the accuracy probes, the simulator, soak and the
 * reports.
 *
 * <ol>
 *   <li>Subclass {@link io.counterbench.counters.spi.ContributedCounter}: the explicit-placement
 *       add {@code add(cpu, task, delta)}, {@code approximate()} and {@code precise()}.</li>
 *   <li>Declare the type with {@link io.counterbench.counters.spi.ContributedType#exact} or
 *       {@link io.counterbench.counters.spi.ContributedType#bounded}: an id, a description, the
 *       bound (computed from the topology and batch, like the built-ins') and the counter's constructor.</li>
 *   <li>Implement {@link io.counterbench.counters.spi.CounterProvider} and name the class in
 *       {@code META-INF/services/io.counterbench.counters.spi.CounterProvider}.</li>
 *   <li>Jar it and pass it with {@code --counter-jar} to run, jmh, soak or simulate custom.</li>
 * </ol>
 *
 * <p>The jar is loaded in its own class loader in the command's JVM and, through a system property
 * ({@link io.counterbench.counters.CounterTypes#JARS_PROPERTY}), in every JMH fork. A counter that
 * throws is reported as failed with its reason and the run goes on; one whose cheap read leaves its
 * declared bound shows violations in its row, and precise() is checked against the writers' exact
 * tallies like every other counter's.
 */
package io.counterbench.counters.spi;
