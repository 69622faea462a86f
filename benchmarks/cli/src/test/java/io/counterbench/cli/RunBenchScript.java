package io.counterbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The project's run-bench.sh (found above the working directory), started with bash for the tests of the script itself. */
final class RunBenchScript {
    private RunBenchScript() {}

    /** Exit code and stdout + stderr together. */
    record Result(int code, String output) {}

    /** run-bench.sh of this checkout. */
    static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("run-bench.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no run-bench.sh above " + System.getProperty("user.dir"));
        }
        return dir.resolve("run-bench.sh");
    }

    /** Runs {@code script args...} in {@code dir} with extra environment variables. */
    static Result run(Path script, Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(p.waitFor(), output);
    }
}
