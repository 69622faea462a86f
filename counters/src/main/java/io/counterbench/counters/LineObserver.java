package io.counterbench.counters;

/**
 * Sees the slow-path writes of a counter, for the simulator's coherence-cost model. Counters built
 * by a factory from {@link CounterFactory#observedBy} call {@link #wrote} after each write that is
 * not the add's own always-written line:
 * <ul>
 *   <li>{@code tree}, {@code tree-topo}: each item a carry reaches, and the root (lines of the
 *       items array: distinct items have distinct numbers);</li>
 *   <li>{@code flat}, {@code per-node}: the flush into the total (line {@code slotCount});</li>
 *   <li>{@code per-thread}: the flush of a task's cache into the total (line 0).</li>
 * </ul>
 * The always-written line is known to the caller from the add's arguments: the CPU's level-0 slot
 * ({@code tree}, {@code flat}), the CPU's node slot ({@code per-node}), the task's cache
 * ({@code per-thread}); {@code atomic} has only its one shared line; {@code adder} and
 * {@code jctools} are library classes whose lines cannot be seen and never call an observer.
 *
 * <p>Cost: nothing on the fast path. The observer is a final field read only on the slow path (a
 * carry, a flush); counters built without one do exactly what they did before.
 */
@FunctionalInterface
public interface LineObserver {
    /** The slow path just wrote line {@code line} of the counter's shared structure. */
    void wrote(int line);
}
