package io.counterbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Where a Markdown summary goes: the run folder, --summary FILE, and $GITHUB_STEP_SUMMARY (appended) when set. */
public final class Summaries {
    private Summaries() {}

    public static void write(
            Path inFolder, Path extra, String markdown, PrintWriter out, Map<String, String> environment) {
        try {
            for (Path p : new Path[] {inFolder, extra}) {
                if (p == null) {
                    continue;
                }
                if (p.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(p.toAbsolutePath().getParent());
                }
                io.counterbench.results.util.AtomicFile.writeString(p, markdown);
                out.println("summary: " + p);
            }
            String step = environment.get("GITHUB_STEP_SUMMARY");
            if (step != null && !step.isBlank()) {
                Files.writeString(
                        Path.of(step),
                        markdown,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary: " + io.counterbench.inputs.IoReasons.of(e), e);
        }
    }
}
