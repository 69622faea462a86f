package io.counterbench.results.report.chart;

/** Text put into HTML or SVG markup: the characters that would end it or open a tag escaped. */
public final class Markup {
    private Markup() {}

    /** {@code s} with &amp;, &lt;, &gt; and &quot; as entities (text content and attribute values alike). */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
