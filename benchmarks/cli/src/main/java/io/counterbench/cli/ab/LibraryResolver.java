package io.counterbench.cli.ab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Revisions of a counter library's own git repository ({@code ab --repo DIR --build CMD --jar PATH}):
 * each revision is resolved in that repository (never in counterbench's checkout), built from a
 * clean copy of exactly that commit with the library's own build command, and the counter jar it
 * makes is kept in ab's cache by commit (under lib-KEY/, KEY a digest of the command and the jar's
 * path, so a changed recipe never reuses an old jar). A revision that does not resolve or does
 * not build is bad input, one line naming the log.
 */
public final class LibraryResolver {
    /** Minutes one build may take. */
    static final long BUILD_MINUTES = 30;

    private final Path repo;
    private final String build;
    private final Path jar;
    private final Path cache;
    private final PrintWriter log;

    /**
     * A library revision, resolved and built: what the user gave, its commit, the repository and the cached counter
     * jar.
     */
    public record Built(String given, String commit, Path repo, Path jar) {
        /** "origin/main (3f2a1bc0de) of /src/mylib". */
        public String describe() {
            return given + " (" + commit.substring(0, Math.min(10, commit.length())) + ") of " + repo;
        }
    }

    public LibraryResolver(Path repo, String build, Path jar, Path cache, PrintWriter log) {
        this.repo = repo.toAbsolutePath().normalize();
        this.build = build;
        this.jar = jar;
        this.cache = cache;
        this.log = log;
    }

    /** Checks the recipe before anything runs: a git repository, a command, a relative jar path inside it. */
    public void check() {
        if (!Files.isDirectory(repo)) {
            throw new IllegalArgumentException("--repo " + repo + ": no such folder");
        }
        if (git("rev-parse", "--show-toplevel").code() != 0) {
            throw new IllegalArgumentException("--repo " + repo + ": not a git repository");
        }
        if (build == null || build.isBlank()) {
            throw new IllegalArgumentException(
                    "--build is empty: give the command that builds the counter jar, e.g. 'mvn -q package'");
        }
        if (jar == null
                || jar.isAbsolute()
                || jar.normalize().startsWith("..")
                || jar.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--jar '" + jar + "': give the built jar's path relative to the repository's root, "
                            + "e.g. target/my-counter.jar");
        }
    }

    /** Whether the repository has uncommitted changes to tracked files (they are never measured). */
    public boolean dirty() {
        Out o = git("status", "--porcelain", "--untracked-files=no");
        return o.code() == 0 && !o.text().isBlank();
    }

    /** Resolves {@code rev} in the library's repository and builds it (or takes the cached jar). */
    public Built resolve(String rev, String option) {
        String r = rev.strip();
        if (r.isEmpty() || r.startsWith("-")) {
            throw new IllegalArgumentException(option + " '" + rev + "': give a git revision of " + repo);
        }
        Out c = git("rev-parse", "--verify", "--quiet", r + "^{commit}");
        if (c.code() != 0 || c.text().isBlank()) {
            throw new IllegalArgumentException(
                    option + " '" + rev + "' is not a commit of " + repo + " (git rev-parse found nothing)");
        }
        String commit = c.text().strip();
        Path dir = cache.resolve("lib-" + recipeKey()).resolve(commit);
        Path done = dir.resolve(jar.getFileName().toString());
        if (!readable(done)) {
            build(r, commit, dir, done, option);
        }
        return new Built(r, commit, repo, done);
    }

    private void build(String rev, String commit, Path dir, Path done, String option) {
        Path parent = dir.getParent();
        Path work = parent.resolve(commit + ".build");
        Path logFile = parent.resolve(commit + ".build.log");
        try {
            Files.createDirectories(parent);
            try (FileChannel ch = FileChannel.open(
                            parent.resolve(commit + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                if (readable(done)) {
                    return; // another ab built it while we waited
                }
                try {
                    buildLocked(rev, commit, work, logFile, done, option);
                } finally {
                    Builds.deleteTree(work); // a failed or interrupted build leaves no copy behind
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot build " + rev + " of " + repo + " in the cache " + parent + ": " + e.getMessage(), e);
        }
    }

    private void buildLocked(String rev, String commit, Path work, Path logFile, Path done, String option)
            throws IOException {
        Builds.deleteTree(work);
        Files.createDirectories(work);
        String shortCommit = commit.substring(0, 10);
        log.println("building " + rev + " (" + shortCommit + ") of " + repo + " with '" + build + "' (log: " + logFile
                + ")...");
        log.flush();
        long start = System.nanoTime();
        Builds.unpack(repo, commit, work, option + " " + rev);
        int code = Builds.run(work, List.of("bash", "-c", build), logFile, BUILD_MINUTES * 60);
        Path built = work.resolve(jar);
        if (code != 0 || !Files.isRegularFile(built)) {
            throw new IllegalArgumentException(
                    option + " " + rev + " (" + shortCommit + ") of " + repo + " does not build"
                            + (code == 0 ? ": '" + build + "' left no " + jar : ": '" + build + "' exited " + code)
                            + " (full log: " + logFile + ")");
        }
        Files.createDirectories(done.getParent());
        Builds.copyDurably(built, done);
        Files.move(logFile, done.resolveSibling("build.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log.printf("built %s of %s in %.0f s: %s%n", rev, repo, (System.nanoTime() - start) / 1e9, done);
        log.flush();
    }

    /** The first 12 hex digits of SHA-256(build command, NUL, jar path). */
    String recipeKey() {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest((build + "\0" + jar).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A cached jar that reads as a zip (a cut-short one is built again). */
    private static boolean readable(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.size() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private record Out(int code, String text) {}

    private Out git(String... args) {
        try {
            Process p = new ProcessBuilder(concat(List.of("git", "-C", repo.toString()), args))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Out(124, text);
            }
            return new Out(p.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git");
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new java.util.ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }
}
