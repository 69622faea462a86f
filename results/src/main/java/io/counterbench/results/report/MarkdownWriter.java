package io.counterbench.results.report;

import java.util.List;

/** Writes a report as GitHub-flavoured Markdown. */
public final class MarkdownWriter {
    private MarkdownWriter() {
    }

    /** One table as Markdown, for text outside a report (the profiles' listing in the docs). */
    public static String table(Block.Table t) {
        StringBuilder b = new StringBuilder();
        table(b, t, new RenderedCharts(java.util.Map.of(), java.util.Map.of(), null));
        return b.toString();
    }

    static String write(Report r, RenderedCharts charts) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(text(r.title())).append("\n\n");
        for (Block block : r.blocks()) {
            switch (block) {
                case Block.Heading h -> b.append("#".repeat(Math.max(2, h.level()))).append(' ').append(text(h.text())).append("\n\n");
                case Block.Paragraph p -> b.append(text(p.text())).append("\n\n");
                case Block.Note n -> b.append("> ").append(text(n.text())).append("\n\n");
                case Block.Table t -> table(b, t, charts);
                case Block.Chart c -> {
                    String file = charts.files().get(c.id());
                    if (file != null) {
                        b.append("![").append(text(c.title())).append("](").append(file).append(")\n\n");
                    }
                }
            }
        }
        return b.toString();
    }

    static void table(StringBuilder b, Block.Table t, RenderedCharts charts) {
        if (t.caption() != null && !t.caption().isBlank()) {
            b.append(text(t.caption())).append("\n\n");
        }
        row(b, t.header());
        b.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            b.append(t.numeric().get(i) ? "---:|" : "---|");
        }
        b.append('\n');
        for (List<String> r : t.rows()) {
            row(b, r.stream().map(c -> {
                String[] link = charts.link(c);
                return link == null ? c : "[" + link[0] + "](" + link[1] + ")";
            }).toList());
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(cell(c)).append(" |");
        }
        b.append('\n');
    }

    private static String cell(String s) {
        return text(s).replace("|", "\\|").replace("\n", " ");
    }

    private static String text(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
