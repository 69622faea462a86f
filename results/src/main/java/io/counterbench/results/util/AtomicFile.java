package io.counterbench.results.util;

import io.counterbench.inputs.IoReasons;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the suite writes a file: whole or not at all. The bytes go to a temporary file of
 * its own in the same folder (a unique name, so two writers never share one), are flushed and
 * fsynced, then renamed over the target (or linked to it, when the target must not exist yet);
 * on any failure the temporary file is removed, so a full disk never keeps half a file or the
 * space of one. Errors name the file and the reason in words ({@link IoReasons}).
 */
public final class AtomicFile {
    /** Writes the content of a file through an output stream (the stream is the temporary file's). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> READABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {}

    /** Replaces {@code file} with {@code bytes}; an UncheckedIOException "cannot write FILE: reason" on failure. */
    public static void write(Path file, byte[] bytes) {
        write(file, out -> out.write(bytes), true);
    }

    public static void writeString(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code file}, which must not exist yet: "it already exists" when another writer got there first. */
    public static void create(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Copies {@code source} to {@code file} whole (replacing it). */
    public static void copy(Path source, Path file) {
        write(file, out -> Files.copy(source, out), true);
    }

    /**
     * Writes {@code file} from {@code content}. A target that is not a regular file (a fifo, a
     * device such as /dev/stdout) is written directly: it cannot be replaced, and is what the user asked for.
     */
    public static void write(Path file, Content content, boolean replace) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            try (OutputStream out = Files.newOutputStream(file)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw failure(file, e);
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failure(file, e);
        }
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, READABLE); // as a plainly created file would be, not 0600
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                link(tmp, file);
            }
            syncFolder(dir);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the failure below is the news; a temp file that cannot be removed is named by its dot
            }
            if (e instanceof UncheckedIOException u) {
                throw u;
            }
            throw e instanceof IOException io ? failure(file, io) : (RuntimeException) e;
        }
    }

    /**
     * Moves {@code tmp} to {@code file} only if {@code file} does not exist (atomically, with a hard link
     * where the file system has them).
     */
    private static void link(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.move(tmp, file); // no hard links here: refused when the file exists, else renamed
            return;
        }
        Files.delete(tmp);
    }

    /** fsyncs a folder so the rename itself survives a crash (best effort: not every file system allows it). */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // a folder that cannot be opened for sync (some file systems) still has the renamed file
        }
    }

    /** "cannot write FILE: the disk is full". */
    public static UncheckedIOException failure(Path file, IOException e) {
        return new UncheckedIOException("cannot write " + file + ": " + IoReasons.of(e), e);
    }

    /** Whether the failure (or a cause) is a full disk or a quota: what a reserve can help with. */
    public static boolean noSpace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk is full") || m.contains("quota")) {
                return true;
            }
        }
        return false;
    }
}
