package io.counterbench.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files of campaign cases: real fixtures of the repository, and the odd kinds of path. */
final class CaseFiles {
    private CaseFiles() {}

    /** The repository root: the folder above the working directory that holds run-bench.sh. */
    static Path repo() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("run-bench.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no run-bench.sh above " + System.getProperty("user.dir"));
        }
        return p;
    }

    /** A fixture of the repository, e.g. "results/src/test/resources/jmh/two-modes.json". */
    static Path fixture(String relative) {
        Path p = repo().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no fixture " + p);
        }
        return p;
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CampaignCase.Step write(String name, byte[] content) {
        return dir -> {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        };
    }

    static CampaignCase.Step write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of a fixture file or folder. */
    static CampaignCase.Step copy(Path from, String name) {
        return dir -> copyTree(from, dir.resolve(name));
    }

    /** Removes what a name holds (a file, a folder), so a later step can put something else there. */
    static CampaignCase.Step remove(String name) {
        return dir -> deleteTree(dir.resolve(name));
    }

    static CampaignCase.Step folder(String name) {
        return dir -> Files.createDirectories(dir.resolve(name));
    }

    static CampaignCase.Step fifo(String name) {
        return dir -> {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            try {
                if (mk.waitFor() != 0) {
                    throw new IOException("mkfifo " + p + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        };
    }

    static CampaignCase.Step link(String name, String target) {
        return dir -> {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target.replace("{case}", dir.toString())));
        };
    }

    /** A file of {@code size} bytes that takes no disk: a hole. */
    static CampaignCase.Step sparse(String name, long size) {
        return dir -> {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(size);
            }
        };
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        } else {
            Files.delete(p);
        }
    }
}
