package io.counterbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/** The few facts trend asks git for, in the current directory's repository. */
final class Git {
    private Git() {}

    /** The committer time of {@code commit}; bad input when git cannot tell. */
    static Instant commitTime(String commit) {
        String hint = " (pass --commit-time)";
        try {
            Process p = new ProcessBuilder("git", "show", "-s", "--format=%cI", commit)
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UsageException("git cannot tell the time of commit " + commit + ": "
                        + text.lines().findFirst().orElse("git failed") + hint);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (IOException e) {
            throw new UsageException(
                    "git cannot be run to find the time of commit " + commit + ": " + e.getMessage() + hint);
        } catch (DateTimeParseException e) {
            throw new UsageException("git gave no time for commit " + commit + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while asking git for the time of commit " + commit);
        }
    }
}
