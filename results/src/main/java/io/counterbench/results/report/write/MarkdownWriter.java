package io.counterbench.results.report.write;

import java.util.List;

/** Writes a report, or one table, as GitHub-flavoured Markdown. */
public final class MarkdownWriter {
    private MarkdownWriter() {}

    /** One table as Markdown, for text outside a report (the profiles' listing in the docs). */
    public static String table(Block.Table t) {
        StringBuilder b = new StringBuilder();
        table(b, t, new RenderedCharts(java.util.Map.of(), java.util.Map.of(), null));
        return b.toString();
    }

    /**
     * One table whose caption and cells are Markdown already (bold verdicts, an arrow such as "64 -> 96"): written
     * as they are, with pipes escaped and line breaks joined but without escaping {@code <} and {@code >}; for
     * text outside a report (the gate's summary, the calibration tables).
     */
    public static String verbatim(Block.Table t) {
        StringBuilder b = new StringBuilder();
        table(b, t, new RenderedCharts(java.util.Map.of(), java.util.Map.of(), null), false);
        return b.toString();
    }

    static String write(Report r, RenderedCharts charts) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(text(r.title())).append("\n\n");
        for (Block block : r.blocks()) {
            switch (block) {
                case Block.Heading h ->
                    b.append("#".repeat(Math.max(2, h.level())))
                            .append(' ')
                            .append(text(h.text()))
                            .append("\n\n");
                case Block.Paragraph p -> b.append(text(p.text())).append("\n\n");
                case Block.Note n -> b.append("> ").append(text(n.text())).append("\n\n");
                case Block.Table t -> table(b, t, charts);
                case Block.Chart c -> {
                    String file = charts.files().get(c.id());
                    if (file != null) {
                        b.append("![")
                                .append(text(c.title()))
                                .append("](")
                                .append(file)
                                .append(")\n\n");
                    }
                }
            }
        }
        return b.toString();
    }

    public static void table(StringBuilder b, Block.Table t, RenderedCharts charts) {
        table(b, t, charts, true);
    }

    private static void table(StringBuilder b, Block.Table t, RenderedCharts charts, boolean escape) {
        if (t.caption() != null && !t.caption().isBlank()) {
            b.append(escape ? text(t.caption()) : t.caption()).append("\n\n");
        }
        row(b, t.header(), escape);
        b.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            b.append(t.numeric().get(i) ? "---:|" : "---|");
        }
        b.append('\n');
        for (List<String> r : t.rows()) {
            row(
                    b,
                    r.stream()
                            .map(c -> {
                                String[] link = charts.link(c);
                                return link == null ? c : "[" + link[0] + "](" + link[1] + ")";
                            })
                            .toList(),
                    escape);
        }
        b.append('\n');
    }

    /**
     * One table for a console: columns padded to their widest cell so that the text reads as a table
     * too, text columns left-aligned and numeric ones right-aligned; only pipes are escaped (no HTML
     * is rendered there), and the caption is not written.
     */
    public static String padded(Block.Table t) {
        List<String> header = t.header().stream().map(MarkdownWriter::pipes).toList();
        List<List<String>> rows = t.rows().stream()
                .map(r -> r.stream().map(MarkdownWriter::pipes).toList())
                .toList();
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        paddedRow(s, header, width, t.numeric());
        s.append('|');
        for (int c = 0; c < width.length; c++) {
            s.append(t.numeric().get(c) ? "-".repeat(width[c] + 1) + ":" : ":" + "-".repeat(width[c] + 1))
                    .append('|');
        }
        s.append('\n');
        for (List<String> r : rows) {
            paddedRow(s, r, width, t.numeric());
        }
        return s.toString();
    }

    private static void paddedRow(StringBuilder s, List<String> cells, int[] width, List<Boolean> numeric) {
        s.append('|');
        for (int c = 0; c < width.length; c++) {
            String v = cells.get(c);
            String pad = " ".repeat(width[c] - v.length());
            s.append(' ').append(numeric.get(c) ? pad + v : v + pad).append(" |");
        }
        s.append('\n');
    }

    private static String pipes(String cell) {
        return cell.replace("|", "\\|");
    }

    private static void row(StringBuilder b, List<String> cells, boolean escape) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(cell(escape ? text(c) : c)).append(" |");
        }
        b.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String text(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
