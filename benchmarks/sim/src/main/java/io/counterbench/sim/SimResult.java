package io.counterbench.sim;

/**
 * What one simulation measured. Deviations are approximate() - exact after every operation, in the
 * counter's units (pages in the RSS scenarios).
 *
 * @param spec what ran
 * @param batch the batch the counter used (its default when the spec said 0)
 * @param ops operations run
 * @param boundUnder the counter's accuracy().under(); for per-thread, whose bound grows with the largest
 *        |delta| of each task, the widest it was (with fork-exit: over all the processes' counters)
 * @param boundOver the counter's accuracy().over()
 * @param worstUnder the largest precise - approximate seen (>= 0)
 * @param worstOver the largest approximate - precise seen (>= 0)
 * @param meanAbsDeviation the mean of |approximate - precise| over all operations
 * @param finalDeviation approximate - precise after the last operation (quiescent)
 * @param violations operations after which the deviation was outside the bound (must be 0)
 * @param firstViolation a description of the first violation, or null
 * @param preciseChecks how often precise() was compared with the exact shadow value
 * @param preciseMismatches how often it differed (must be 0)
 * @param migrations task migrations the scheduler made
 * @param exits fork-exit: processes that exited (each had its own counter); otherwise 0
 * @param worstExitDeviation fork-exit: the largest |approximate| a counter read when its process
 *        exited with nothing resident (what a monitor would have seen), else 0
 * @param reachableUnder tree ids: {@code TreeShape.reachableUnder} for the topology's CPUs; else null
 * @param coherence the coherence model's counts, or null (adder, jctools)
 * @param drift the deviation over the run, downsampled (written for the hop and RSS scenarios)
 * @param elapsedNanos wall time of the run (not deterministic)
 */
record SimResult(
        SimSpec spec,
        long batch,
        long ops,
        long boundUnder,
        long boundOver,
        long worstUnder,
        long worstOver,
        double meanAbsDeviation,
        long finalDeviation,
        long violations,
        String firstViolation,
        long preciseChecks,
        long preciseMismatches,
        long migrations,
        long exits,
        long worstExitDeviation,
        Long reachableUnder,
        CoherenceStats coherence,
        DriftTrace drift,
        long elapsedNanos) {

    double opsPerSecond() {
        return elapsedNanos == 0 ? 0 : ops * 1e9 / elapsedNanos;
    }

    /** The larger of the two worst deviations. */
    long worst() {
        return Math.max(worstUnder, worstOver);
    }
}
