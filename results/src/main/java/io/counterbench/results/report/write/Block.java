package io.counterbench.results.report.write;

import io.counterbench.results.report.chart.ChartRenderer;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.HeatmapRenderer;
import io.counterbench.results.report.chart.HeatmapSpec;
import java.util.List;

/** The parts a report is made of, independent of the format it is written in. */
public sealed interface Block {

    /** A section heading; level 2 is a section, 3 a subsection. */
    record Heading(int level, String text) implements Block {}

    /** A paragraph of plain text (the writers escape it). */
    record Paragraph(String text) implements Block {}

    /** A note in smaller print: a skipped input, a caveat. */
    record Note(String text) implements Block {}

    /**
     * A table. {@code numeric} says which columns are right-aligned. Cells are already formatted
     * (units live in the header).
     */
    record Table(String caption, List<String> header, List<Boolean> numeric, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException(
                            "row " + r + " has " + r.size() + " cells for " + header.size() + " columns");
                }
            }
        }

        /** A table built row by row whose first column is text and the others numbers (right-aligned). */
        public static Rows numbers(String... header) {
            return new Rows(List.of(header));
        }

        /** Rows of a {@link #numbers} table; a null cell reads "n/a". */
        public static final class Rows {
            private final List<String> header;
            private final List<List<String>> rows = new java.util.ArrayList<>();

            private Rows(List<String> header) {
                this.header = header;
            }

            public Rows row(Object... cells) {
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException(
                            "row has " + cells.length + " cells, table has " + header.size() + " columns");
                }
                rows.add(java.util.Arrays.stream(cells)
                        .map(c -> c == null ? "n/a" : c.toString())
                        .toList());
                return this;
            }

            public Table table() {
                List<Boolean> numeric = java.util.stream.IntStream.range(0, header.size())
                        .mapToObj(i -> i > 0)
                        .toList();
                return new Table("", header, numeric, rows);
            }

            /** The table as Markdown padded for plain-text reading ({@link MarkdownWriter#padded}). */
            public String render() {
                return MarkdownWriter.padded(table());
            }
        }
    }

    /**
     * A chart; {@code id} names its SVG file (charts/ID.svg). A line chart has a {@code spec}, a
     * matrix chart a {@code heatmap} (the other is null).
     */
    record Chart(String id, ChartSpec spec, HeatmapSpec heatmap) implements Block {
        public Chart {
            if ((spec == null) == (heatmap == null)) {
                throw new IllegalArgumentException("a chart is a line chart or a heatmap");
            }
        }

        public Chart(String id, ChartSpec spec) {
            this(id, spec, null);
        }

        /** A matrix chart. */
        public static Chart heatmap(String id, HeatmapSpec heatmap) {
            return new Chart(id, null, heatmap);
        }

        public String title() {
            return spec != null ? spec.title() : heatmap.title();
        }

        /** The chart drawn as a standalone SVG element. */
        public String svg() {
            return spec != null ? ChartRenderer.svg(id, spec) : HeatmapRenderer.svg(id, heatmap);
        }

        Chart withId(String other) {
            return new Chart(other, spec, heatmap);
        }
    }

    /** The pattern of a link cell: [text](target). */
    java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("^\\[([^\\]]+)]\\(([^)]+)\\)$");

    /**
     * A table cell that links to a file (a flame graph): written as [text](absolute path); the
     * writers turn the path into one relative to the report's folder.
     */
    static String link(String text, java.nio.file.Path target) {
        return "[" + text + "](" + target.toAbsolutePath().normalize() + ")";
    }
}
