package io.counterbench.results.report.write;

import java.util.Locale;

/**
 * The formats a report is written in, by name (a registry: adding a format is one constant and one
 * writer). Each writer turns the in-memory {@link Report} into the file's text; charts are passed
 * as the relative paths of their SVG files (Markdown links them, HTML inlines them).
 */
public enum ReportFormat {
    MARKDOWN("md", "report.md", "Markdown: tables and linked SVG charts (GitHub renders it)") {
        @Override
        public String render(Report r, RenderedCharts charts) {
            return MarkdownWriter.write(r, charts);
        }
    },
    CSV(
            "csv",
            "report.csv",
            "CSV: one row per JMH result (machine, benchmark, params, threads, score, error, unit, accuracy)") {
        @Override
        public String render(Report r, RenderedCharts charts) {
            return CsvWriter.write(r);
        }
    },
    HTML("html", "report.html", "HTML: one self-contained page, charts as inline SVG, no external resources") {
        @Override
        public String render(Report r, RenderedCharts charts) {
            return HtmlWriter.write(r, charts);
        }
    };

    private final String id;
    private final String fileName;
    private final String description;

    ReportFormat(String id, String fileName, String description) {
        this.id = id;
        this.fileName = fileName;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** The file's name in the output folder (report-2.md etc. when taken). */
    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public abstract String render(Report r, RenderedCharts charts);

    public static ReportFormat parse(String s) {
        for (ReportFormat f : values()) {
            if (f.id.equalsIgnoreCase(s.strip()) || f.name().equalsIgnoreCase(s.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + s + "' (known: md, csv, html)");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
