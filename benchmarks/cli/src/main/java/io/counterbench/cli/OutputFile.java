package io.counterbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file the user names for output (gate --summary, gate --export, export FILE), checked before
 * any input is read: it must be a path, not a directory, and not below a file. (A fifo or a
 * device is allowed: writing to /dev/stdout or a process substitution is what the user asked for.)
 */
public final class OutputFile {
    private OutputFile() {}

    /** A path from a flag's text: a NUL byte or the like is bad input, not a crash. */
    static Path path(String text, String flag) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(flag + " '" + text + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    /**
     * Refuses an output that is one of the inputs (export RUN RUN/jmh.json, gate --summary RUN/run.json):
     * writing it would destroy what it is computed from. An input folder stands for every file in it.
     */
    public static void notAnInput(Path out, String flag, Path... inputs) {
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            List<Path> files = new java.util.ArrayList<>();
            if (Files.isDirectory(in)) {
                try (java.util.stream.Stream<Path> s = Files.list(in)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    // an unreadable folder is refused where it is read, with its own line
                }
            } else {
                files.add(in);
            }
            for (Path f : files) {
                if (same(out, f)) {
                    throw new UsageException(flag + " " + out + " is one of the inputs (" + f
                            + "): writing it would destroy what it is "
                            + "computed from; name another file");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (java.io.IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    public static Path check(Path file, String flag) {
        if (file.toString().isBlank()) {
            throw new UsageException(flag + " '" + file + "' names no file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(flag + " " + file + " is a directory; name a file");
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UsageException(
                            flag + " " + file + " cannot be written: " + p + " is a file, not a folder");
                }
                break;
            }
        }
        return file;
    }
}
