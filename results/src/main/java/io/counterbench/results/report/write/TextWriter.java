package io.counterbench.results.report.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as console text: the same blocks report.md is written from (headings, paragraphs,
 * notes, tables with aligned columns), charts left out. The run command prints its summary with
 * it, so the console and report.md cannot disagree.
 */
public final class TextWriter {
    private static final int WIDTH = 110;

    private TextWriter() {}

    public static String write(Report r) {
        StringBuilder b = new StringBuilder();
        for (Block block : r.blocks()) {
            switch (block) {
                case Block.Heading h ->
                    b.append('\n')
                            .append(h.text())
                            .append('\n')
                            .append((h.level() <= 2 ? "=" : "-")
                                    .repeat(Math.min(WIDTH, h.text().length())))
                            .append('\n');
                case Block.Paragraph p -> wrap(b, p.text(), "");
                case Block.Note n -> wrap(b, n.text(), "note: ");
                case Block.Table t -> table(b, t);
                case Block.Chart c -> {
                    // charts live in report.html and charts/
                }
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, Block.Table t) {
        if (t.caption() != null && !t.caption().isBlank()) {
            b.append(t.caption()).append('\n');
        }
        int[] w = new int[t.header().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                String cell = row.get(i);
                String pad = " ".repeat(w[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(t.numeric().get(i) ? pad + cell : cell + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append('\n');
    }

    private static void wrap(StringBuilder b, String text, String prefix) {
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split("\\s+")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append('\n');
                line = new StringBuilder(" ".repeat(prefix.length()));
            }
            if (line.length() > prefix.length() && !line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(line).append("\n\n");
    }
}
