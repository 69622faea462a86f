package io.counterbench.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way input files are read: regular files only, bounded, and every refusal in words. */
class InputFileTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileOrALinkToOneIsRead() throws Exception {
        Path f = Files.writeString(dir.resolve("a.json"), "[1]");
        assertArrayEquals("[1]".getBytes(), InputFile.read(f, "", 100));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), f);
        assertArrayEquals("[1]".getBytes(), InputFile.read(link, "", 100));
    }

    @Test
    void aFifoIsRefusedBeforeItIsOpenedSoNothingBlocks() throws Exception {
        Path fifo = dir.resolve("f.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String m = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> refused(fifo, "hwloc XML"),
                "reading a fifo with no writer must not block");
        assertEquals(
                "hwloc XML " + fifo
                        + ": is a named pipe (fifo), not a regular file (refused: it could block or never end)",
                m);
    }

    @Test
    void devicesAndLinksToThemAreRefused() throws Exception {
        assertTrue(refused(Path.of("/dev/null"), "").contains("/dev/null: is a character device, not a regular file"));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertTrue(
                refused(zero, "").contains("zero.json: is a symbolic link to a character device"), refused(zero, ""));
    }

    @Test
    void foldersMissingFilesAndDanglingLinksAreNamedAsSuch() throws Exception {
        assertTrue(refused(dir, "").endsWith(": is a directory, not a file"));
        assertTrue(refused(dir.resolve("missing.json"), "").endsWith(": no such file"));
        Path dangling = Files.createSymbolicLink(dir.resolve("d.json"), dir.resolve("nowhere"));
        assertTrue(refused(dangling, "").endsWith(": is a symbolic link to a file that does not exist"));
        assertEquals("'': an empty path names no file", refused(Path.of(""), ""));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertEquals(
                big + ": 3072 MiB is larger than any file of this kind should be (limit 128 MiB)",
                refused(big, "", 128L << 20));
    }

    @Test
    void readingStopsAtTheLimitWhateverSizeTheFileSystemClaims() {
        // /proc files say they are empty; this one is longer than 16 bytes
        String m = refused(Path.of("/proc/self/status"), "", 16);
        assertEquals("/proc/self/status: grew past the limit of 16 bytes while it was read", m);
    }

    @Test
    void aPathThroughAFileIsExplainedInWords() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        String m = refused(file.resolve("inside.json"), "");
        assertTrue(m.endsWith(": cannot read: " + file + " is a file, not a folder"), m);
        assertFalse(m.contains("Exception"), m);
    }

    private static String refused(Path p, String kind) {
        return refused(p, kind, 1 << 20);
    }

    private static String refused(Path p, String kind, long limit) {
        UnusableFileException e = assertThrows(UnusableFileException.class, () -> InputFile.read(p, kind, limit));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
