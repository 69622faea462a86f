package io.counterbench.results.report.chart;

import java.util.List;

/**
 * A matrix chart in the report: a title that asks the question, a subtitle saying what is drawn and
 * what it cannot tell, the axis labels (row i and column i are the same item, e.g. a CPU) and the
 * values, NaN where nothing was measured. {@link HeatmapRenderer} draws it.
 *
 * @param axisLabel what the items are ("CPU, in topology order")
 * @param labels one label per row and column
 * @param values values[i][j]; a square matrix of labels.size() rows
 * @param unit the values' unit for the colour scale ("ns")
 */
public record HeatmapSpec(
        String title, String subtitle, String axisLabel, List<String> labels, double[][] values, String unit) {

    public HeatmapSpec {
        labels = List.copyOf(labels);
        subtitle = subtitle == null ? "" : subtitle;
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != labels.size()) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + values[i].length + " values for " + labels.size() + " labels");
            }
            copy[i] = values[i].clone();
        }
        if (copy.length != labels.size()) {
            throw new IllegalArgumentException(copy.length + " rows for " + labels.size() + " labels");
        }
        values = copy;
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** The value at row i, column j. */
    public double at(int i, int j) {
        return values[i][j];
    }

    public int size() {
        return labels.size();
    }

    /** True when at least one cell has a finite value. */
    public boolean drawable() {
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
