package io.counterbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the user names for output (gate --summary, gate --export, export FILE), checked before
 * any input is read: it must be a path, not a directory, and not below a file. (A fifo or a
 * device is allowed: writing to /dev/stdout or a process substitution is what the user asked for.)
 */
final class OutputFile {
    private OutputFile() {
    }

    /** A path from a flag's text: a NUL byte or the like is bad input, not a crash. */
    static Path path(String text, String flag) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(flag + " '" + text + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    static Path check(Path file, String flag) {
        if (file.toString().isBlank()) {
            throw new UsageException(flag + " '" + file + "' names no file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(flag + " " + file + " is a directory; name a file");
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UsageException(flag + " " + file + " cannot be written: " + p + " is a file, not a folder");
                }
                break;
            }
        }
        return file;
    }
}
