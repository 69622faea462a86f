package io.counterbench.results.report.write;

import io.counterbench.results.report.chart.Markup;
import java.util.List;

/**
 * Writes a report as one self-contained HTML page: inline CSS, charts as inline SVG, nothing
 * fetched; wide tables scroll inside their own box; the only links are relative ones to files of
 * the run folder (flame graphs).
 */
final class HtmlWriter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;\
            max-width:1200px;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ddd}\
            h3{font-size:1.1em}h4{font-size:1em}
            .scroll{overflow-x:auto;max-width:100%;margin:.5em 0 1.5em;border:1px solid #e4e4e4}
            table{border-collapse:collapse;font-size:.9em}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;white-space:nowrap}
            th{background:#f3f3f3;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.wide{background:#fff4d6}
            caption{caption-side:top;text-align:left;padding:4px 6px;color:#444;white-space:normal;max-width:1150px}
            .note{color:#555;font-size:.9em;border-left:3px solid #ccc;padding-left:.6em}
            figure{margin:1em 0}figure svg{max-width:100%;height:auto}
            """;

    private HtmlWriter() {}

    static String write(Report r, RenderedCharts charts) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(r.title()))
                .append("</title>\n");
        b.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n");
        for (Block block : r.blocks()) {
            switch (block) {
                case Block.Heading h -> {
                    int level = Math.max(2, Math.min(6, h.level()));
                    b.append("<h")
                            .append(level)
                            .append('>')
                            .append(esc(h.text()))
                            .append("</h")
                            .append(level)
                            .append(">\n");
                }
                case Block.Paragraph p -> b.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Note n ->
                    b.append("<p class=\"note\">").append(esc(n.text())).append("</p>\n");
                case Block.Table t -> table(b, t, charts);
                case Block.Chart c -> {
                    String svg = charts.svg().get(c.id());
                    b.append("<figure id=\"chart-")
                            .append(esc(c.id()))
                            .append("\">\n")
                            .append(svg != null ? svg : c.svg())
                            .append("</figure>\n");
                }
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder b, Block.Table t, RenderedCharts charts) {
        b.append("<div class=\"scroll\"><table>\n");
        if (t.caption() != null && !t.caption().isBlank()) {
            b.append("<caption>").append(esc(t.caption())).append("</caption>\n");
        }
        b.append("<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            b.append(t.numeric().get(i) ? "<th class=\"num\">" : "<th>")
                    .append(esc(t.header().get(i)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String cls = (t.numeric().get(i) ? "num" : "")
                        + (cell.contains(Fmt.WIDE_MARK) ? (t.numeric().get(i) ? " " : "") + "wide" : "");
                b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">");
                String[] link = charts.link(cell);
                if (link != null) {
                    b.append("<a href=\"")
                            .append(esc(link[1]))
                            .append("\">")
                            .append(esc(link[0]))
                            .append("</a>");
                } else {
                    b.append(esc(cell));
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static String esc(String s) {
        return Markup.esc(s);
    }
}
