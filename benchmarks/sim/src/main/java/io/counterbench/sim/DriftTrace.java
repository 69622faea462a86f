package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.util.Json;
import java.util.Arrays;

/**
 * The deviation (approximate - exact) over simulated time, downsampled for simulation.json: the
 * run's operations are cut into at most {@value #POINTS} consecutive buckets of equal length, and
 * each bucket keeps the smallest and the largest deviation seen in it, so the envelope of the drift
 * is exact at every operation however long the run (no sample can miss a peak). When a run goes
 * past the operations it planned, adjacent buckets merge and the length doubles.
 */
final class DriftTrace {
    static final int POINTS = 200;

    private final long[] min = new long[POINTS];
    private final long[] max = new long[POINTS];
    private long width;
    private int filled;
    private long inBucket;
    private long curMin = Long.MAX_VALUE;
    private long curMax = Long.MIN_VALUE;

    DriftTrace(long plannedOps) {
        width = Math.max(1, (plannedOps + POINTS - 1) / POINTS);
    }

    /** Records the deviation after one operation. */
    void record(long deviation) {
        if (deviation < curMin) {
            curMin = deviation;
        }
        if (deviation > curMax) {
            curMax = deviation;
        }
        if (++inBucket == width) {
            close();
        }
    }

    private void close() {
        if (filled == POINTS) {
            for (int i = 0; i < POINTS / 2; i++) {
                min[i] = Math.min(min[2 * i], min[2 * i + 1]);
                max[i] = Math.max(max[2 * i], max[2 * i + 1]);
            }
            filled = POINTS / 2;
            width *= 2;
            // the open bucket was half the new length: it becomes the first half of the next one
            return;
        }
        min[filled] = curMin;
        max[filled] = curMax;
        filled++;
        inBucket = 0;
        curMin = Long.MAX_VALUE;
        curMax = Long.MIN_VALUE;
    }

    /**
     * {"ops_per_point": w, "last_point_ops": n, "min": [...], "max": [...]}: point i covers operations [i w, (i + 1)
     * w).
     */
    ObjectNode json() {
        long[] mn = Arrays.copyOf(min, filled + (inBucket > 0 ? 1 : 0));
        long[] mx = Arrays.copyOf(max, mn.length);
        if (inBucket > 0) {
            mn[filled] = curMin;
            mx[filled] = curMax;
        }
        ObjectNode o = Json.object();
        o.put("ops_per_point", width);
        o.put("last_point_ops", inBucket > 0 ? inBucket : width);
        o.put("meaning", "approximate - exact: smallest and largest over each point's operations");
        ArrayNode a = o.putArray("min");
        Arrays.stream(mn).forEach(a::add);
        ArrayNode b = o.putArray("max");
        Arrays.stream(mx).forEach(b::add);
        return o;
    }
}
