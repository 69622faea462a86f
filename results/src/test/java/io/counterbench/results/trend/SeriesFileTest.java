package io.counterbench.results.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFileTest {
    @TempDir
    Path dir;

    @Test
    void appendsAndReadsBack() {
        Path f = dir.resolve("h/series.jsonl");
        List<SeriesPoint> a = List.of(TrendTest.point("r1", 0, 0.01), TrendTest.point("r2", 0, -0.02));
        SeriesFile.append(f, a);
        SeriesFile.append(f, List.of(TrendTest.point("r1", 1, 0.015)));
        List<SeriesPoint> back = SeriesFile.read(f);
        assertEquals(3, back.size());
        assertEquals(a.getFirst(), back.getFirst());
        assertEquals(TrendTest.point("r1", 1, 0.015), back.get(2));
    }

    @Test
    void refusesToMixAndWritesNothing() throws IOException {
        Path f = dir.resolve("s.jsonl");
        SeriesFile.append(f, List.of(TrendTest.point("r1", 0, 0.01)));
        String before = Files.readString(f);
        SeriesPoint p = TrendTest.point("r1", 1, 0.01);
        SeriesPoint other = new SeriesPoint(
                p.schema(),
                p.row(),
                p.commit(),
                p.commitTime(),
                p.machine(),
                "00".repeat(32),
                0,
                null,
                null,
                null,
                1,
                null,
                null);
        assertThrows(InputException.class, () -> SeriesFile.append(f, List.of(other)));
        assertEquals(before, Files.readString(f));
    }

    @Test
    void badFilesAreOneLine() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        assertTrue(message(empty).contains("empty series file"));
        Path missing = dir.resolve("none.jsonl");
        assertTrue(message(missing).contains("none.jsonl"));
        Path good = dir.resolve("good.jsonl");
        SeriesFile.append(good, List.of(TrendTest.point("r1", 0, 0.01)));
        String line = Files.readString(good).strip();
        Path corrupt = Files.writeString(dir.resolve("corrupt.jsonl"), line + "\n" + line.substring(0, 40) + "\n");
        assertTrue(message(corrupt).startsWith(corrupt + ":2: not a JSON line"), message(corrupt));
        Path schema = Files.writeString(dir.resolve("schema.jsonl"), "{\"schema\":\"other/1\"}\n");
        assertTrue(message(schema).contains(":1: not a series point"), message(schema));
        Path commit = Files.writeString(dir.resolve("commit.jsonl"), line.replace(TrendTest.commit(0), "main") + "\n");
        assertTrue(message(commit).contains("is not 40 hex digits"), message(commit));
        Path time =
                Files.writeString(dir.resolve("time.jsonl"), line.replace("2026-11-01T00:00:00Z", "yesterday") + "\n");
        assertTrue(message(time).contains("not an ISO-8601 instant"), message(time));
        Path array = Files.writeString(dir.resolve("array.jsonl"), "[1,2]\n");
        assertTrue(message(array).contains("not a series point"), message(array));
        for (String m : List.of(message(empty), message(corrupt), message(schema))) {
            assertEquals(1, m.lines().count(), m);
        }
    }

    private static String message(Path f) {
        return assertThrows(InputException.class, () -> SeriesFile.read(f)).getMessage();
    }
}
