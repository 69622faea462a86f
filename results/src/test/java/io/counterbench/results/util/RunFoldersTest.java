package io.counterbench.results.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
    private static final Instant T = Instant.parse("2026-11-21T09:30:05Z");

    /** Run data lives in runs/, outside every code module, and git ignores it. */
    @Test
    void defaultFoldersAreUnderRunsWhichGitIgnores(@TempDir Path home) throws Exception {
        for (String folder : List.of(RunFolders.AB, RunFolders.CALIBRATION, RunFolders.REPORTS)) {
            assertTrue(folder.startsWith(RunFolders.RUNS + "/"), folder);
        }
        String before = System.getProperty("counterbench.home");
        System.setProperty("counterbench.home", home.toString());
        try {
            assertEquals(home.resolve("runs"), RunFolders.defaultRoot());
            assertEquals(home.resolve("runs").resolve("ab"), RunFolders.underHome(RunFolders.AB));
            Path merged = Reports.defaultOutput(List.of(home.resolve("a.json"), home.resolve("b.json")), T);
            assertEquals(home.resolve("runs").resolve("reports"), merged.getParent());
        } finally {
            if (before == null) {
                System.clearProperty("counterbench.home");
            } else {
                System.setProperty("counterbench.home", before);
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.exists(repo.resolve("run-bench.sh"))) {
            repo = repo.getParent();
        }
        List<String> ignored = Files.readAllLines(repo.resolve(".gitignore")).stream()
                .map(String::strip)
                .toList();
        assertTrue(ignored.contains("/" + RunFolders.RUNS + "/"), "runs/ is not in .gitignore: " + ignored);
    }

    @Test
    void namedAfterUtcTimeAndHost(@TempDir Path root) {
        Path p = RunFolders.create(root, T);
        assertTrue(p.getFileName().toString().startsWith("20261121T093005Z-" + RunFolders.hostName()), p.toString());
        assertTrue(Files.isDirectory(p));
    }

    @Test
    void runsStartedInTheSameSecondGetDistinctFolders(@TempDir Path root) throws Exception {
        List<Path> made = new CopyOnWriteArrayList<>();
        Thread[] ts = new Thread[8];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> made.add(RunFolders.create(root, T)));
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        Set<Path> distinct = new HashSet<>(made);
        assertEquals(8, distinct.size(), made.toString());
        try (var s = Files.list(root)) {
            assertEquals(8, s.count());
        }
    }

    @Test
    void newFileNeverOverwrites(@TempDir Path dir) throws Exception {
        Path a = RunFolders.newFile(dir, "simulation.json");
        assertEquals("simulation.json", a.getFileName().toString());
        Files.writeString(a, "first");
        Path b = RunFolders.newFile(dir, "simulation.json");
        assertEquals("simulation-2.json", b.getFileName().toString());
        Files.writeString(b, "second");
        assertNotEquals(a, RunFolders.newFile(dir, "simulation.json"));
        assertEquals("first", Files.readString(a));
    }

    @Test
    void namedOutputMustBeAWritableDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolders.named(file));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        Path nested = dir.resolve("a/b/c");
        assertEquals(nested, RunFolders.named(nested));
        assertTrue(Files.isDirectory(nested));
    }

    @Test
    void namedFoldersGetASuffixWhenTaken(@TempDir Path root) {
        Path a = RunFolders.createNamed(root.resolve("reports"), "20261121T093005Z-merge");
        Path b = RunFolders.createNamed(root.resolve("reports"), "20261121T093005Z-merge");
        assertEquals("20261121T093005Z-merge", a.getFileName().toString());
        assertEquals("20261121T093005Z-merge-2", b.getFileName().toString());
        assertTrue(Files.isDirectory(b));
    }
}
