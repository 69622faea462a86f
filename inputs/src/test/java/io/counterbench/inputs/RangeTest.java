package io.counterbench.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Ranges say what a number counts and its bounds; IO reasons are words. */
class RangeTest {
    @Test
    void aValueOutsideItsRangeIsNamedWithTheRule() {
        assertEquals(4, Limits.THREADS.check("--threads", 4));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Limits.THREADS.check("--threads", 0));
        assertEquals("--threads 0: a thread count must be between 1 and 65536", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Limits.CPU_ID.check("os_index", 65536));
        assertEquals("os_index 65536: a CPU number must be between 0 and 65535", e.getMessage());
        assertEquals("a size must be at least 1", new Range("a size", 1, Long.MAX_VALUE).rule());
    }

    @Test
    void ioReasonsAreWordsWithoutClassNames() {
        assertEquals(
                "a part of the path is a file, not a folder",
                IoReasons.of(new FileSystemException("/a/b", null, "Not a directory")));
        assertEquals("permission denied", IoReasons.of(new AccessDeniedException("/root/x")));
        assertEquals(
                "input/output error (the device or file system failed)",
                IoReasons.of(new IOException("Input/output error")));
        assertEquals("an input/output error", IoReasons.of(new IOException()));
        assertEquals("stale file handle", IoReasons.of(new FileSystemException("/x", null, "Stale file handle")));
    }
}
