package io.counterbench.results.trend;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The detection table of docs/trend.md: for a 2% and a 1% step in 0.5% noise, 40 runs long, how
 * many of 100 seeded series show a change point, at the step's first run exactly, and within one
 * run of it, when the series ends k runs after the step. Long (a minute or two), so only with
 * {@code ./run-bench.sh test -pl results -am -Dtest=EDivisiveRates -Dcounterbench.trend.rates=true}.
 */
@EnabledIfSystemProperty(named = "counterbench.trend.rates", matches = "true")
class EDivisiveRates {

    @Test
    void table() {
        EDivisive.Options o = EDivisive.Options.DEFAULT;
        int n = EDivisiveTest.N;
        StringBuilder sb = new StringBuilder(
                "| step | runs after it | found | at the step's commit | within one run |\n|---|---:|---:|---:|---:|\n");
        for (double step : new double[] {0.02, 0.01}) {
            for (int k = 1; k <= 8; k++) {
                int found = 0;
                int exact = 0;
                int near = 0;
                for (int s = 0; s < 100; s++) {
                    double[] x = EDivisiveTest.series(5000 + s + (long) (step * 1e6), n, k, step);
                    List<Integer> c = EDivisive.detect(x, o).indices();
                    int at = n - k;
                    found += c.isEmpty() ? 0 : 1;
                    exact += c.contains(at) ? 1 : 0;
                    near += c.stream().anyMatch(i -> Math.abs(i - at) <= 1) ? 1 : 0;
                }
                sb.append(String.format(
                        Locale.ROOT, "| %.0f%% | %d | %d | %d | %d |%n", step * 100, k, found, exact, near));
            }
        }
        int falses = 0;
        for (int s = 0; s < 1000; s++) {
            falses += EDivisive.detect(EDivisiveTest.series(9000 + s, n, 0, 0), o)
                    .changes()
                    .size();
        }
        sb.append(String.format(Locale.ROOT, "%nnoise only: %d change points in 1000 series of %d runs%n", falses, n));
        System.out.print(sb);
    }
}
