package io.counterbench.sim;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one line for an error limit that no counter's bound meets: the closest counter, and what
 * would bring it within the limit: a smaller batch on the same topology, or counters that each
 * cover fewer CPUs (one counter per group of CPUs, summed when read). Both bounds come from the
 * counter's own accuracy() on the changed structure.
 */
final class Unmeetable {
    private Unmeetable() {}

    static String message(List<Advisor.Row> rows, long limit, String limitText, Topology t, Advisor.Workload w) {
        Advisor.Row closest =
                rows.stream().min(Comparator.comparingLong(Advisor.Row::bound)).orElseThrow();
        CounterId id = closest.counter();
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "no counter's bound meets the error limit %s on %s (%d CPUs, "
                        + "%d update threads): the closest is %s, whose cheap read may be off by %,d",
                limitText,
                t.name(),
                t.puCount(),
                w.threads(),
                id.id(),
                closest.bound()));
        String batch = smallerBatch(id, t, limit);
        String cpus = fewerCpus(id, t.puCount(), limit);
        if (batch == null && cpus == null) {
            return b.append("; neither a smaller batch nor fewer CPUs per counter brings it within the " + "limit")
                    .toString();
        }
        b.append("; it would take ");
        if (batch != null) {
            b.append(batch);
        }
        if (cpus != null) {
            b.append(batch == null ? "" : " or ").append(cpus);
        }
        return b.toString();
    }

    /** The largest batch below the default whose bound meets the limit: "batch 8 (bound 12,288)", or null. */
    static String smallerBatch(CounterId id, Topology t, long limit) {
        if (CounterModel.of(id).boundGrowsWithDeltas() || id.factory(t, 0).batch() == 0) {
            return null;
        }
        for (long batch = id.factory(t, 0).batch() / 2; batch >= 2; batch /= 2) {
            long bound = bound(id.factory(t, batch));
            if (bound <= limit) {
                return String.format(Locale.ROOT, "batch %d (bound %,d)", batch, bound);
            }
        }
        return null;
    }

    /**
     * The most CPUs one counter may cover with its default batch: "counters over at most 12 CPUs each (bound 4,096)",
     * or null.
     */
    static String fewerCpus(CounterId id, int cpus, long limit) {
        if (CounterModel.of(id).boundGrowsWithDeltas()) {
            return null;
        }
        for (int n = cpus / 2; n >= 1; n /= 2) {
            long bound = bound(id.factory(TopologySources.load("pack:1 core:" + n + " pu:1"), 0));
            if (bound <= limit) {
                return String.format(
                        Locale.ROOT, "counters over at most %d CPUs each, summed when read (bound %,d each)", n, bound);
            }
        }
        return null;
    }

    private static long bound(CounterFactory f) {
        try (Counter c = f.create()) {
            return c.accuracy().worst();
        }
    }
}
