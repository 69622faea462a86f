package io.counterbench.results.report.write;

import java.util.List;

/** Writes the report's data table as RFC 4180 CSV (a header line, then one line per JMH result). */
final class CsvWriter {
    private CsvWriter() {}

    static String write(Report r) {
        Block.Table t = r.data();
        StringBuilder b = new StringBuilder();
        if (t == null) {
            return b.toString();
        }
        line(b, t.header());
        for (List<String> row : t.rows()) {
            line(b, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
