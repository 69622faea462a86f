package io.counterbench.results.latency;

/**
 * One measured pair of CPUs: the round-trip times of every sample, in ns, for the CAS ping-pong and
 * for the store/load pair. Medians and spreads are derived from the samples, never stored apart.
 *
 * @param a the CPU that timed the round trips
 * @param b its partner
 * @param cls the distance class key ("same-llc"), see {@link LatencyRun#CLASSES}
 * @param cas CAS ping-pong round trips, one per sample
 * @param storeLoad release-store / acquire-load round trips, one per sample (empty: not measured)
 */
public record Pair(int a, int b, String cls, double[] cas, double[] storeLoad) {

    public Pair {
        cas = cas.clone();
        storeLoad = storeLoad.clone();
    }

    @Override
    public double[] cas() {
        return cas.clone();
    }

    @Override
    public double[] storeLoad() {
        return storeLoad.clone();
    }

    public Stats casStats() {
        return Stats.of(cas);
    }

    public Stats storeLoadStats() {
        return Stats.of(storeLoad);
    }
}
