package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.cli.ab.GateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input campaign: a seeded generator of malformed inputs for every file kind and flag
 * (mutations of the real fixtures: hwloc XML, synthetic strings, JMH JSON, run folders; odd paths
 * and special files; bad flag values), each of which must get exit 2, exactly one "error:" line on
 * stderr without a stack trace or Java class name, an answer in time, and no file written or
 * changed. In-process through {@link Main#execute}, plus a sample as separate JVMs.
 *
 * <p>CI mode (the default) runs {@value #CI_CASES} cases and {@value #CI_PROCESSES} processes; the
 * full mode ({@code ./run-bench.sh test --fuzz}, i.e. -Dcounterbench.fuzz=full) runs
 * {@value #FULL_CASES} and {@value #FULL_PROCESSES}. -Dcounterbench.fuzz.seed=N picks another seed.
 */
class BadInputCampaignTest {
    static final int CI_CASES = 640;
    static final int CI_PROCESSES = 12;
    static final int FULL_CASES = 4000;
    static final int FULL_PROCESSES = 120;
    static final boolean FULL =
            "full".equals(System.getProperty("counterbench.fuzz", "ci").strip());
    static final long SEED = Long.getLong("counterbench.fuzz.seed", 16);

    @TempDir
    static Path root;

    static Path shared;
    static Path home;
    static String savedHome;
    static Map<String, String> savedEnvironment;

    @BeforeAll
    static void sharedInputs() throws IOException {
        shared = Files.createDirectories(root.resolve("shared"));
        home = Files.createDirectories(root.resolve("home"));
        CaseFiles.copyTree(CaseFiles.fixture(JsonCases.RUNS_DIR + "smoke"), shared.resolve("good-run"));
        Files.writeString(shared.resolve("a-file"), "a regular file, used as a folder in paths below it\n");
        Files.createDirectories(shared.resolve("dir"));
        Files.copy(
                CaseFiles.fixture("results/src/test/resources/trend/synthetic-noise-history.jsonl"),
                shared.resolve("history.jsonl"));
        // ab's command lines compare this build's benchmarks.jar with itself (Maven builds it before the cli module's
        // tests)
        Path benchJar = RunBenchScript.find().resolveSibling("benchmarks/bench/target/benchmarks.jar");
        if (Files.isRegularFile(benchJar)) {
            Files.copy(benchJar, shared.resolve("bench.jar"));
        }
        savedHome = System.getProperty("counterbench.home");
        System.setProperty("counterbench.home", home.toString());
        savedEnvironment = GateCommand.environment;
        GateCommand.environment = Map.of();
        TrendCommand.environment = Map.of();
    }

    @AfterAll
    static void restore() {
        if (savedHome == null) {
            System.clearProperty("counterbench.home");
        } else {
            System.setProperty("counterbench.home", savedHome);
        }
        GateCommand.environment = savedEnvironment;
        TrendCommand.environment = System.getenv();
    }

    @Test
    void everyGeneratedBadInputIsRefusedInOneLineWithExit2AndNothingWritten() {
        int count = FULL ? FULL_CASES : CI_CASES;
        List<CampaignCase> cases = Campaign.generate(SEED, count);
        CampaignRunner runner = new CampaignRunner(root, shared, home, Duration.ofSeconds(FULL ? 60 : 30));
        long start = System.nanoTime();
        List<CampaignRunner.Outcome> failed = new ArrayList<>();
        Map<String, Integer> perFamily = new LinkedHashMap<>();
        long slowest = 0;
        try {
            for (int i = 0; i < cases.size(); i++) {
                CampaignRunner.Outcome o = runner.inProcess(i, cases.get(i), true);
                perFamily.merge(cases.get(i).family(), 1, Integer::sum);
                slowest = Math.max(slowest, o.millis());
                if (!o.problems().isEmpty()) {
                    failed.add(o);
                }
            }
            List<CampaignCase> sample = sample(cases, FULL ? FULL_PROCESSES : CI_PROCESSES);
            for (int i = 0; i < sample.size(); i++) {
                CampaignRunner.Outcome o = runner.subprocess(i, sample.get(i));
                if (!o.problems().isEmpty()) {
                    failed.add(o);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> failedPerFamily = failed.stream()
                    .collect(Collectors.groupingBy(o -> o.c().family(), LinkedHashMap::new, Collectors.counting()));
            System.out.printf(
                    "bad-input campaign (%s mode, seed %d): %d cases in-process %s + %d as separate JVMs: %d failed %s, %.1f s (slowest case %d ms)%n",
                    FULL ? "full" : "ci",
                    SEED,
                    cases.size(),
                    perFamily,
                    sample.size(),
                    failed.size(),
                    failedPerFamily,
                    seconds,
                    slowest);
        } finally {
            runner.close();
        }
        assertTrue(
                cases.size() >= count * 9 / 10,
                "the generator made only " + cases.size() + " distinct cases of " + count);
        assertTrue(
                failed.isEmpty(),
                failed.size() + " case(s) not refused cleanly (seed " + SEED + "):\n  "
                        + failed.stream()
                                .limit(25)
                                .map(CampaignRunner.Outcome::report)
                                .collect(Collectors.joining("\n  ")));
    }

    /** The CI-sized campaign reaches every family, every command that reads a file, and every flag of every command. */
    @Test
    void theCampaignCoversEveryFileKindAndFlag() {
        List<CampaignCase> cases = Campaign.generate(SEED, CI_CASES);
        Set<String> families = cases.stream().map(CampaignCase::family).collect(Collectors.toSet());
        for (Campaign.Family f : Campaign.FAMILIES) {
            assertTrue(families.contains(f.name()), "no case of family " + f.name());
        }
        for (String command :
                List.of("topology", "run", "simulate", "report", "gate", "export", "footprint", "soak", "trend")) {
            assertTrue(
                    cases.stream().anyMatch(c -> c.args().getFirst().equals(command)),
                    "no case for command " + command);
        }
        for (String file : List.of("run.json", "jmh.json", "footprint.json", "simulation.json")) {
            assertTrue(
                    cases.stream()
                            .anyMatch(c ->
                                    c.family().equals("run-folder") && c.what().contains("/" + file)),
                    "no case breaks " + file);
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String[] o : FlagCases.options()) {
            boolean covered = cases.stream()
                    .filter(c -> c.family().equals("flags"))
                    .anyMatch(c -> (o[0].isEmpty() || c.what().startsWith(o[0] + " --"))
                            && c.args().stream().anyMatch(a -> a.equals(o[1]) || a.startsWith(o[1] + "="))
                            && c.what().contains(o[1]));
            if (!covered) {
                missing.add((o[0].isEmpty() ? "" : o[0] + " ") + o[1]);
            }
        }
        assertEquals(Set.of(), missing, "flags no case gives a bad value");
    }

    /**
     * Judgement calls: inputs that look odd but are accepted on purpose (docs/guarantees.md). Each
     * must work (exit 0), so that tightening a reader does not refuse them by accident.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void oddButValidInputsAreAcceptedOnPurpose(String why, CampaignCase c) {
        CampaignRunner runner = new CampaignRunner(root, shared, home, Duration.ofSeconds(60));
        try {
            CampaignRunner.Outcome o = runner.inProcess(Math.abs(why.hashCode()), c, false);
            assertEquals(ExitCodes.OK, o.code(), why + ": " + o.err() + o.out());
            assertTrue(o.err().isBlank() || !o.err().contains("error"), o.err());
        } finally {
            runner.close();
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> accepted() {
        byte[] jmh = CaseFiles.bytes(CaseFiles.fixture(JsonCases.JMH_DIR + "two-modes.json"));
        String text = new String(jmh, StandardCharsets.UTF_8);
        String xml = new String(
                CaseFiles.bytes(CaseFiles.fixture("topology/src/test/resources/hwloc/vm-2cpu-real.xml")),
                StandardCharsets.UTF_8);
        List<String> report = List.of("report", "{case}/r.json", "--out", "{case}/out");
        List<String> topology = List.of("topology", "--topology", "{case}/t.xml");
        List<Object[]> a = new ArrayList<>();
        a.add(new Object[] {
            "a bare NaN token for a score (JMH writes the string \"NaN\"; some tools write NaN)",
            new CampaignCase(
                    "accepted",
                    "bare NaN",
                    List.of(CaseFiles.write(
                            "r.json", text.replaceFirst("\"scoreError\" : [^,]*,", "\"scoreError\" : NaN,"))),
                    report)
        });
        a.add(new Object[] {
            "JSON in UTF-16 with a byte order mark (RFC 8259 asks for UTF-8; JSON parsers detect UTF-16)",
            new CampaignCase(
                    "accepted",
                    "UTF-16",
                    List.of(CaseFiles.write("r.json", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE))),
                    report)
        });
        a.add(new Object[] {
            "a UTF-8 byte order mark",
            new CampaignCase("accepted", "BOM", List.of(CaseFiles.write("r.json", "\uFEFF" + text)), report)
        });
        a.add(new Object[] {
            "threads written as 2.0 or \"2\" (a whole number all the same)",
            new CampaignCase(
                    "accepted",
                    "threads 2.0",
                    List.of(CaseFiles.write(
                            "r.json",
                            text.replaceFirst("\"threads\" : 1,", "\"threads\" : 1.0,")
                                    .replaceFirst("\"threads\" : 1,", "\"threads\" : \"1\","))),
                    report)
        });
        a.add(new Object[] {
            "a negative secondary metric (a user's metric may be signed; only time and rate scores may not)",
            new CampaignCase(
                    "accepted", "negative secondary", List.of(CaseFiles.write("r.json", withSignedMetric(jmh))), report)
        });
        a.add(new Object[] {
            "a symbolic link to a regular file",
            new CampaignCase(
                    "accepted",
                    "link",
                    List.of(CaseFiles.write("real.json", jmh), CaseFiles.link("r.json", "{case}/real.json")),
                    report)
        });
        a.add(new Object[] {
            "an hwloc object type this reader does not know (a newer hwloc): walked like a Group",
            new CampaignCase(
                    "accepted",
                    "unknown type",
                    List.of(CaseFiles.write("t.xml", xml.replace("type=\"Package\"", "type=\"Cluster\""))),
                    topology)
        });
        a.add(new Object[] {
            "complete_cpuset and allowed_cpuset that differ from cpuset (offline or disallowed CPUs): only cpuset is checked",
            new CampaignCase(
                    "accepted",
                    "complete_cpuset",
                    List.of(CaseFiles.write(
                            "t.xml", xml.replace("complete_cpuset=\"0x00000003\"", "complete_cpuset=\"0x0000000f\""))),
                    topology)
        });
        a.add(new Object[] {
            "hwloc's infinite cpuset prefix (0xf...f,) on the machine: not compared with its PUs",
            new CampaignCase(
                    "accepted",
                    "infinite cpuset",
                    List.of(CaseFiles.write(
                            "t.xml", xml.replaceFirst("cpuset=\"0x00000003\"", "cpuset=\"0xf...f,0x00000003\""))),
                    topology)
        });
        a.add(new Object[] {
            "a synthetic string in upper case with extra spaces",
            new CampaignCase(
                    "accepted",
                    "synthetic case",
                    List.of(),
                    List.of("topology", "--topology", "  PACK:2   CORE:2 PU:2  "))
        });
        a.add(new Object[] {
            "a run folder with only jmh.json (no run.json, footprint.json or simulation.json): their sections are skipped with a note",
            new CampaignCase(
                    "accepted",
                    "bare folder",
                    List.of(CaseFiles.write("run/jmh.json", jmh)),
                    List.of("report", "{case}/run", "--out", "{case}/out"))
        });
        a.add(new Object[] {
            "an older simulation.json whose checks.failures is a list of failures, not a count",
            new CampaignCase(
                    "accepted",
                    "failures list",
                    List.of(
                            CaseFiles.copy(CaseFiles.fixture(JsonCases.RUNS_DIR + "with-simulation"), "run"),
                            CaseFiles.write(
                                    "run/simulation.json",
                                    new String(
                                                    CaseFiles.bytes(CaseFiles.fixture(
                                                            JsonCases.RUNS_DIR + "with-simulation/simulation.json")),
                                                    StandardCharsets.UTF_8)
                                            .replaceFirst("\"failures\"\\s*:\\s*0", "\"failures\" : []"))),
                    List.of("report", "{case}/run", "--out", "{case}/out"))
        });
        a.add(new Object[] {
            "a gate summary written to a device (/dev/null): outputs may be devices or pipes",
            new CampaignCase(
                    "accepted",
                    "summary device",
                    List.of(),
                    List.of(
                            "gate",
                            "--baseline",
                            "{shared}/good-run",
                            "--current",
                            "{shared}/good-run",
                            "--summary",
                            "/dev/null",
                            "--inconclusive",
                            "pass"))
        });
        return a.stream().map(o -> org.junit.jupiter.params.provider.Arguments.of(o[0], o[1]));
    }

    /** Every result of a JMH file with a secondary metric "drift" of score -3.5. */
    private static byte[] withSignedMetric(byte[] jmh) {
        com.fasterxml.jackson.databind.JsonNode root = Mutations.tree(jmh);
        for (com.fasterxml.jackson.databind.JsonNode row : root) {
            com.fasterxml.jackson.databind.node.ObjectNode m =
                    ((com.fasterxml.jackson.databind.node.ObjectNode) row).putObject("secondaryMetrics");
            m.putObject("drift").put("score", -3.5).put("scoreError", "NaN").put("scoreUnit", "#");
        }
        return Mutations.bytes(root);
    }

    /** A seeded sample, spread over the families, of cases a separate JVM can take. */
    static List<CampaignCase> sample(List<CampaignCase> cases, int n) {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        Map<String, List<CampaignCase>> byFamily = cases.stream()
                .filter(CampaignCase::subprocessOk)
                .collect(Collectors.groupingBy(CampaignCase::family, LinkedHashMap::new, Collectors.toList()));
        List<CampaignCase> out = new ArrayList<>();
        while (out.size() < n && byFamily.values().stream().anyMatch(l -> !l.isEmpty())) {
            for (List<CampaignCase> l : byFamily.values()) {
                if (!l.isEmpty() && out.size() < n) {
                    out.add(l.remove(r.nextInt(l.size())));
                }
            }
        }
        return out;
    }
}
