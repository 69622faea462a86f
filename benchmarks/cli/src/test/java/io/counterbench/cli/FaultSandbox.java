package io.counterbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the fault campaign makes its faults: a small tmpfs (a full disk) or a read-only one,
 * mounted in a mount namespace of the command's own (unshare -m as root, unshare -rm as a user
 * where the kernel allows it), so nothing outside the test sees it and it goes with the command.
 * What the command left on it is copied out before the namespace ends. {@link #unavailable} says
 * why not, where neither works (the tests are then skipped with that reason).
 */
final class FaultSandbox {
    private static final String SCRIPT = """
            mnt=$1; size=$2; ro=$3; copy=$4; out=$5; err=$6; shift 6
            mount -t tmpfs -o size="$size" tmpfs "$mnt" || exit 97
            if [ "$ro" = 1 ]; then mount -o remount,ro "$mnt" || exit 97; fi
            "$@" >"$out" 2>"$err"
            rc=$?
            cp -a "$mnt"/. "$copy"/ 2>/dev/null
            exit $rc
            """;
    private static final String UNAVAILABLE = probe();

    /** How a command in the sandbox ended; {@code left} is a copy of what it left on the tmpfs. */
    record Result(int code, String out, String err, Path left, double seconds) {
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }
    }

    private FaultSandbox() {}

    /** Why no tmpfs can be mounted here, or null when it can. */
    static String unavailable() {
        return UNAVAILABLE;
    }

    private static List<String> unshare() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root
                ? List.of("unshare", "-m", "--propagation", "private")
                : List.of("unshare", "-r", "-m", "--propagation", "private");
    }

    private static String probe() {
        try {
            Path dir = Files.createTempDirectory("counterbench-sandbox");
            Path mnt = Files.createDirectories(dir.resolve("mnt"));
            Path copy = Files.createDirectories(dir.resolve("copy"));
            List<String> cmd = new ArrayList<>(unshare());
            cmd.addAll(List.of(
                    "sh",
                    "-c",
                    SCRIPT,
                    "sh",
                    mnt.toString(),
                    "64k",
                    "0",
                    copy.toString(),
                    dir.resolve("o").toString(),
                    dir.resolve("e").toString(),
                    "sh",
                    "-c",
                    "echo x > \"$0\"/probe",
                    mnt.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log").toFile())
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unshare did not answer in 20 s";
            }
            String log =
                    Files.readString(dir.resolve("log"), StandardCharsets.UTF_8).strip();
            boolean ok = p.exitValue() == 0 && Files.isRegularFile(copy.resolve("probe"));
            deleteTree(dir);
            return ok
                    ? null
                    : "cannot mount a tmpfs in a private mount namespace here (unshare exit " + p.exitValue()
                            + (log.isEmpty()
                                    ? ""
                                    : ": " + log.lines().findFirst().orElse("")) + ")";
        } catch (IOException e) {
            return "cannot run unshare (util-linux): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Runs the CLI with {@code args} (in which "@MNT" stands for the tmpfs) on a tmpfs of {@code size}. */
    static Result cli(Path work, String size, boolean readOnly, Duration timeout, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        Path mnt = Files.createDirectories(work.resolve("mnt"));
        Path copy = Files.createDirectories(work.resolve("left"));
        List<String> resolved =
                Stream.of(args).map(a -> a.replace("@MNT", mnt.toString())).toList();
        List<String> cmd = new ArrayList<>(unshare());
        cmd.addAll(List.of(
                "sh",
                "-c",
                SCRIPT,
                "sh",
                mnt.toString(),
                size,
                readOnly ? "1" : "0",
                copy.toString(),
                work.resolve("stdout.txt").toString(),
                work.resolve("stderr.txt").toString()));
        cmd.addAll(CliProcess.command(jvmArgs, resolved));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("sandbox.txt").toFile())
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError("no answer in " + timeout + ": " + String.join(" ", args));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() == 97) {
            throw new AssertionError(
                    "the tmpfs could not be mounted: " + Files.readString(work.resolve("sandbox.txt")));
        }
        return new Result(
                p.exitValue(), read(work.resolve("stdout.txt")), read(work.resolve("stderr.txt")), copy, seconds);
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
