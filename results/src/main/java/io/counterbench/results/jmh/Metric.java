package io.counterbench.results.jmh;

import java.util.Arrays;
import java.util.List;

/**
 * One JMH metric of a result row: its score, error and unit, and its raw per-iteration samples
 * over all forks. For SampleTime rows JMH stores histograms instead of values; each iteration's
 * histogram becomes one sample, its weighted mean, so every mode offers iteration samples alike.
 * Scores JMH could not compute are NaN (JMH writes them as the string "NaN").
 *
 * @param forks per fork, the samples of its measurement iterations (may be empty: no raw data)
 * @param histogramCount number of single measurements behind the histograms (0 without histograms)
 */
public record Metric(double score, double error, String unit, List<double[]> forks, long histogramCount) {

    public Metric {
        forks = List.copyOf(forks);
    }

    /** Every iteration sample of every fork, NaNs left out. */
    public double[] samples() {
        return forks.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(d -> !Double.isNaN(d))
                .toArray();
    }

    /** This metric with the score, the error and every sample multiplied by {@code factor}. */
    public Metric scaled(double factor, String newUnit) {
        List<double[]> f = forks.stream()
                .map(a -> Arrays.stream(a).map(x -> x * factor).toArray())
                .toList();
        return new Metric(score * factor, error * Math.abs(factor), newUnit, f, histogramCount);
    }

    /** Sample standard deviation of the samples; NaN with fewer than two. */
    public double stddev() {
        double[] s = samples();
        if (s.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double sum = 0;
        for (double x : s) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt(sum / (s.length - 1));
    }
}
