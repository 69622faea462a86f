package io.counterbench.results.export;

import io.counterbench.results.run.RunInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Formats other tools read, by name (a registry: one constant and one writer per format). */
public enum ExportFormat {
    /**
     * benchmark-action/github-action-benchmark's custom JSON. The tool takes one direction per
     * file: FILE gets the throughput rows (customBiggerIsBetter), FILE-smaller.json the time-mode
     * rows (customSmallerIsBetter); each is written only when it has rows.
     */
    GITHUB_ACTION_BENCHMARK("github-action-benchmark") {
        @Override
        public List<Path> write(RunInput run, Path file) {
            return GithubActionBenchmark.write(run, file);
        }

        @Override
        public List<Path> targets(Path file) {
            return List.of(file, GithubActionBenchmark.smallerFile(file));
        }
    };

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Refuses (IllegalArgumentException) a FILE that could not be written, before any input is read: its folder must
     * exist.
     */
    public void checkTarget(Path file) {
        GithubActionBenchmark.checkFolder(file);
    }

    /** Every file that {@link #write} may write for {@code file} (checked against the inputs first). */
    public abstract List<Path> targets(Path file);

    /** Writes the run's results to {@code file} (and siblings); returns the files written. */
    public abstract List<Path> write(RunInput run, Path file);

    public static ExportFormat parse(String s) {
        for (ExportFormat f : values()) {
            if (f.id.equals(s.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + s + "' (known: github-action-benchmark)");
    }
}
