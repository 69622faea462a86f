package io.counterbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the CLI in its own JVM (as run-bench.sh does), for tests that signal, crash or starve it. */
final class CliProcess {
    private CliProcess() {}

    static Process start(Path console, List<String> jvmArgs, String... args) throws IOException {
        return new ProcessBuilder(command(jvmArgs, List.of(args)))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
    }

    /** How a finished (or killed) process ended: exit code (-1 when killed at the timeout), stdout, stderr. */
    record Result(int code, String out, String err, boolean timedOut) {}

    /**
     * Runs the CLI in {@code cwd} with stdout and stderr kept apart (in files under {@code cwd}'s
     * parent, so the folder itself only changes by what the CLI does), killing it after {@code timeout}.
     */
    static Result run(Path cwd, Path logs, List<String> jvmArgs, Duration timeout, List<String> args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(logs, "out", ".txt");
        Path err = Files.createTempFile(logs, "err", ".txt");
        Process p = new ProcessBuilder(command(jvmArgs, args))
                .directory(cwd.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        return new Result(
                done ? p.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                !done);
    }

    /**
     * A test JVM started from a background job of a non-interactive shell (nohup, {@code cmd &})
     * inherits SIGINT ignored, and so would every CLI it starts: the JVM keeps an ignored SIGINT
     * ignored, and the signal cases would test nothing. coreutils' env (8.31 or later) resets the
     * dispositions before it execs the JVM, which keeps the pid.
     */
    private static final List<String> DEFAULT_SIGNALS = defaultSignals();

    private static List<String> defaultSignals() {
        List<String> env = List.of("env", "--default-signal=INT,TERM");
        try {
            List<String> probe = new ArrayList<>(env);
            probe.add("true");
            Process p = new ProcessBuilder(probe)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? env : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<String> command(List<String> jvmArgs, List<String> args) {
        List<String> cmd = new ArrayList<>(DEFAULT_SIGNALS);
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-Djdk.attach.allowAttachSelf",
                "-XX:+EnableDynamicAgentLoading"));
        if (System.getProperty("jmh.ignoreLock") != null) {
            // a test run told to ignore JMH's machine-wide lock passes that on to the CLI it starts
            cmd.add("-Djmh.ignoreLock=" + System.getProperty("jmh.ignoreLock"));
        }
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return cmd;
    }
}
