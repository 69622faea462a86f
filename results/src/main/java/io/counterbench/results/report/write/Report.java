package io.counterbench.results.report.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A report in memory: a title, its blocks in order, and the data table that report.csv holds (one
 * row per JMH result). Built by the sections, written by the formats; nothing touches the disk
 * until every input has been read and checked.
 */
public final class Report {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private Block.Table data;

    public Report(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Adds a block; a chart whose id is taken gets "-2", "-3"... so every chart file is distinct. */
    public Report add(Block b) {
        if (b instanceof Block.Chart c) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            charts().forEach(x -> ids.add(x.id()));
            String id = c.id();
            for (int i = 2; ids.contains(id); i++) {
                id = c.id() + "-" + i;
            }
            b = c.withId(id);
        }
        blocks.add(b);
        return this;
    }

    public Report heading(int level, String text) {
        return add(new Block.Heading(level, text));
    }

    public Report paragraph(String text) {
        return add(new Block.Paragraph(text));
    }

    public Report note(String text) {
        return add(new Block.Note(text));
    }

    /** The table written to report.csv (null: none). */
    public Block.Table data() {
        return data;
    }

    public void setData(Block.Table data) {
        this.data = data;
    }

    public List<Block.Chart> charts() {
        return blocks.stream()
                .filter(b -> b instanceof Block.Chart)
                .map(b -> (Block.Chart) b)
                .toList();
    }
}
