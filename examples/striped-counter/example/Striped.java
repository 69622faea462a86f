package example;

import io.counterbench.counters.spi.ContributedCounter;
import io.counterbench.counters.spi.ContributedType;
import io.counterbench.counters.spi.CounterProvider;
import io.counterbench.topology.Topology;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/** A striped counter: one AtomicLong per CPU, 128 bytes apart. Exact: a read sums every stripe. */
public final class Striped implements CounterProvider {
    static final ContributedType TYPE = ContributedType.exact("striped", "one padded AtomicLong per CPU", StripedCounter::new);

    @Override
    public List<ContributedType> types() {
        return List.of(TYPE);
    }

    static final class StripedCounter extends ContributedCounter {
        private static final int PAD = 16; // longs: 128 bytes from one stripe to the next
        private final AtomicLongArray cells;

        StripedCounter(Topology topology, long batch) {
            super(TYPE, topology, batch);
            cells = new AtomicLongArray((cpuLimit() + 1) * PAD); // stripe c at (c + 1) * PAD: off the header's line
        }

        @Override
        public void add(int cpu, int task, long delta) {
            cells.getAndAdd((cpu + 1) * PAD, delta);
        }

        @Override
        public long precise() {
            long sum = 0;
            for (int cpu = 0; cpu < cpuLimit(); cpu++) {
                sum += cells.get((cpu + 1) * PAD);
            }
            return sum;
        }

        @Override
        public long approximate() {
            return precise();
        }
    }
}
