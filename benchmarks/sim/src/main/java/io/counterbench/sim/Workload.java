package io.counterbench.sim;

/** A stream of operations: which task adds what (and, for the adversary, on which CPU). */
interface Workload {
    /**
     * Fills {@code op} with the next operation.
     *
     * @param exact the counter's exact value before this operation
     * @return false when the workload is over ({@code op} is then unused)
     */
    boolean next(Op op, long exact);

    /** About how many operations it runs, for progress reports. */
    long expectedOps();
}
