package io.counterbench.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The one way every input file is read (hwloc XML, sysfs, JMH JSON, run.json, footprint.json,
 * simulation.json, gate baselines): the path must name a regular file (a symbolic link to one is
 * fine; a directory, fifo, device or socket is refused before it is opened, so nothing blocks or
 * reads forever), the file must not be larger than the caller's limit, and reading stops one byte
 * past the limit whatever size the file system claimed. Every problem is an
 * {@link UnusableFileException} whose one-line message names the file and says what is wrong in
 * words.
 */
public final class InputFile {
    private InputFile() {}

    /**
     * The whole content of {@code file}.
     *
     * @param kind what the file is for messages ("hwloc XML"), or "" to name just the path
     * @param maxBytes the largest file accepted
     */
    public static byte[] read(Path file, String kind, long maxBytes) {
        String label = label(file, kind);
        requireRegularFile(file, kind, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, label, maxBytes);
        } catch (IOException e) {
            throw new UnusableFileException(label + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    /**
     * Refuses anything but an existing regular file no larger than {@code maxBytes}; returns its size.
     * Callers that stream the file themselves call this before opening it.
     */
    public static long requireRegularFile(Path file, String kind, long maxBytes) {
        String label = label(file, kind);
        if (file.toString().isEmpty()) {
            throw new UnusableFileException(label + ": an empty path names no file");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnusableFileException(label + ": " + missing(file), e);
        } catch (IOException e) {
            throw new UnusableFileException(label + ": cannot read: " + IoReasons.of(e), e);
        }
        String via = Files.isSymbolicLink(file) ? "is a symbolic link to " : "is ";
        if (a.isDirectory()) {
            throw new UnusableFileException(label + ": " + via + "a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new UnusableFileException(label + ": " + via + special(file) + ", not a regular file"
                    + " (refused: it could block or never end)");
        }
        if (a.size() > maxBytes) {
            throw new UnusableFileException(label + ": " + size(a.size())
                    + " is larger than any file of this kind should be (limit " + size(maxBytes) + ")");
        }
        return a.size();
    }

    /** Why a path names nothing: a dangling link, a file where a folder should be, or just no such file. */
    private static String missing(Path file) {
        if (Files.isSymbolicLink(file)) {
            return "is a symbolic link to a file that does not exist";
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? "no such file" : "cannot read: " + p + " is a file, not a folder";
            }
        }
        return "no such file";
    }

    /** "hwloc XML x.xml" or just "x.xml"; an empty path shows as ''. */
    public static String label(Path file, String kind) {
        String name = file.toString().isEmpty() ? "''" : file.toString();
        return kind == null || kind.isEmpty() ? name : kind + " " + name;
    }

    /** "3 MiB", "512 KiB" or "100 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static byte[] readAtMost(InputStream in, String label, long maxBytes) throws IOException {
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] buf = new byte[Math.min(cap + 1, 1 << 16)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    throw new UnusableFileException(
                            label + ": grew past the limit of " + size(maxBytes) + " while it was read");
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) cap + 1, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    /** What a non-regular file is, in words. */
    private static String special(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a named pipe (fifo)";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the generic words below
        }
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? "a special file" : "a device, pipe or socket";
    }
}
