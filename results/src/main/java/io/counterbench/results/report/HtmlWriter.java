package io.counterbench.results.report;

import java.util.List;

/** Writes a report as one self-contained HTML page: inline CSS, charts as inline SVG, nothing fetched. */
final class HtmlWriter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.1em}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;white-space:nowrap}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            caption{caption-side:top;text-align:left;padding:4px 0;color:#444}
            .note{color:#555;font-size:.9em;border-left:3px solid #ccc;padding-left:.6em}
            figure{margin:1em 0}
            """;

    private HtmlWriter() {
    }

    static String write(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(r.title())).append("</title>\n");
        b.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n");
        for (Block block : r.blocks()) {
            switch (block) {
                case Block.Heading h -> {
                    int level = Math.max(2, Math.min(6, h.level()));
                    b.append("<h").append(level).append('>').append(esc(h.text())).append("</h").append(level).append(">\n");
                }
                case Block.Paragraph p -> b.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Note n -> b.append("<p class=\"note\">").append(esc(n.text())).append("</p>\n");
                case Block.Table t -> table(b, t);
                case Block.Chart c -> b.append("<figure>\n").append(SvgChart.render(c.spec())).append("</figure>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder b, Block.Table t) {
        b.append("<table>\n");
        if (t.caption() != null && !t.caption().isBlank()) {
            b.append("<caption>").append(esc(t.caption())).append("</caption>\n");
        }
        b.append("<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            b.append(t.numeric().get(i) ? "<th class=\"num\">" : "<th>").append(esc(t.header().get(i))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(t.numeric().get(i) ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    static String esc(String s) {
        return SvgChart.esc(s);
    }
}
