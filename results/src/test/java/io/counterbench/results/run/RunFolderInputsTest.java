package io.counterbench.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import io.counterbench.results.Reports;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.RunFolders;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a run folder, and every bare JMH file, goes through the bounded reader: a fifo does
 * not block, a link to a device or a huge sparse file is refused, a run.json that is a folder is an
 * error rather than "no run.json", and the numbers of run.json, footprint.json and simulation.json
 * are range-checked.
 */
class RunFolderInputsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFifoNamedLikeAJmhFileIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("f.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(fifo));
        assertTrue(m.contains("is a named pipe (fifo), not a regular file"), m);
    }

    @Test
    void aLinkToADeviceAndAHugeSparseFileAreRefusedBeforeReading() throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("z.json"), Path.of("/dev/zero"));
        assertTrue(refused(zero).contains("is a symbolic link to a character device"), refused(zero));
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertTrue(refused(huge).contains("3072 MiB is larger than any file of this kind should be"), refused(huge));
    }

    @Test
    void aRunJsonThatIsAFolderIsRefusedNotTakenForMissing() throws Exception {
        Path run = Fixtures.copy("runs/smoke", dir, "run");
        Files.delete(run.resolve("run.json"));
        Files.createDirectory(run.resolve("run.json"));
        String m = refused(run);
        assertEquals(run.resolve("run.json") + ": is a directory, not a file", m);
    }

    @Test
    void aFootprintJsonThatIsAFolderIsRefusedNotSkipped() throws Exception {
        Path run = Fixtures.copy("runs/smoke", dir, "run");
        Files.delete(run.resolve("footprint.json"));
        Files.createDirectory(run.resolve("footprint.json"));
        InputException e = assertThrows(InputException.class, () -> Reports.build(List.of(run)));
        assertEquals(run.resolve("footprint.json") + ": is a directory, not a file", e.getMessage());
    }

    @Test
    void runJsonNumbersAreRangeChecked() {
        assertRunJson(
                n -> ((ObjectNode) n.path("environment").path("cpus")).put("available", 2.5),
                "environment.cpus.available is 2.5, not a whole number");
        assertRunJson(
                n -> ((ObjectNode) n.path("environment").path("cpus")).put("onlineCount", 0),
                "environment.cpus.onlineCount is 0: a CPU count must be between 1 and 65536");
        assertRunJson(
                n -> ((ObjectNode) n.path("hostTopology").path("counts")).put("pu", -1),
                "hostTopology.counts.pu is -1: a count of topology domains must be between 1 and 65536");
        assertRunJson(
                n -> ((ObjectNode) n.path("environment")).put("virtualMachine", "yes"),
                "environment.virtualMachine is \"yes\", not true or false");
        assertRunJson(n -> ((ObjectNode) n).put("status", 5), "status is 5, not a string");
    }

    @Test
    void footprintAndSimulationNumbersAreRangeChecked() throws Exception {
        Path run = Fixtures.copy("runs/with-simulation", dir, "run");
        edit(run.resolve("footprint.json"), n -> ((ObjectNode) n.path("rows").get(0)).put("cpus", 0));
        InputException e = assertThrows(InputException.class, () -> Reports.build(List.of(run)));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "footprint.json: footprint row 1: cpus is 0: a CPU count must be between 1 and 65536"),
                e.getMessage());
        Path sim = Fixtures.copy("runs/with-simulation", dir, "sim");
        edit(sim.resolve("simulation.json"), n -> ((ObjectNode) n.path("checks")).put("failures", -1));
        e = assertThrows(InputException.class, () -> Reports.build(List.of(sim)));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "simulation.json: checks.failures is -1: a count of failed checks must be at least 0"),
                e.getMessage());
    }

    @Test
    void anEmptyOutputFolderIsRefusedAndReasonsAreWords() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolders.named(Path.of("")));
        assertTrue(e.getMessage().startsWith("--out '' names no folder"), e.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> RunFolders.named(file.resolve("sub")));
        assertEquals(
                "--out " + file.resolve("sub") + " cannot be created: a part of the path is a file, not a folder",
                e.getMessage());
    }

    private void assertRunJson(Consumer<com.fasterxml.jackson.databind.JsonNode> change, String expected) {
        Path run = Fixtures.copy("runs/smoke", dir, "r" + Math.abs(expected.hashCode()));
        edit(run.resolve("run.json"), change);
        String m = refused(run);
        assertEquals(run.resolve("run.json") + ": not a counterbench run record: " + expected, m);
    }

    private static void edit(Path file, Consumer<com.fasterxml.jackson.databind.JsonNode> change) {
        try {
            var n = JSON.readTree(file.toFile());
            change.accept(n);
            JSON.writeValue(file.toFile(), n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String refused(Path p) {
        InputException e = assertThrows(InputException.class, () -> RunLoader.load(p));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }
}
