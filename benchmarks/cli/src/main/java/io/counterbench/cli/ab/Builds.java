package io.counterbench.cli.ab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What building a commit in ab's cache takes, whoever's commit it is: a clean copy, a command with a time limit, a
 * durable copy.
 */
final class Builds {
    private Builds() {}

    /**
     * Unpacks exactly {@code commit}'s files of {@code repo} into the empty folder {@code work} (git archive, then
     * tar).
     */
    static void unpack(Path repo, String commit, Path work, String what) throws IOException {
        Path tar = work.resolveSibling(work.getFileName() + ".tar");
        try {
            if (run(repo, List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), null, 300) != 0) {
                throw new IllegalArgumentException(what + ": git archive of " + commit + " failed");
            }
            if (run(work, List.of("tar", "-xf", tar.toString()), null, 300) != 0) {
                throw new IllegalArgumentException(what + ": cannot unpack its files into " + work);
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /**
     * Runs {@code cmd} in {@code dir}, its output to {@code logFile} (discarded when null), for at
     * most {@code seconds}; the exit code, 124 when it ran out of time (it and its children are then killed).
     */
    static int run(Path dir, List<String> cmd, Path logFile, long seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        logFile == null
                                ? ProcessBuilder.Redirect.DISCARD
                                : ProcessBuilder.Redirect.to(logFile.toFile()));
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            // no input
        }
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return 124;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", cmd));
        }
    }

    /** Copies {@code from} to {@code to} whole or not at all: a temporary file beside it, fsynced, renamed. */
    static void copyDurably(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
