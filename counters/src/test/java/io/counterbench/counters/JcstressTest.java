package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs this module's jcstress tests (package io.counterbench.counters.stress) in a separate JVM,
 * the way jcstress must run: a shortened quick mode by default, fit for CI on 2 cores; jcstress's default
 * (long) mode when the system property jcstress.mode is "full" (run-bench.sh test --jcstress).
 * Fails when jcstress exits non-zero or reports a FAILED or ERROR test; the report lands in
 * target/jcstress/.
 */
class JcstressTest {
    private static final String PACKAGE = "io.counterbench.counters.stress";
    private static final List<String> TESTS = List.of(
            "TreeCarryStress", "TreeCarryBorrowStress", "FlatFlushStress", "SetAddTreeStress", "SetAddFlatStress");
    /** The flags the module's tests run with (FFM, Unsafe in the harness), for the jcstress JVMs too. */
    private static final List<String> JVM_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    @Test
    void stressTestsPass() throws IOException, InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        // every test has two actors that must run at once; a process confined to one CPU (taskset, a cpuset) cannot
        assumeTrue(cpus >= 2, "jcstress needs 2 CPUs at once; this process may use " + cpus);
        boolean full = "full".equals(System.getProperty("jcstress.mode"));
        Path dir = Path.of("target", "jcstress").toAbsolutePath();
        Files.createDirectories(dir);
        Path output = dir.resolve("output.txt");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main",
                "-t",
                PACKAGE.replace(".", "\\.") + "\\..*",
                "-r",
                dir.resolve("results").toString(),
                "-jvmArgsPrepend",
                String.join(" ", JVM_FLAGS)));
        if (full) {
            command.addAll(List.of("-m", "default"));
        } else {
            // quick mode cut to about 40 s on 2 cores: one iteration per configuration, no split
            // per-actor compilation (4 VM configurations instead of 14), still millions of samples
            command.addAll(List.of("-m", "quick", "-c", "2", "-sc", "false", "-iters", "1"));
        }
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long limitMinutes = full ? 120 : 5;
        try {
            if (!p.waitFor(limitMinutes, TimeUnit.MINUTES)) {
                fail("jcstress did not finish within " + limitMinutes + " min; see " + output);
            }
        } finally {
            // never leave jcstress or its forked VMs behind (timeout, interrupt)
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        String out = Files.readString(output);
        System.out.printf(
                "jcstress (%s mode) took %.1f s; report in %s%n",
                full ? "default" : "short quick", (System.nanoTime() - started) / 1e9, dir);
        assertEquals(0, p.exitValue(), () -> "jcstress exited with " + p.exitValue() + ":\n" + tail(out));

        // jcstress skips a test that needs more CPUs than it may use: every one must have a result page
        for (String test : TESTS) {
            assertTrue(
                    Files.isRegularFile(dir.resolve("results").resolve(PACKAGE + "." + test + ".html")),
                    () -> test + " did not run:\n" + tail(out));
        }
        assertNoMatches(out, "Failed tests");
        assertNoMatches(out, "Error tests");
        assertTrue(
                !Pattern.compile("\\[(FAILED|ERROR)\\]").matcher(out).find(),
                () -> "jcstress reported FAILED or ERROR:\n" + tail(out));
        assertTrue(new File(dir.resolve("results").toFile(), "index.html").isFile(), "no jcstress report");
    }

    /** jcstress ends with "Failed tests: No matches." (and the same for errors) when all is well. */
    private static void assertNoMatches(String out, String section) {
        Matcher m = Pattern.compile(section + ":\\s*(.*)").matcher(out);
        assertTrue(m.find(), () -> "no '" + section + "' in the jcstress summary:\n" + tail(out));
        assertTrue(m.group(1).startsWith("No matches"), () -> section + ": " + m.group(1) + "\n" + tail(out));
    }

    private static String tail(String out) {
        return out.length() <= 6000 ? out : out.substring(out.length() - 6000);
    }
}
