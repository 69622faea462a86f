/**
 * The virtual-topology simulator behind {@code run-bench.sh simulate}: the real counters of
 * io.counterbench.counters, driven single-threaded through {@code add(cpu, task, delta)} over any
 * topology, deterministic for a seed.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.counterbench.sim.CpuMap}: a topology flattened into arrays (domains of each CPU,
 *       distance classes) for the inner loop;</li>
 *   <li>{@link io.counterbench.sim.Scheduler} with a {@link io.counterbench.sim.MigrationRule}
 *       ({@link io.counterbench.sim.Migration} where, every k operations or with probability p):
 *       which CPU each task runs on;</li>
 *   <li>{@link io.counterbench.sim.Workload}s, by {@link io.counterbench.sim.WorkloadKind}: RSS
 *       grow/churn/shrink, CPU-hopping mmap/munmap, random walk, fork/exit churn (a new counter per
 *       process), and the adversary ({@link io.counterbench.sim.AdversaryPlan}) that drives each
 *       counter to its worst case;</li>
 *   <li>{@link io.counterbench.sim.Engine}: the loop. After every operation it reads approximate()
 *       (O(1) for the batched counters) against an exact shadow value and the bound; it checks
 *       precise() against the shadow every 65536 operations, at every process exit and at the end;
 *       it allocates nothing per operation;</li>
 *   <li>{@link io.counterbench.sim.Coherence}: the coherence-cost model, fed by the add's arguments
 *       and by the counters' {@link io.counterbench.counters.LineObserver} hook;</li>
 *   <li>scenarios ({@link io.counterbench.sim.Scenario}): rss-250, hop-384, oom-select
 *       ({@link io.counterbench.sim.OomFleet}, {@link io.counterbench.sim.OomSelection}), scale,
 *       custom; each prints a Markdown table beside the published figures and returns its part of
 *       simulation.json;</li>
 *   <li>{@link io.counterbench.sim.Simulation}: the entry point the CLI calls; it also measures the
 *       simulator's speed ({@link io.counterbench.sim.SpeedProbe}).</li>
 * </ul>
 *
 * <h2>Units</h2>
 * Deviations are in the counters' units: pages in the RSS scenarios, shown as MB of 2^20 bytes with
 * 4 KiB pages (49152 pages = 192 MB). Coherence figures are per million operations.
 */
package io.counterbench.sim;
