package io.counterbench.results.report.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table written as report text (escaped) and as Markdown already (verbatim, for the gate and calibration). */
class MarkdownWriterTest {
    private static final Block.Table T = new Block.Table(
            "a <b> caption",
            List.of("row", "n"),
            List.of(false, true),
            List.of(List.of("**bound** 64 -> 96", "1|2"), List.of("two\nlines", "")));

    @Test
    void reportTablesEscapeAngleBrackets() {
        assertEquals("""
                a &lt;b&gt; caption

                | row | n |
                |---|---:|
                | **bound** 64 -&gt; 96 | 1\\|2 |
                | two lines |  |

                """, MarkdownWriter.table(T));
    }

    @Test
    void verbatimTablesKeepTheirMarkdownButStillEscapePipes() {
        assertEquals("""
                a <b> caption

                | row | n |
                |---|---:|
                | **bound** 64 -> 96 | 1\\|2 |
                | two lines |  |

                """, MarkdownWriter.verbatim(T));
    }
}
