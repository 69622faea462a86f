package io.counterbench.results.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Disk space set aside in a run folder (a hidden file of zeros, really written, so a full disk
 * cannot take it back) for the last word of a run: when the disk fills up, the reserve is
 * released and run.json can still be rewritten as "incomplete" or "failed". Best effort: where
 * even the reserve does not fit, there is none, and the run goes on without it.
 */
public final class Reserve implements AutoCloseable {
    public static final String FILE = ".reserve";
    private final Path file;
    private long bytes;

    private Reserve(Path file) {
        this.file = file;
    }

    /** Sets aside {@code bytes} in {@code folder} (or as much as fits, nothing where nothing does). */
    public static Reserve take(Path folder, long bytes) {
        Reserve r = new Reserve(folder.resolve(FILE));
        r.grow(bytes);
        return r;
    }

    /** Makes the reserve at least {@code bytes} large, if the disk has the room; never throws. */
    public synchronized void grow(long bytes) {
        if (bytes <= this.bytes) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(8192);
            long at = this.bytes;
            while (at < bytes) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
                at += ch.write(zeros, at);
            }
            ch.force(true);
            this.bytes = at;
        } catch (IOException | RuntimeException e) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(this.bytes); // keep what was whole before, give back the rest
            } catch (IOException | RuntimeException ignored) {
                // nothing more to give back
            }
        }
    }

    /** Frees the space; true when there was some to free. */
    public synchronized boolean release() {
        boolean had = bytes > 0;
        bytes = 0;
        try {
            return Files.deleteIfExists(file) && had;
        } catch (IOException e) {
            return false;
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        release();
    }
}
