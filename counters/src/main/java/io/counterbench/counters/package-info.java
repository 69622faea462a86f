/**
 * The counter contract ({@link io.counterbench.counters.Counter}) and every implementation, built by
 * {@link io.counterbench.counters.CounterId}.
 *
 * <h2>Padding</h2>
 * Per-CPU (and per-node, per-task, per-tree-item) state lives in {@code long[]} arrays laid out in
 * 128-byte lines of 16 longs ({@link io.counterbench.counters.Slots#STRIDE}): line {@code i} holds
 * the slots of CPU {@code i}, and counter {@code k} of a group uses word {@code k} of every line, so
 * the four RSS counters of one mm share a CPU's line the way the kernel's one allocation does. One
 * spare line before and after keeps the array header and neighbouring objects off the first and
 * last line. 128 bytes, not 64, because adjacent-line prefetch pulls lines in pairs on x86.
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
 *   <li>{@code setOpaque}: single-writer state (a per-task cache) that other threads read.</li>
 * </ul>
 * No lock is taken on any add path; where the original has a lock (percpu_counter's flush) an atomic exchange
 * does its job.
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
 * Values are {@code long}. An add that would take the slot it updates (or, for the tree, any item or
 * the root its carry reaches, or, for flat, the total it flushes into) out of the long range is
 * undone and throws {@link java.lang.ArithmeticException}; precise sums use exact arithmetic and
 * throw the same when the true value does not fit. approximate() saturates at the long limits, so
 * it stays within the accuracy range of a precise value that fits. Nothing wraps silently, with one documented
 * exception: {@code adder} and {@code jctools} are the JDK's and JCTools' classes, whose cells we do
 * not see; they are guarded only against single deltas that would overflow their current sum.
 */
package io.counterbench.counters;
