package io.counterbench.results.report;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.jmh.Speedup;
import io.counterbench.results.report.write.Fmt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report shows of one metric: the median of its fork scores and their interval
 * ({@link ForkScores}); for a file without raw data (some foreign JMH files), JMH's own score and no
 * interval.
 */
public record Scores(double value, ForkScores forks) {

    public static Scores of(Metric m) {
        ForkScores f = ForkScores.of(m);
        return new Scores(f.forks() > 0 ? f.median() : m.score(), f);
    }

    /** The speedup of {@code row} over LongAdder's matching row (null: no such row, or units differ). */
    public static Scores speedup(Reference adders, JmhResult row, Metric rowMetric, String member) {
        if (adders.isReference(row) || Speedup.undefinedBecause(row.className()) != null) {
            return null;
        }
        JmhResult ref = adders.find(row);
        if (ref == null) {
            return null;
        }
        Metric refMetric = member == null ? ref.primary() : ref.secondary(member);
        if (refMetric == null || !refMetric.unit().equals(rowMetric.unit())) {
            return null;
        }
        ForkScores f = Speedup.of(rowMetric, refMetric, row.mode());
        if (f.forks() > 0) {
            return new Scores(f.median(), f);
        }
        double a = rowMetric.score();
        double b = refMetric.score();
        return new Scores(row.mode().higherIsBetter() ? a / b : b / a, f);
    }

    /** The members of a @Group row by role ("reader", "writer"), each with its scores. */
    public static Map<String, Metric> members(JmhResult r) {
        Map<String, Metric> out = new LinkedHashMap<>();
        for (String name : Columns.groupMembers(r)) {
            out.put(Columns.role(name), r.secondary(name));
        }
        return out;
    }

    public boolean hasInterval() {
        return forks.hasInterval();
    }

    public double lower() {
        return forks.lower();
    }

    public double upper() {
        return forks.upper();
    }

    public boolean wide() {
        return forks.wide();
    }

    /** "114.0 [108.2, 119.9]", "114.0" without an interval, a dagger when the interval is wide. */
    public String cell() {
        return cell(Fmt::num);
    }

    /** The same for ratios: "0.92x [0.88, 0.97]". */
    public String ratioCell() {
        return cell(v -> String.format(java.util.Locale.ROOT, "%.2f", v)).replaceFirst("^([^ \u2020]+)", "$1x");
    }

    private String cell(java.util.function.DoubleFunction<String> f) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        String s = f.apply(value);
        if (hasInterval()) {
            s += " [" + f.apply(lower()) + ", " + f.apply(upper()) + "]";
        }
        return wide() ? s + " " + Fmt.WIDE_MARK : s;
    }
}
