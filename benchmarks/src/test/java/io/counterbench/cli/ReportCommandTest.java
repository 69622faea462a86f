package io.counterbench.cli;

import static io.counterbench.cli.ResultFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static void assertOneLineError(ResultFixtures.Run r, String expected) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static long files(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void oneRunFolderGetsItsReportInside(@TempDir Path tmp) throws Exception {
        Path run = ResultFixtures.copy("runs/smoke", tmp, "20261121T093917Z-vm");
        ResultFixtures.Run r = cli("report", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report: " + run), r.out());
        assertTrue(r.out().contains("  report.md\n  report.csv\n  report.html\n  charts/ ("), r.out());
        assertTrue(Files.readString(run.resolve("report.md")).contains("Machine: AMD EPYC, 2 CPUs"));
        ResultFixtures.Run again = cli("report", run.toString());
        assertTrue(again.out().contains("  report-2.md"), again.out());
    }

    @Test
    void severalRunsMergeIntoTheFolderNamedByOut(@TempDir Path tmp) throws Exception {
        Path a = ResultFixtures.copy("runs/smoke", tmp, "a");
        Path b = ResultFixtures.edit(ResultFixtures.copy("runs/smoke", tmp, "b"), "run.json",
                n -> ((ObjectNode) n.get("environment")).put("cpuModel", "Ampere Altra Max M128-30"));
        Path out = tmp.resolve("merged");
        ResultFixtures.Run r = cli("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Ampere Altra Max M128-30 / 2 CPUs | inc | tree | 1 |"), md);
    }

    @Test
    void aBareJmhFileIsARun(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("jmh-result.json");
        Files.copy(ResultFixtures.resource("jmh/two-modes.json"), f);
        ResultFixtures.Run r = cli("report", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("report.html")));
    }

    @Test
    void listShowsTheSectionsAndFormats() {
        ResultFixtures.Run r = cli("report", "--list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  footprint  memory per counter against CPU count, from footprint.json"), r.out());
        assertTrue(r.out().contains("  html       report.html"), r.out());
    }

    @Test
    void badInputGetsOneLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path bad = ResultFixtures.ROOT.resolve("jmh/bad");
        assertOneLineError(cli("report", bad.resolve("truncated.json").toString(), "--out", out.toString()), "truncated.json: truncated JSON");
        assertOneLineError(cli("report", bad.resolve("object.json").toString(), "--out", out.toString()),
                "object.json: not JMH's JSON: expected an array of benchmark results, found an object");
        assertOneLineError(cli("report", bad.resolve("strings.json").toString(), "--out", out.toString()),
                "strings.json: not JMH's JSON: result 1 is a string");
        Path noJmh = ResultFixtures.copy("runs/smoke", tmp, "no-jmh");
        Files.delete(noJmh.resolve("jmh.json"));
        assertOneLineError(cli("report", noJmh.toString()), "no-jmh: no jmh.json in this folder");
        assertOneLineError(cli("report", tmp.resolve("nothing-here").toString()), "nothing-here: no such run folder or file");
        Path a = ResultFixtures.copy("runs/smoke", tmp, "a");
        Path mixed = ResultFixtures.copy("runs/smoke", tmp, "mixed");
        Files.writeString(mixed.resolve("jmh.json"), Files.readString(mixed.resolve("jmh.json")).replace("\"mode\":\"avgt\"", "\"mode\":\"ss\""));
        assertOneLineError(cli("report", a.toString(), mixed.toString(), "--out", out.toString()), "mixed modes");
        assertOneLineError(cli("report"), "report needs at least one RUN");
        assertEquals(0, files(out));
        assertEquals(3, files(noJmh) + 1, "nothing added to the folder");
    }
}
