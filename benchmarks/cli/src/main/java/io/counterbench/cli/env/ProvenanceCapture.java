package io.counterbench.cli.env;

import io.counterbench.results.run.RunJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a run measured, for run.json's {@code provenance}: counterbench's commit and whether its
 * checkout had uncommitted changes, the SHA-256 of every jar whose code ran, and the JVM. A
 * commit that cannot be found (no git, no checkout) is recorded as unknown rather than guessed.
 */
public final class ProvenanceCapture {
    private ProvenanceCapture() {}

    /** One jar to digest, with its role in the run (cli, baseline, current, counter-jar...). */
    public record JarRole(String role, Path path) {}

    /**
     * The provenance of a run from the checkout {@code home}, digesting {@code jars}; {@code forkFlags} are the forks'
     * JVM flags.
     */
    public static RunJson.Provenance capture(Path home, List<JarRole> jars, List<String> forkFlags) {
        String commit = git(home, "rev-parse", "HEAD");
        Boolean dirty = null;
        if (commit != null) {
            String status = git(home, "status", "--porcelain", "--untracked-files=no");
            dirty = status == null ? null : !status.isBlank();
        }
        List<RunJson.Jar> digests = new ArrayList<>();
        for (JarRole j : jars) {
            digests.add(new RunJson.Jar(
                    j.role(), j.path().toAbsolutePath().normalize().toString(), sha256(j.path())));
        }
        RunJson.Jvm jvm = new RunJson.Jvm(
                System.getProperty("java.vm.version"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.home"),
                forkFlags);
        return new RunJson.Provenance(commit, dirty, digests, jvm);
    }

    /** The jar this CLI runs from (the forks of {@code run} share its class path), or null when run from classes. */
    public static Path cliJar() {
        try {
            var source = ProvenanceCapture.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** This JVM's flags (what JMH gives its forks by default). */
    public static List<String> thisJvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) {
        return io.counterbench.inputs.Digests.sha256(file);
    }

    /** git's first output line in {@code dir} (all of it for status), or null when git fails or is missing. */
    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return "status".equals(args[0]) ? text : text.strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
