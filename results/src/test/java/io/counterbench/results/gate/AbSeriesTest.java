package io.counterbench.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.trend.SeriesPoint;
import io.counterbench.results.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording an ab run as series points: the gate's estimate per row, the reference jar's fingerprint, the machine. */
class AbSeriesTest {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    /** The slow5 fixture (tree 5% slower in current) copied, its baseline jar pointed at a file of known bytes. */
    static Path abFolder(Path dir, String name, String jarBytes) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        for (String file : List.of("pairs.json", "run.json", "jmh-baseline.json", "jmh-current.json")) {
            try (InputStream in = AbSeriesTest.class.getResourceAsStream("/ab/slow5/" + file)) {
                Files.write(f.resolve(file), in.readAllBytes());
            }
        }
        Path jar = Files.writeString(dir.resolve(name + "-reference.jar"), jarBytes);
        String old = "/root/.cache/counterbench/ab/e09be36317190f2f14ebac9d15c0fd4f0465eb51/benchmarks.jar";
        Files.writeString(
                f.resolve("pairs.json"),
                Files.readString(f.resolve("pairs.json")).replace(old, jar.toString()));
        return f;
    }

    @Test
    void onePointPerGatedRowWithTheGatesEstimate() throws IOException {
        AbFolder ab = AbFolder.load(abFolder(dir, "run", "reference"));
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        List<SeriesPoint> pts = AbSeries.points(ab, COMMIT, t);
        List<RowComparison> gate =
                ab.gate(GateOptions.paired()).rows(); // the gate as ab and gate --ab run it: pairs by id
        assertEquals(gate.size(), pts.size());
        for (int i = 0; i < pts.size(); i++) {
            SeriesPoint p = pts.get(i);
            assertEquals(gate.get(i).name(), p.row());
            assertEquals(Math.log1p(gate.get(i).effect().estimate()), p.estimate(), 1e-12);
            assertNotNull(p.lower());
            assertTrue(p.lower() <= p.estimate() && p.estimate() <= p.upper());
            assertEquals(COMMIT, p.commit());
            assertEquals("2026-12-01T10:00:00Z", p.commitTime());
            // sha256("reference")
            assertEquals(
                    "a0ccd2b3c7a8a5ac3ab5c1f5c9a2a2d5e6e29f3aaf70d1a1f0a4e6c4d8e6f40b".length(),
                    p.reference().length());
            assertTrue(p.machine().startsWith(ab.baseline().machine().cpuModel()), p.machine());
        }
        // the fixture's per-node row is the one the knob made 5% slower
        SeriesPoint slowed = pts.stream()
                .filter(p -> p.row().contains("counter=per-node"))
                .findFirst()
                .orElseThrow();
        assertTrue(slowed.ratio() > 1.02, slowed.toString());
    }

    @Test
    void theReferenceIsFingerprintedByContent() throws IOException {
        String a = AbSeries.points(AbFolder.load(abFolder(dir, "a", "one jar")), COMMIT, Instant.EPOCH)
                .getFirst()
                .reference();
        String b = AbSeries.points(AbFolder.load(abFolder(dir, "b", "one jar")), COMMIT, Instant.EPOCH)
                .getFirst()
                .reference();
        String c = AbSeries.points(AbFolder.load(abFolder(dir, "c", "another jar")), COMMIT, Instant.EPOCH)
                .getFirst()
                .reference();
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test
    void aMissingReferenceJarOrAGitBaselineIsRefused() throws IOException {
        Path f = abFolder(dir, "gone", "x");
        Files.delete(dir.resolve("gone-reference.jar"));
        InputException e =
                assertThrows(InputException.class, () -> AbSeries.points(AbFolder.load(f), COMMIT, Instant.EPOCH));
        assertTrue(e.getMessage().contains("is gone"), e.getMessage());
        Path g = abFolder(dir, "git", "x");
        String pairs = Files.readString(g.resolve("pairs.json"));
        Files.writeString(
                g.resolve("pairs.json"), pairs.replaceFirst("\"given\"", "\"commit\" : \"" + COMMIT + "\", \"given\""));
        e = assertThrows(InputException.class, () -> AbSeries.points(AbFolder.load(g), COMMIT, Instant.EPOCH));
        assertTrue(e.getMessage().contains("not a reference jar"), e.getMessage());
    }
}
