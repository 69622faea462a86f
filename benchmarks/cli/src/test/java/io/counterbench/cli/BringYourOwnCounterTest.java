package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.testjars.CounterJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bring your own counter, end to end: docs/counters.md's example (examples/striped-counter, compiled and
 * jarred here as a user would) through a smoke run of the benchmarks, soak, simulate custom and the
 * JMH passthrough, and two broken counters (one that throws, one that leaves its declared bound)
 * reported as such while the others go on.
 */
class BringYourOwnCounterTest {
    static final Path REPO = RunBenchScript.find().getParent();
    static final Path EXAMPLE = REPO.resolve("examples/striped-counter");

    /** Two counters that break their contract, each in one way. */
    static final String BROKEN = """
            package broken;
            import io.counterbench.counters.spi.*;
            import io.counterbench.topology.Topology;
            import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
            import java.util.concurrent.atomic.AtomicLong;
            public final class Broken implements CounterProvider {
                static final ContributedType LIAR = ContributedType.exact("liar", "declares exact, reads one high", Liar::new);
                static final ContributedType THROWER = ContributedType.exact("thrower", "throws on every add", Thrower::new);
                public List<ContributedType> types() { return List.of(LIAR, THROWER); }
                static final class Liar extends ContributedCounter {
                    final AtomicLong v = new AtomicLong();
                    Liar(Topology t, long batch) { super(LIAR, t, batch); }
                    public void add(int cpu, int task, long d) { v.addAndGet(d); }
                    public long precise() { return v.get(); }
                    public long approximate() { return v.get() + 1; }
                }
                static final class Thrower extends ContributedCounter {
                    Thrower(Topology t, long batch) { super(THROWER, t, batch); }
                    public void add(int cpu, int task, long d) { throw new IllegalStateException("boom"); }
                    public long precise() { return 0; }
                    public long approximate() { return 0; }
                }
            }
            """;

    @TempDir
    static Path dir;

    static Path striped;
    static Path broken;

    @BeforeAll
    static void buildJars() throws Exception {
        striped = new CounterJarBuilder()
                .source("example/Striped.java", Files.readString(EXAMPLE.resolve("example/Striped.java")))
                .file(CounterJarBuilder.SERVICE, Files.readString(EXAMPLE.resolve(CounterJarBuilder.SERVICE)))
                .build(dir, "striped.jar");
        broken = new CounterJarBuilder()
                .source("broken/Broken.java", BROKEN)
                .provider("broken.Broken")
                .build(dir, "broken.jar");
    }

    @AfterEach
    void onlyBuiltIns() {
        CounterTypes.use(List.of());
    }

    @Test
    void theDocsShowTheExampleAsItIsInTheRepository() throws Exception {
        String readme = Files.readString(REPO.resolve("docs/counters.md"));
        String source = Files.readString(EXAMPLE.resolve("example/Striped.java"));
        assertTrue(
                readme.contains("```java\n" + source + "```\n"),
                "docs/counters.md shows examples/striped-counter/example/Striped.java verbatim");
        assertTrue(
                readme.contains(Files.readString(EXAMPLE.resolve(CounterJarBuilder.SERVICE))
                        .strip()),
                "and names its provider");
    }

