package io.counterbench.counters;

/** The comparison logic of HPCC's compare helpers, on values and accuracy ranges. */
final class Compare {
    private Compare() {}

    /**
     * Sign of (precise - v) when the approximation {@code approx} with {@code acc} decides it, else 0.
     * precise lies in [approx - over, approx + under].
     */
    static int againstValue(long approx, Accuracy acc, long v) {
        if (Sat.sub(Sat.sub(approx, acc.over()), v) > 0) {
            return 1;
        }
        if (Sat.sub(Sat.add(approx, acc.under()), v) < 0) {
            return -1;
        }
        return 0;
    }

    /** Sign of (precise a - precise b) when the two approximations decide it, else 0. */
    static int counters(long a, Accuracy accA, long b, Accuracy accB) {
        // precise a in [a - overA, a + underA], precise b in [b - overB, b + underB]
        if (Sat.sub(Sat.sub(a, accA.over()), Sat.add(b, accB.under())) > 0) {
            return 1;
        }
        if (Sat.sub(Sat.add(a, accA.under()), Sat.sub(b, accB.over())) < 0) {
            return -1;
        }
        return 0;
    }

    static int preciseCounters(Counter x, Counter y) {
        long ax = x.approximate();
        long ay = y.approximate();
        Accuracy accX = x.accuracy();
        Accuracy accY = y.accuracy();
        int r = counters(ax, accX, ay, accY);
        if (r != 0) {
            return r;
        }
        if (accX.under() + accX.over() >= accY.under() + accY.over()) {
            long px = x.precise();
            r = counters(px, Accuracy.EXACT, ay, accY);
            return r != 0 ? r : Long.compare(px, y.precise());
        }
        long py = y.precise();
        r = counters(ax, accX, py, Accuracy.EXACT);
        return r != 0 ? r : Long.compare(x.precise(), py);
    }
}
