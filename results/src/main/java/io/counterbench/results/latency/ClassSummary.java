package io.counterbench.results.latency;

/**
 * One distance class of a latency run: how many pairs were measured at it, and the median and
 * spread over those pairs of each pair's median round trip.
 *
 * @param cls the class key ("same-llc")
 * @param pairs pairs measured at this class
 * @param cas over the pairs' CAS medians, round trip in ns
 * @param storeLoad over the pairs' store/load medians, round trip in ns (empty when not measured)
 * @param casSamples over every CAS sample of the class's pairs: the spread of single samples
 * @param storeLoadSamples over every store/load sample of the class's pairs
 */
public record ClassSummary(
        String cls, int pairs, Stats cas, Stats storeLoad, Stats casSamples, Stats storeLoadSamples) {

    /**
     * What moving the line once costs at this class: half the CAS round trip (one transfer each way),
     * the figure the cost model charges per line move.
     */
    public double oneWayNs() {
        return cas.median() / 2;
    }
}
