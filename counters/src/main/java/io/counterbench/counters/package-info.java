/**
 * The counter contract ({@link io.counterbench.counters.Counter}) and every implementation, built by
 * {@link io.counterbench.counters.CounterId}.
 *
 * <h2>Padding</h2>
 * <ul>
 *   <li>Per-CPU (and per-node) slots live in a {@link io.counterbench.counters.PerCpuArena}, the
 *       kernel's per-CPU allocator in miniature: a chunk is one {@code long[]} with one region of
 *       48 slots per CPU, slot {@code s} of every region belonging to one counter, so a counter
 *       costs 8 bytes per CPU and counters share a CPU's lines only with counters of that CPU's
 *       region. Regions are padded apart by one 128-byte line (and the first one from the array
 *       header), so no line holds slots of two CPUs. A group takes adjacent slots.</li>
 *   <li>Other shared state is laid out in 128-byte lines of 16 longs
 *       ({@link io.counterbench.counters.Slots#STRIDE}): a per-thread task's cache, a flat counter's
 *       total and lock; one spare line before and after keeps the array header and neighbouring
 *       objects off the first and last line. 128 bytes, not 64, because adjacent-line prefetch pulls
 *       lines in pairs on x86.</li>
 *   <li>Tree items (and the root) are one 64-byte line each, of the counter's own, as the kernel's
 *       cache-line-aligned items are; like the kernel's, two neighbouring items may be pulled in
 *       together by the adjacent-line prefetcher.</li>
 * </ul>
 *
 * <h2>Accessors</h2>
 * All slot access goes through {@link io.counterbench.counters.Slots#LONGS}, a VarHandle:
 * <ul>
 *   <li>{@code getAndAdd}, {@code getAndSet}: the update of a slot any thread may touch
 *       (a per-CPU slot: Java threads migrate between the read of the CPU number and the update,
 *       which the kernel prevents by disabling preemption; we pay an atomic instead);</li>
 *   <li>{@code getOpaque}: reads by other threads (sums); opaque is enough because a sum makes no
 *       promise while writers run, and at quiescence the writers' completion (a join, a latch)
 *       already orders their writes before the read;</li>
 *   <li>{@code setOpaque}: single-writer state (a per-task cache) that other threads read, and
 *       state written only under a lock;</li>
 *   <li>{@code weakCompareAndSetAcquire} and {@code setRelease}: the flush lock of {@code flat} and
 *       {@code per-node} (percpu_counter's {@code fbc->lock}), taken by a flush, precise() and set(),
 *       never by an add that does not flush.</li>
 * </ul>
 * An arena slot goes back to the arena when its counter is closed or unreachable; every method that
 * touches the slot ends with {@link java.lang.ref.Reference#reachabilityFence} so that the counter
 * cannot become unreachable, and its slot be handed to another counter, while the method runs.
 *
 * <h2>Observation</h2>
 * The simulator (io.counterbench.sim) models cache-line transfers, so it must know which lines an
 * add writes. The always-written line follows from the add's own arguments (the CPU's slot, the
 * task's cache); the others are written only on slow paths (a tree carry, a flush into a total),
 * and a counter built by {@link io.counterbench.counters.CounterFactory#observedBy} reports those to
 * a {@link io.counterbench.counters.LineObserver}. The observer is a final field that is null
 * unless the simulator set it and is read only on those slow paths: fast paths are unchanged.
 *
 * <h2>Values</h2>
 * Values are {@code long}. An add that would take the slot it updates (or, for the tree, the root its
 * carry reaches, or, for flat, the total it flushes into) out of the long range is undone and throws
 * {@link java.lang.ArithmeticException}. The tree's intermediate items are the exception, as in the
 * kernel: only their bits below the level's mask matter for carries, so they wrap freely. Precise
 * sums and set() add with wrapping arithmetic and count the wraps
 * ({@link io.counterbench.counters.WideSum}), so partial sums may leave the long range; they throw
 * only when the true value does not fit. approximate() saturates at the long limits, so it stays
 * within the accuracy range of a precise value that fits. Nothing else wraps silently, with one
 * documented exception: {@code adder} and {@code jctools} are the JDK's and JCTools' classes, whose
 * cells we do not see; they are guarded only against single deltas that would overflow their current
 * sum.
 */
package io.counterbench.counters;
