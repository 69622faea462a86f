package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftTraceTest {

    @Test
    void eachPointKeepsTheExactEnvelopeOfItsOperations() {
        DriftTrace t = new DriftTrace(1_000);
        long[] devs = new long[1_000];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < devs.length; i++) {
            devs[i] = rnd.nextLong(-500, 500);
            t.record(devs[i]);
        }
        JsonNode j = t.json();
        assertEquals(5, j.get("ops_per_point").asLong());
        assertEquals(DriftTrace.POINTS, j.get("min").size());
        for (int p = 0; p < DriftTrace.POINTS; p++) {
            long mn = Long.MAX_VALUE;
            long mx = Long.MIN_VALUE;
            for (int i = p * 5; i < p * 5 + 5; i++) {
                mn = Math.min(mn, devs[i]);
                mx = Math.max(mx, devs[i]);
            }
            assertEquals(mn, j.get("min").get(p).asLong(), "point " + p);
            assertEquals(mx, j.get("max").get(p).asLong(), "point " + p);
        }
    }

    @Test
    void aRunLongerThanPlannedMergesPointsAndLosesNoPeak() {
        DriftTrace t = new DriftTrace(200);
        for (int i = 0; i < 1_000; i++) {
            t.record(i == 777 ? -1_000_000 : i % 7);
        }
        JsonNode j = t.json();
        long width = j.get("ops_per_point").asLong();
        assertEquals(8, width, "1 per point, doubled until 1,000 operations fit in 200 points");
        assertEquals(125, j.get("min").size());
        assertEquals(-1_000_000, j.get("min").get((int) (777 / width)).asLong());
        long lowest = 0;
        for (JsonNode n : j.get("min")) {
            lowest = Math.min(lowest, n.asLong());
        }
        assertEquals(-1_000_000, lowest);
    }

    @Test
    void aPartialLastPointIsWrittenWithItsLength() {
        DriftTrace t = new DriftTrace(1_000);
        for (int i = 0; i < 12; i++) {
            t.record(i);
        }
        JsonNode j = t.json();
        assertEquals(3, j.get("min").size());
        assertEquals(2, j.get("last_point_ops").asLong());
        assertEquals(11, j.get("max").get(2).asLong());
    }
}
