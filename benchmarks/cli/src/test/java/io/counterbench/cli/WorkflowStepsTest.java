package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell steps of .github/workflows/bench.yml's trends job, run in order as a runner would run
 * them (bash -e, each step's GITHUB_ENV lines in the next steps' environment, `uses:` steps
 * skipped), with ./run-bench.sh standing for this build's CLI. One change to what the workflow
 * says: the run is cut to a smoke run of one row, so that the test takes seconds; every other word
 * of every step runs as written. A step that fails (say, an export into a folder nobody made)
 * fails the test.
 */
class WorkflowStepsTest {
    static final Path REPO = RunBenchScript.find().getParent();

    @Test
    void theTrendsJobsShellStepsRunInOrder(@TempDir Path work) throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory())
                .readTree(REPO.resolve(".github/workflows/bench.yml").toFile())
                .path("jobs")
                .path("trends");
        assertTrue(job.isObject(), "bench.yml has a trends job");
        Path shim = work.resolve("run-bench.sh");
        Files.writeString(shim, """
                #!/usr/bin/env bash
                # the CLI as run-bench.sh runs it, its run cut to one smoke row
                args=("$@")
                if [ "$1" = run ]; then
                  args=()
                  for a in "$@"; do [ "$a" = quick ] && a=smoke; args+=("$a"); done
                  args+=(--benchmarks 'UpdateBenchmark.inc$' --counters atomic --threads 1)
                fi
                exec "%s" %s -cp "%s" io.counterbench.cli.Main "${args[@]}"
                """.formatted(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                "--enable-native-access=ALL-UNNAMED -Djdk.attach.allowAttachSelf -XX:+EnableDynamicAgentLoading "
                        + "--sun-misc-unsafe-memory-access=allow -XX:+UseParallelGC -Dcounterbench.home=" + work,
                System.getProperty("java.class.path")));
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path githubEnv = Files.createFile(work.resolve("github-env"));
        Path summary = Files.createFile(work.resolve("step-summary"));
        List<String> ran = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            if (!step.has("run")) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("GITHUB_ENV", githubEnv.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            for (String line : Files.readAllLines(githubEnv)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            String name = step.path("name").asText("(unnamed)");
            if (step.has("if")
                    && step.get("if").asText().contains("env.RUN != ''")
                    && env.getOrDefault("RUN", "").isEmpty()) {
                continue;
            }
            ProcessBuilder pb = new ProcessBuilder(
                            "bash", "-e", "-c", step.get("run").asText())
                    .directory(work.toFile())
                    .redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "step '" + name + "' failed:\n" + out);
            ran.add(name);
        }
        assertTrue(ran.size() >= 3, "the run, finding its folder and the export: " + ran);
        String run = Files.readAllLines(githubEnv).stream()
                .filter(l -> l.startsWith("RUN="))
                .findFirst()
                .orElseThrow()
                .substring(4);
        assertTrue(
                Files.isRegularFile(work.resolve(run).resolve("jmh.json")),
                "the run folder the later steps read: " + run);
        assertTrue(
                Files.isRegularFile(work.resolve("bench-export/bench.json")), "the export the benchmark action reads");
    }
}
