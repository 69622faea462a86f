package io.counterbench.cli;

import io.counterbench.results.gate.AbFolder;
import io.counterbench.results.gate.AbSeries;
import io.counterbench.results.trend.SeriesFile;
import io.counterbench.results.trend.SeriesPoint;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** trend --record: one finished ab run's rows appended to a series file, checked before anything is written. */
final class TrendRecord {
    private TrendRecord() {}

    /**
     * What was appended to.
     *
     * @param previousCommit the newest commit the series had before, null for a new file
     */
    record Recorded(Path file, String previousCommit) {}

    /**
     * Appends the ab run folder's points to {@code history} (a series file, or a folder: the file of the run's machine
     * and reference jar in it).
     *
     * @param commit the measured commit, null for the one in pairs.json
     * @param commitTime its time (ISO-8601), null to ask git
     */
    static Recorded append(Path record, String commit, String commitTime, Path history, PrintWriter out) {
        AbFolder folder = AbFolder.load(record);
        String c = commit != null
                ? commit.strip().toLowerCase(java.util.Locale.ROOT)
                : folder.pairs().current().commit();
        if (c == null) {
            throw new UsageException(record + ": ab's current side was "
                    + folder.pairs().current().given() + ", not a commit: pass --commit SHA (and --commit-time)");
        }
        if (!c.matches("[0-9a-f]{40}")) {
            throw new UsageException("--commit '" + commit + "' is not a full commit (40 hex digits)");
        }
        Instant when;
        try {
            when = commitTime != null ? Instant.parse(commitTime.strip()) : Git.commitTime(c);
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "--commit-time '" + commitTime + "' is not an ISO-8601 instant (e.g. 2026-12-06T07:00:00Z)");
        }
        List<SeriesPoint> points = AbSeries.points(folder, c, when);
        Path file = Files.isDirectory(history) ? SeriesFile.fileIn(history, points.getFirst()) : history;
        String previous = Files.exists(file) ? SeriesFile.newestCommit(SeriesFile.read(file)) : null;
        SeriesFile.append(file, points);
        out.println("recorded " + points.size() + " row(s) of " + c.substring(0, 7) + " (" + when + ") to " + file);
        return new Recorded(file, previous);
    }
}