    /** The one run folder a run wrote under {@code out}. */
    private static Path runFolder(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** jmh.json's rows by their counter parameter and cpu mode ("striped/handle"). */
    private static Map<String, JsonNode> rowsByCounter(Path folder) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode row : Cli.json(folder.resolve("jmh.json"))) {
            out.put(
                    row.at("/params/counter").asText() + "/"
                            + row.at("/params/cpu").asText(),
                    row);
        }
        return out;
    }

    @Test
    void runMeasuresTheExampleCounterInTheBenchmarksInEveryCpuMode() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run-good"));
        Cli.Run o = run(
                "run",
                "--counter-jar",
                striped.toString(),
                "--counters",
                "striped,adder",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--threads",
                "1",
                "--cpu",
                "lookup,handle,known",
                "--out",
                out.toString(),
                "--label",
                "striped v1");
        o.assertOk();
        Path folder = runFolder(out);
        JsonNode runJson = Cli.json(folder.resolve("run.json"));
        assertEquals("striped v1", runJson.get("label").asText());
        JsonNode jar = null;
        for (JsonNode j : runJson.at("/provenance/jars")) {
            if (j.get("role").asText().equals("counter-jar")) {
                jar = j;
            }
        }
        assertTrue(jar != null, "the counter jar's digest is in run.json's provenance: " + runJson.get("provenance"));
        assertEquals(
                io.counterbench.cli.env.ProvenanceCapture.sha256(striped),
                jar.get("sha256").asText());
        assertTrue(
                Files.readString(folder.resolve("footprint.json")).contains("\"counter\" : \"striped\""),
                "a contributed counter's footprint is measured beside the built-ins'");
        Map<String, JsonNode> rows = rowsByCounter(folder);
        for (String mode : List.of("lookup", "handle", "known")) {
            JsonNode row = rows.get("striped/" + mode);
            assertTrue(row != null, "a striped row for cpu=" + mode + ": " + rows.keySet());
            assertTrue(row.get("primaryMetric").get("score").asDouble() > 0, row.toString());
            JsonNode acc = row.get("secondaryMetrics");
            assertEquals(
                    0,
                    acc.get("accuracy.violations").get("score").asDouble(),
                    "striped is exact and holds to it: " + row);
            assertEquals(0, acc.get("accuracy.lost").get("score").asDouble(), row.toString());
        }
        assertEquals(
                "complete", Cli.json(folder.resolve("run.json")).get("status").asText());
        assertTrue(
                o.out().lines().anyMatch(l -> l.startsWith("striped ") && l.contains("x")),
                "its rows in the summary, with a speedup vs LongAdder: " + o.out());
        assertTrue(Files.readString(folder.resolve("report.md")).contains("| striped |"), "and in report.md");
    }

    @Test
    void runWithAJarAndNoCountersAddsTheJarsCountersToTheProfilesOnes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.counterbench.topology.Affinity.processCpus().length >= 2,
                "ReaderWriterBenchmark's rows pin a reader and a writer: they need 2 CPUs, this process may use 1");
        Cli.Run o = run(
                "run",
                "--counter-jar",
                striped.toString(),
                "--profile",
                "quick",
                "--benchmarks",
                "ReaderWriterBenchmark",
                "--dry-run");
        o.assertOk();
        for (String id : List.of("flat", "tree", "adder", "striped")) {
            assertTrue(o.out().contains("counter=" + id + " "), id + " in the plan: " + o.out());
        }
    }

    @Test
    void abRunsAJarsCounterInPairsBesideABuiltIn() throws Exception {
        Path jar = REPO.resolve("benchmarks/bench/target/benchmarks.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "needs the built " + jar);
        Path out = Files.createDirectories(dir.resolve("ab-good"));
        Cli.Run o = run(
                "ab",
                "--counter-jar",
                striped.toString(),
                "--counters",
                "striped,adder",
                "--baseline",
                jar.toString(),
                "--current",
                jar.toString(),
                "--profile",
                "ci",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--threads",
                "1",
                "--pairs",
                "1",
                "--seed",
                "3",
                "--rerun-above",
                "0",
                "--out",
                out.toString(),
                "--inconclusive",
                "pass");
        o.assertOk();
        assertTrue(
                o.out().contains("ab plan: profile ci, 2 rows x 1 pairs"), "striped and adder, in pairs: " + o.out());
        assertTrue(
                o.out().lines().anyMatch(l -> l.contains("counter=striped") && l.contains("UpdateBenchmark.inc")),
                o.out());
        JsonNode cur = Cli.json(runFolder(out).resolve("jmh-current.json"));
        assertTrue(
                java.util.stream.StreamSupport.stream(cur.spliterator(), false)
                        .anyMatch(r -> r.at("/params/counter").asText().equals("striped")
                                && r.at("/primaryMetric/score").asDouble() > 0),
                "the fork loaded the jar and measured striped: " + cur);
    }

    @Test
    void abWithoutTheJarRefusesItsCounterId() {
        Path jar = REPO.resolve("benchmarks/bench/target/benchmarks.jar");
        run("ab", "--counters", "striped", "--baseline", jar.toString(), "--current", jar.toString(), "--dry-run")
                .assertOneLineError("striped");
    }

    @Test
    void runReportsACounterThatThrowsOrLeavesItsBoundAndGoesOn() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run-broken"));
        Cli.Run o = run(
                "run",
                "--counter-jar",
                broken.toString(),
                "--counters",
                "thrower,liar,adder",
                "--profile",
                "smoke",
                "--benchmarks",
                "UpdateBenchmark.inc$",
                "--threads",
                "1",
                "--cpu",
                "lookup",
                "--out",
                out.toString());
        assertEquals(ExitCodes.CHECK_FAILED, o.code(), o.out() + o.err());
        assertTrue(
                o.out().contains("FAILED UpdateBenchmark.inc counter=thrower")
                        && o.out().contains("IllegalStateException: boom"),
                o.out());
        Path folder = runFolder(out);
        JsonNode failed = Cli.json(folder.resolve("run.json")).get("failed");
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).get("label").asText().contains("counter=thrower"), failed.toString());
        Map<String, JsonNode> rows = rowsByCounter(folder);
        assertEquals(List.of("liar/lookup", "adder/lookup"), List.copyOf(rows.keySet()), "the others ran after it");
        JsonNode liar = rows.get("liar/lookup").get("secondaryMetrics");
        assertTrue(
                liar.get("accuracy.violations").get("score").asDouble() >= 1,
                "reads one high against an exact bound: " + liar);
        assertEquals(1, liar.get("accuracy.worst").get("score").asDouble(), liar.toString());
        assertEquals(
                0,
                rows.get("adder/lookup")
                        .get("secondaryMetrics")
                        .get("accuracy.violations")
                        .get("score")
                        .asDouble());
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(
                md.contains("counter=thrower") && md.contains("IllegalStateException: boom"),
                "the report names the failed row: " + md);
    }

    @Test
    void soakChecksAContributedCounterLikeTheBuiltIns() {
        Cli.Run o = run(
                "soak",
                "--counter-jar",
                striped.toString(),
                "--counters",
                "striped,adder",
                "--minutes",
                "0.02",
                "--interval-ms",
                "300",
                "--threads",
                "2");
        o.assertOk();
        assertTrue(o.out().contains("soak: 2 counter ids"), o.out());
        assertTrue(o.out().contains(" 0 violations"), o.out());
    }

    @Test
    void soakReportsACounterThatThrowsOrLeavesItsBoundAndGoesOn() {
        Cli.Run o = run(
                "soak",
                "--counter-jar",
                broken.toString(),
                "--counters",
                "liar,thrower,adder",
                "--minutes",
                "0.02",
                "--interval-ms",
                "300",
                "--threads",
                "2");
        assertEquals(ExitCodes.CHECK_FAILED, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("violation: liar (host): precise"), o.out());
        assertTrue(
                o.out()
                        .contains(
                                "violation: thrower (host): threw in add: IllegalStateException: boom; left out from then on"),
                o.out());
        assertTrue(!o.out().contains("violation: adder"), "the built-in beside them stays clean: " + o.out());
    }

    @Test
    void simulateCustomRunsAContributedCounter() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sim-good"));
        Cli.Run o = run(
                "simulate",
                "custom",
                "--counter-jar",
                striped.toString(),
                "--counters",
                "striped,flat",
                "--quick",
                "--ops",
                "20000",
                "--no-progress",
                "--out",
                out.toString());
        o.assertOk();
        assertTrue(o.out().contains("| striped |"), o.out());
        JsonNode rows =
                Cli.json(out.resolve("simulation.json")).get("scenarios").get(0).get("rows");
        assertEquals("striped", rows.get(0).get("counter").asText());
        assertEquals(0, rows.get(0).get("violations").asLong());
        assertEquals(0, rows.get(0).get("precise_mismatches").asLong());
        assertEquals(20000, rows.get(0).get("ops").asLong());
    }

    @Test
    void simulateReportsACounterThatThrowsOrLeavesItsBoundAndGoesOn() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sim-broken"));
        Cli.Run o = run(
                "simulate",
                "custom",
                "--counter-jar",
                broken.toString(),
                "--counters",
                "thrower,liar,flat",
                "--quick",
                "--ops",
                "20000",
                "--no-progress",
                "--out",
                out.toString());
        assertEquals(ExitCodes.CHECK_FAILED, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("| thrower | IllegalStateException: boom |"), o.out());
        JsonNode scenario =
                Cli.json(out.resolve("simulation.json")).get("scenarios").get(0);
        assertEquals("thrower", scenario.get("failed").get(0).get("counter").asText());
        JsonNode rows = scenario.get("rows");
        assertEquals(
                List.of("liar", "flat"),
                List.of(
                        rows.get(0).get("counter").asText(),
                        rows.get(1).get("counter").asText()),
                "the others ran to the end");
        assertEquals(
                20000,
                rows.get(0).get("violations").asLong(),
                "one high after every operation, against an exact bound");
        assertEquals(0, rows.get(1).get("violations").asLong());
    }

    @Test
    void theJmhPassthroughTakesContributedIds() {
        run("jmh", "--counter-jar", striped.toString(), "--", "UpdateBenchmark.inc", "-p", "counter=striped,nosuch")
                .assertOneLineError("-p counter=nosuch: unknown counter id 'nosuch' (known: atomic");
    }

    @Test
    void aJarOnlyTheCustomScenarioUsesIsRefusedElsewhere() {
        run("simulate", "rss-250", "--counter-jar", striped.toString())
                .assertOneLineError("--counter-jar applies to the custom scenario only");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "not-a-jar", "no-provider", "clash"})
    void aBadJarIsOneLineAndExitTwoForEveryCommand(String kind) throws Exception {
        Path jar;
        String expected;
        switch (kind) {
            case "missing" -> {
                jar = dir.resolve("missing.jar");
                expected = "no such file";
            }
            case "not-a-jar" -> {
                jar = Files.writeString(dir.resolve("notes.jar"), "not a zip");
                expected = "not a jar";
            }
            case "no-provider" -> {
                jar = new CounterJarBuilder().file("README.txt", "nothing here").build(dir, "empty-provider.jar");
                expected = "provides no counter";
            }
            default -> {
                jar = new CounterJarBuilder()
                        .source(
                                "c/Clash.java",
                                BROKEN.replace("package broken;", "package c;")
                                        .replace("\"liar\"", "\"ADDER\"")
                                        .replace("class Broken", "class Clash"))
                        .provider("c.Clash")
                        .build(dir, "clash.jar");
                expected = "counter id 'ADDER' clashes with the built-in 'adder'";
            }
        }
        String j = jar.toString();
        List<List<String>> commands = List.of(
                List.of("run", "--counter-jar", j, "--dry-run"),
                List.of("soak", "--counter-jar", j, "--minutes", "0.01"),
                List.of(
                        "simulate",
                        "custom",
                        "--counter-jar",
                        j,
                        "--quick",
                        "--out",
                        dir.resolve("never").toString()),
                List.of("jmh", "--counter-jar", j, "--", "UpdateBenchmark.inc"));
        for (List<String> args : commands) {
            Cli.Run o = run(new ArrayList<>(args));
            o.assertOneLineError("--counter-jar " + jar.toAbsolutePath().normalize() + ": " + expected);
        }
        assertTrue(!Files.exists(dir.resolve("never")), "nothing written");
    }
}
