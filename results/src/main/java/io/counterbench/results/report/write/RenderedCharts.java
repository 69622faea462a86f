package io.counterbench.results.report.write;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What the writers need besides the report: each chart's SVG (HTML inlines it), the relative path
 * of its file (Markdown links it) and the folder the report is written to (links are made
 * relative to it).
 */
public record RenderedCharts(Map<String, String> svg, Map<String, String> files, Path outDir) {

    public RenderedCharts {
        svg = Map.copyOf(svg);
        files = Map.copyOf(files);
    }

    /** A link cell's text and its target relative to the report, or null when the cell is no link. */
    String[] link(String cell) {
        Matcher m = Block.LINK.matcher(cell);
        if (!m.matches()) {
            return null;
        }
        Path target = Path.of(m.group(2));
        String href = outDir == null
                ? target.toString()
                : outDir.toAbsolutePath()
                        .normalize()
                        .relativize(target)
                        .toString()
                        .replace('\\', '/');
        return new String[] {m.group(1), href};
    }
}
