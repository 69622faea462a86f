package io.counterbench.results.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import io.counterbench.results.util.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JmhJsonTest {

    @Test
    void readsARealCounterbenchRunWithAccuracyAndGroupMetrics() {
        List<JmhResult> rs = JmhJson.read(Fixtures.resource("jmh/counterbench-quick.json"));
        assertEquals(14, rs.size());
        JmhResult inc = rs.getFirst();
        assertEquals("io.counterbench.bench.UpdateBenchmark.inc", inc.benchmark());
        assertEquals("UpdateBenchmark.inc", inc.shortName());
        assertEquals(Mode.THROUGHPUT, inc.mode());
        assertEquals("ops/us", inc.primary().unit());
        assertEquals(3, inc.primary().samples().length);
        assertEquals("tree", JmhResult.displayValue("counter", inc.param("counter")));
        assertEquals(64.0, inc.secondaryScore("accuracy.bound"));
        assertEquals(0.0, inc.secondaryScore("accuracy.violations"));
        assertTrue(Double.isNaN(inc.secondary("accuracy.bound").error()), "JMH's \"NaN\" string reads as NaN");
        JmhResult rw = rs.stream()
                .filter(r -> r.shortName().equals("ReaderWriterBenchmark.approximate"))
                .findFirst()
                .orElseThrow();
        assertNotNull(rw.secondary("readApproximate"));
        assertNotNull(rw.secondary("accuracy.inflight.worst"));
        JmhResult sel = rs.stream()
                .filter(r -> r.className().equals("SelectionBenchmark"))
                .findFirst()
                .orElseThrow();
        assertEquals(Mode.AVERAGE_TIME, sel.mode());
        assertTrue(sel.secondary().isEmpty());
    }

    @Test
    void sampleTimeHistogramsBecomeOneSamplePerIteration() {
        List<JmhResult> rs = JmhJson.read(Fixtures.resource("jmh/sample-mode-foreign.json"));
        JmhResult r = rs.getFirst();
        assertEquals(Mode.SAMPLE_TIME, r.mode());
        assertFalse(r.mode().higherIsBetter());
        assertEquals("ParserBench.parseSmall", r.shortName());
        assertEquals("format=json size=1024", r.paramLabel());
        double[] s = r.primary().samples();
        assertEquals(4, s.length, "2 forks x 2 iterations");
        assertEquals((1000.0 * 10 + 1200 * 50 + 1500 * 5) / 65, s[0], 1e-9);
        assertEquals(10 + 50 + 5 + 20 + 40 + 15 + 45 + 30 + 30, r.primary().histogramCount());
        assertTrue(r.secondary().isEmpty());
    }

    @Test
    void singleShotNanScoresLegacyMetricNamesAndMissingParams() {
        List<JmhResult> rs = JmhJson.read(Fixtures.resource("jmh/single-shot-nan.json"));
        JmhResult ss = rs.getFirst();
        assertEquals(Mode.SINGLE_SHOT, ss.mode());
        assertTrue(ss.params().isEmpty());
        assertArrayEquals(
                new double[] {11, 12, 15, 12, 12.5, 12.5}, ss.primary().samples());
        assertTrue(Double.isNaN(ss.primary().error()));
        assertEquals(52428.8, ss.secondaryScore("gc.alloc.rate.norm"), 1e-9, "the old '\u00b7' prefix is dropped");
        JmhResult broken = rs.get(1);
        assertTrue(Double.isNaN(broken.primary().score()));
        assertEquals(0, broken.primary().samples().length, "NaN samples are left out");
        assertTrue(broken.secondary().isEmpty(), "no secondaryMetrics at all");
        assertEquals(4, broken.threads());
    }

    @Test
    void realSampleTimeAndSingleShotOutputOfJmh() {
        JmhResult sample =
                JmhJson.read(Fixtures.resource("jmh/real-sample.json")).getFirst();
        assertEquals(Mode.SAMPLE_TIME, sample.mode());
        assertEquals(4, sample.primary().samples().length, "2 forks x 2 iterations, one sample per histogram");
        assertTrue(sample.primary().histogramCount() > 1000);
        assertNotNull(sample.secondary("p0.99"), "JMH's percentile metrics are kept");
        List<JmhResult> ss = JmhJson.read(Fixtures.resource("jmh/real-single-shot-gc.json"));
        assertEquals(2, ss.size());
        assertEquals(Mode.SINGLE_SHOT, ss.getFirst().mode());
        assertEquals(8, ss.getFirst().primary().samples().length);
        assertEquals("ns/op", ss.getFirst().primary().unit());
        assertTrue(ss.getFirst().secondaryScore("gc.alloc.rate.norm") > 0);
    }

    @Test
    void oneFileMayHoldTheSameBenchmarkInSeveralModes() {
        List<JmhResult> rs = JmhJson.read(Fixtures.resource("jmh/two-modes.json"));
        assertEquals(
                List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME, Mode.AVERAGE_TIME),
                rs.stream().map(JmhResult::mode).toList());
        assertEquals("entries=100 impl=hash", rs.getFirst().paramLabel());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated.json    | truncated JSON",
                "object.json       | not JMH's JSON: expected an array of benchmark results, found an object",
                "strings.json      | not JMH's JSON: result 1 is a string, not a benchmark result object",
                "empty-array.json  | no benchmark results",
                "empty.json        | empty file",
                "no-mode.json      | has no \"mode\" string",
                "unknown-mode.json | unknown mode 'fastest'",
            })
    void badFilesGetOneLineNamingTheFileAndTheProblem(String file, String expected) {
        Path p = Fixtures.resource("jmh/bad/" + file);
        InputException e = assertThrows(InputException.class, () -> JmhJson.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingFileIsBadInputToo() {
        InputException e = assertThrows(InputException.class, () -> JmhJson.read(Path.of("/nonexistent/jmh.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
