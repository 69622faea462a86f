package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

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
        Path run = Fixtures.copy("runs/smoke", tmp, "20261121T093917Z-vm");
        Cli.Run r = run("report", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report: " + run), r.out());
        assertTrue(r.out().contains("  report.md\n  report.csv\n  report.html\n  charts/ ("), r.out());
        assertTrue(Files.readString(run.resolve("report.md")).contains("Machine: AMD EPYC, 2 CPUs"));
        Cli.Run again = run("report", run.toString());
        assertTrue(again.out().contains("  report-2.md"), again.out());
    }

    @Test
    void severalRunsMergeIntoTheFolderNamedByOut(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "a");
        Path b = Fixtures.edit(
                Fixtures.copy("runs/smoke", tmp, "b"),
                "run.json",
                n -> ((ObjectNode) n.get("environment")).put("cpuModel", "Ampere Altra Max M128-30"));
        Path out = tmp.resolve("merged");
        Cli.Run r = run("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Ampere Altra Max M128-30 / 2 CPUs | inc | tree | 1 |"), md);
    }

    @Test
    void aBareJmhFileIsARun(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("jmh-result.json");
        Files.copy(Fixtures.resource("jmh/two-modes.json"), f);
        Cli.Run r = run("report", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("report.html")));
    }

    @Test
    void compareOfTwoRunsPrintsTheirRowsSideBySideAndWritesTheReport(@TempDir Path tmp) throws Exception {
        Path a = Fixtures.copy("runs/smoke", tmp, "a");
        Path b = Fixtures.copy("runs/smoke", tmp, "b");
        Path out = tmp.resolve("cmp");
        Cli.Run r = run("report", "--compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("change [95% interval]"), r.out());
        assertTrue(r.out().contains("UpdateBenchmark.inc"), r.out());
        // one fork a side: the change has no interval and the verdict says so, never a pass
        assertTrue(r.out().contains("not known"), r.out());
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Comparison"));
    }

    @Test
    void listShowsTheSectionsAndFormats() {
        Cli.Run r = run("report", "--list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  footprint  memory per counter against CPU count, from footprint.json"), r.out());
        assertTrue(r.out().contains("  html       report.html"), r.out());
    }

    @Test
    void badInputGetsOneLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path bad = Fixtures.resource("jmh/bad");
        run("report", bad.resolve("truncated.json").toString(), "--out", out.toString())
                .assertOneLineError("truncated.json: truncated JSON");
        run("report", bad.resolve("object.json").toString(), "--out", out.toString())
                .assertOneLineError(
                        "object.json: not JMH's JSON: expected an array of benchmark results, found an object");
        run("report", bad.resolve("strings.json").toString(), "--out", out.toString())
                .assertOneLineError("strings.json: not JMH's JSON: result 1 is a string");
        Path noJmh = Fixtures.copy("runs/smoke", tmp, "no-jmh");
        Files.delete(noJmh.resolve("jmh.json"));
        run("report", noJmh.toString()).assertOneLineError("no-jmh: no jmh.json in this folder");
        run("report", tmp.resolve("nothing-here").toString())
                .assertOneLineError("nothing-here: no such run folder or file");
        Path a = Fixtures.copy("runs/smoke", tmp, "a");
        Path mixed = Fixtures.copy("runs/smoke", tmp, "mixed");
        Files.writeString(
                mixed.resolve("jmh.json"),
                Files.readString(mixed.resolve("jmh.json")).replace("\"mode\":\"avgt\"", "\"mode\":\"ss\""));
        run("report", a.toString(), mixed.toString(), "--out", out.toString()).assertOneLineError("mixed modes");
        run("report").assertOneLineError("report needs at least one RUN");
        run("report", "--compare", a.toString(), "--out", out.toString())
                .assertOneLineError("--compare takes exactly two RUNs");
        run("report", "--across-machines", a.toString(), "--out", out.toString())
                .assertOneLineError("--across-machines goes with --compare");
        Path other = Fixtures.copy("runs/smoke", tmp, "other-machine");
        Files.writeString(
                other.resolve("run.json"),
                Files.readString(other.resolve("run.json")).replace("\"AMD EPYC\"", "\"Intel Xeon\""));
        run("report", "--compare", a.toString(), other.toString(), "--out", out.toString())
                .assertOneLineError("come from different machines");
        assertEquals(0, files(out));
        assertEquals(3, files(noJmh) + 1, "nothing added to the folder");
    }
}
