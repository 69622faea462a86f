package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input across every subcommand and file input: each gets exit code 2, exactly one line on
 * stderr that starts with "error:" and names the problem, no stack trace, and no file written (in
 * the test's folder or the working directory). The last cases are the examples of issue 16, one per
 * root cause; {@link BadInputCampaignTest} generates hundreds more.
 */
class BadInputSuiteTest {
    @TempDir
    static Path files;

    static Path out;

    @BeforeAll
    static void makeFiles() throws Exception {
        out = Files.createDirectories(files.resolve("out"));
        Files.write(files.resolve("empty.xml"), new byte[0]);
        Files.writeString(
                files.resolve("truncated.xml"),
                "<?xml version=\"1.0\"?>\n<topology version=\"2.0\">\n  <object type=\"Machine\" os_index=\"0\">\n    <object type=\"Pack");
        Files.writeString(files.resolve("not-hwloc.xml"), "<?xml version=\"1.0\"?>\n<html><body>hello</body></html>\n");
        Files.write(
                files.resolve("latin1.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><topology>\u00e9\u00e8</topology>"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(
                files.resolve("external-entity.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE topology [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<topology version=\"2.0\">&x;</topology>\n");
        Files.writeString(
                files.resolve("billion-laughs.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE topology [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<topology version=\"2.0\">&c;</topology>\n");
        Files.createDirectories(files.resolve("dir.xml"));
        try (RandomAccessFile huge =
                new RandomAccessFile(files.resolve("huge.xml").toFile(), "rw")) {
            huge.setLength(70L << 20);
        }
        Files.write(files.resolve("empty.json"), new byte[0]);
        Files.writeString(
                files.resolve("truncated.json"),
                "[{\"benchmark\": \"x.Y.z\", \"mode\": \"thrpt\", \"primaryMetric\": {\"score\": 1");
        Files.writeString(files.resolve("not-jmh.json"), "{\"foo\": 1}");
        Files.writeString(files.resolve("strings.json"), "[\"a\", \"b\"]");
        Files.write(files.resolve("not-utf8.json"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x80, '[', ']'});
        Files.createDirectories(files.resolve("no-jmh-folder"));
        // the examples of issue 16, one per root cause
        String xml = Files.readString(CaseFiles.fixture("topology/src/test/resources/hwloc/vm-2cpu-real.xml"));
        Files.writeString(
                files.resolve("cpu-2147483647.xml"),
                xml.replaceAll("(<object type=\"PU\" )os_index=\"1\"", "$1os_index=\"2147483647\""));
        Files.writeString(files.resolve("untyped-pu.xml"), xml.replaceFirst("<object type=\"PU\" ", "<object "));
        assertEquals(
                0,
                new ProcessBuilder("mkfifo", files.resolve("fifo.json").toString())
                        .start()
                        .waitFor());
        Files.createSymbolicLink(files.resolve("zero.json"), Path.of("/dev/zero"));
        try (RandomAccessFile sparse =
                new RandomAccessFile(files.resolve("sparse.json").toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        Path good = Fixtures.copy("runs/smoke", files, "good-run");
        Path dirRun = Fixtures.copy("runs/smoke", files, "run-json-is-a-folder");
        Files.delete(dirRun.resolve("run.json"));
        Files.createDirectories(dirRun.resolve("run.json"));
        Files.writeString(files.resolve("a-file"), "x");
        String jmh = Files.readString(good.resolve("jmh.json"));
        Files.writeString(
                files.resolve("threads-2.5.json"), jmh.replaceFirst("\"threads\"\\s*:\\s*1,", "\"threads\":2.5,"));
        Files.writeString(
                files.resolve("negative-score.json"), jmh.replaceFirst("\"score\"\\s*:\\s*([0-9])", "\"score\":-$1"));
    }

    static Stream<Arguments> cases() {
        String f = files.toString();
        String o = out.toString();
        List<Arguments> c = new ArrayList<>();
        // topology: every kind of source
        c.add(Arguments.of("topology", List.of("topology", "--topology", "pack:2 core:x"), "core:x"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", "no-such-preset"), "no-such-preset"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/missing.xml"), "no such file"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/empty.xml"), "empty"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/truncated.xml"), "truncated.xml"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/not-hwloc.xml"), "not an hwloc"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/latin1.xml"), "latin1.xml"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/external-entity.xml"), "entit"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/billion-laughs.xml"), "entit"));
        c.add(Arguments.of("topology", List.of("topology", "--topology", f + "/dir.xml"), "directory"));
        c.add(Arguments.of(
                "topology", List.of("topology", "--topology", f + "/huge.xml"), "larger than any file of this kind"));
        c.add(Arguments.of("topology", List.of("topology", "--threads", "0"), "--threads"));
        c.add(Arguments.of("topology", List.of("topology", "--threads", "lots"), "--threads"));
        c.add(Arguments.of("topology", List.of("topology", "--no-such-flag"), "--no-such-flag"));
        // run
        c.add(Arguments.of("run", List.of("run", "--counters", "tree,bogus", "--out", o), "bogus"));
        c.add(Arguments.of("run", List.of("run", "--threads", "-1", "--out", o), "--threads -1"));
        c.add(Arguments.of("run", List.of("run", "--threads", "64", "--placement", "compact", "--out", o), "needs 64"));
        c.add(Arguments.of("run", List.of("run", "--profile", "huge", "--out", o), "huge"));
        c.add(Arguments.of("run", List.of("run", "--benchmarks", "(", "--out", o), "regular expression"));
        c.add(Arguments.of("run", List.of("run", "--topology", f + "/billion-laughs.xml", "--out", o), "entit"));
        c.add(Arguments.of(
                "run",
                List.of(
                        "run",
                        "--profile",
                        "smoke",
                        "--counters",
                        "atomic",
                        "--benchmarks",
                        "UpdateBenchmark.inc",
                        "--out",
                        f + "/empty.json"),
                "not a directory"));
        c.add(Arguments.of(
                "run",
                // rows of one thread: the plan fits a process confined to one CPU, so the line is --out's
                List.of(
                        "run",
                        "--profile",
                        "smoke",
                        "--benchmarks",
                        "UpdateBenchmark.inc$",
                        "--threads",
                        "1",
                        "--out",
                        "/proc/counterbench-cannot-be-here"),
                "cannot be created"));
        // simulate
        c.add(Arguments.of("simulate", List.of("simulate", "no-such-scenario", "--out", o), "no-such-scenario"));
        c.add(Arguments.of("simulate", List.of("simulate", "custom", "--tasks", "0", "--out", o), "--tasks"));
        c.add(Arguments.of(
                "simulate", List.of("simulate", "custom", "--migrate-probability", "-0.5", "--out", o), "-0.5"));
        c.add(Arguments.of(
                "simulate", List.of("simulate", "custom", "--topology", "no-such-box", "--out", o), "no-such-box"));
        c.add(Arguments.of("simulate", List.of("simulate", "custom", "--ops", "-3", "--out", o), "-3"));
        // footprint and soak
        c.add(Arguments.of("footprint", List.of("footprint", "--cpus", "0"), "--cpus 0"));
        c.add(Arguments.of("footprint", List.of("footprint", "--counters", "nope"), "nope"));
        c.add(Arguments.of("soak", List.of("soak", "--minutes", "0"), "--minutes"));
        c.add(Arguments.of("soak", List.of("soak", "--minutes", "0.01", "--threads", "0"), "--threads 0"));
        // report and gate: JMH JSON inputs
        c.add(Arguments.of("report", List.of("report", f + "/empty.json", "--out", o), "empty.json"));
        c.add(Arguments.of("report", List.of("report", f + "/truncated.json", "--out", o), "truncated.json"));
        c.add(Arguments.of("report", List.of("report", f + "/not-jmh.json", "--out", o), "not-jmh.json"));
        c.add(Arguments.of("report", List.of("report", f + "/strings.json", "--out", o), "strings.json"));
        c.add(Arguments.of("report", List.of("report", f + "/not-utf8.json", "--out", o), "not-utf8.json"));
        c.add(Arguments.of("report", List.of("report", f + "/no-jmh-folder", "--out", o), "no-jmh-folder"));
        c.add(Arguments.of("report", List.of("report", f + "/missing-run", "--out", o), "missing-run"));
        c.add(Arguments.of(
                "gate",
                List.of("gate", "--baseline", f + "/truncated.json", "--current", f + "/not-jmh.json"),
                "truncated.json"));
        c.add(Arguments.of(
                "gate",
                List.of("gate", "--baseline", f + "/missing.json", "--current", f + "/not-jmh.json"),
                "missing.json"));
        c.add(Arguments.of("gate", List.of("gate", "--current", f + "/not-jmh.json"), "--baseline"));
        c.add(Arguments.of(
                "gate",
                List.of(
                        "gate",
                        "--baseline",
                        f + "/strings.json",
                        "--current",
                        f + "/strings.json",
                        "--threshold",
                        "lots"),
                "lots"));
        // issue 16: one example of each root cause
        c.add(Arguments.of(
                "topology",
                List.of("topology", "--topology", f + "/cpu-2147483647.xml"),
                "os_index 2147483647: a CPU number must be between 0 and 65535"));
        c.add(Arguments.of(
                "topology", List.of("topology", "--topology", f + "/untyped-pu.xml"), "an <object> without a type"));
        c.add(Arguments.of(
                "report",
                List.of("report", f + "/fifo.json", "--out", o),
                "is a named pipe (fifo), not a regular file"));
        c.add(Arguments.of(
                "report", List.of("report", f + "/zero.json", "--out", o), "is a symbolic link to a character device"));
        c.add(Arguments.of(
                "report",
                List.of("report", f + "/sparse.json", "--out", o),
                "3072 MiB is larger than any file of this kind"));
        c.add(Arguments.of(
                "gate",
                List.of("gate", "--baseline", f + "/fifo.json", "--current", f + "/good-run"),
                "is a named pipe"));
        c.add(Arguments.of("export", List.of("export", f + "/zero.json", o + "/x.json"), "character device"));
        c.add(Arguments.of("report", List.of("report", f + "/good-run", "--out", ""), "--out '' names no folder"));
        c.add(Arguments.of(
                "soak", List.of("soak", "--counters", ",", "--minutes", "0.01"), "--counters ',': names no item"));
        c.add(Arguments.of("run", List.of("run", "--dry-run", "--placement", ","), "--placement ',': names no item"));
        c.add(Arguments.of("run", List.of("run", "--dry-run", "--threads", ","), "--threads ',': names no item"));
        c.add(Arguments.of("footprint", List.of("footprint", "--cpus", ","), "--cpus ',': names no item"));
        c.add(Arguments.of(
                "simulate",
                List.of("simulate", "custom", "--counters", ",", "--out", o),
                "--counters ',': names no item"));
        c.add(Arguments.of(
                "soak",
                List.of("soak", "--threads", "2147483647", "--minutes", "0.01"),
                "--threads 2147483647: a thread count must be between 1 and 65536"));
        c.add(Arguments.of(
                "report",
                List.of("report", f + "/threads-2.5.json", "--out", o),
                "threads is 2.5, not a whole number"));
        c.add(Arguments.of("report", List.of("report", f + "/negative-score.json", "--out", o), "cannot be negative"));
        c.add(Arguments.of(
                "gate",
                List.of("gate", "--baseline", f + "/run-json-is-a-folder", "--current", f + "/good-run"),
                "run.json: is a directory, not a file"));
        c.add(Arguments.of(
                "gate",
                List.of("gate", "--baseline", f + "/good-run", "--current", f + "/good-run", "--normalize-by", ""),
                "--normalize-by '' names no counter"));
        c.add(Arguments.of(
                "report",
                List.of("report", f + "/good-run", "--out", f + "/a-file/sub"),
                "a part of the path is a file, not a folder"));
        // export and jmh
        c.add(Arguments.of(
                "export", List.of("export", f + "/strings.json", f + "/no-such-folder/bench.json"), "does not exist"));
        c.add(Arguments.of("jmh", List.of("jmh", "--", "-p", "counter=bogus"), "bogus"));
        c.add(Arguments.of("run", List.of("run", "--prof", "bogus", "--out", o), "--prof bogus"));
        return c.stream();
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("cases")
    void oneLineExit2NothingWritten(String command, List<String> args, String names) throws Exception {
        List<String> before = listing();
        Cli.run(args).assertOneLineOnStderr(names);
        assertEquals(before, listing(), "no file written or changed");
    }

    /** run-bench.sh without any JDK 25 in reach: one line saying what to install, exit 2. */
    @org.junit.jupiter.api.Test
    void noJdk25IsOneLineAndExit2() throws Exception {
        RunBenchScript.Result r = RunBenchScript.run(
                RunBenchScript.find(),
                files,
                Map.of(
                        "JAVA_HOME",
                        files.resolve("no-jdk-here").toString(),
                        "COUNTERBENCH_JDK_DIRS",
                        files.resolve("no-jdks-here") + "/*"),
                "--help");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.output());
        assertEquals(1, r.output().lines().count(), r.output());
        assertTrue(r.output().contains("no JDK 25") && r.output().contains("Install"), r.output());
    }

    private static List<String> listing() throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(files)) {
            s.map(p -> files.relativize(p) + ":" + (Files.isRegularFile(p) ? sizeAndTime(p) : "d"))
                    .forEach(all::add);
        }
        try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
            s.map(p -> "cwd/" + p.getFileName() + ":" + (Files.isRegularFile(p) ? sizeAndTime(p) : "d"))
                    .forEach(all::add);
        }
        return all.stream().sorted().toList();
    }

    private static String sizeAndTime(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
