package io.counterbench.cli.ab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns what the user passed as --baseline or --current into a {@link Version}: a path to a built
 * benchmarks.jar is used as it is (once checked to be counterbench's); anything else is a git
 * revision of the repository, resolved with git rev-parse and built from exactly that commit's
 * files (git archive into a folder of its own, then the Maven wrapper of that commit), the
 * resulting benchmarks.jar cached by commit under {@code cache}/COMMIT/, so a commit is built
 * once. A revision that does not resolve or does not build is bad input.
 */
public final class VersionResolver {
    /** Minutes a build of one commit may take. */
    static final long BUILD_MINUTES = 30;

    private final Path repo;
    private final Path cache;
    private final Path javaHome;
    private final PrintWriter log;

    public VersionResolver(Path repo, Path cache, Path javaHome, PrintWriter log) {
        this.repo = repo;
        this.cache = cache;
        this.javaHome = javaHome;
        this.log = log;
    }

    /** The default cache: $XDG_CACHE_HOME/counterbench/ab, else ~/.cache/counterbench/ab. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("counterbench").resolve("ab");
    }

    public Version resolve(String given, String option) {
        String g = given.strip();
        if (g.isEmpty()) {
            throw new IllegalArgumentException(
                    option + " is empty: give a git revision (HEAD~1, main, a commit) or a benchmarks.jar");
        }
        Path asPath = Path.of(g);
        if (g.endsWith(".jar") || Files.isRegularFile(asPath)) {
            BenchmarkJar.read(asPath, option);
            return new Version(g, null, asPath.toAbsolutePath().normalize());
        }
        String commit = revParse(g, option);
        Path jar = cache.resolve(commit).resolve("benchmarks.jar");
        String damage = Files.isRegularFile(jar) ? CachedJar.problem(jar) : null;
        if (damage != null) {
            Path aside = CachedJar.setAside(jar);
            log.println("ab: the cached build of " + g + " (" + commit.substring(0, 10) + ") is damaged (" + damage
                    + "); set aside as " + aside.getFileName() + ", building it again");
            log.flush();
        }
        if (!Files.isRegularFile(jar)) {
            build(g, commit, option);
        }
        BenchmarkJar.read(jar, option + " " + g + " built as");
        return new Version(g, commit, jar);
    }

    private String revParse(String rev, String option) {
        if (rev.startsWith("-")) {
            throw new IllegalArgumentException(option + " '" + rev + "' is not a git revision or a .jar file");
        }
        Result r = run(repo, List.of("git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"), null, 60);
        if (r.code != 0 || r.output.isBlank()) {
            Result top = run(repo, List.of("git", "rev-parse", "--show-toplevel"), null, 60);
            if (top.code != 0) {
                throw new IllegalArgumentException(option + " '" + rev + "': " + repo
                        + " is not a git repository, and '" + rev + "' is not a .jar file");
            }
            throw new IllegalArgumentException(option + " '" + rev + "' is not a commit of " + top.output.strip()
                    + " (git rev-parse found nothing) nor a .jar file");
        }
        return r.output.strip();
    }

    /** Builds {@code commit} into cache/COMMIT/benchmarks.jar; one build per commit at a time (a file lock). */
    private void build(String rev, String commit, String option) {
        try {
            Files.createDirectories(cache);
            sweep();
            Path lockFile = cache.resolve(commit + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Path done = cache.resolve(commit).resolve("benchmarks.jar");
                if (Files.isRegularFile(done) && CachedJar.whole(done)) {
                    return; // another ab built it while we waited
                }
                Path work = cache.resolve(commit + ".build");
                Path tar = cache.resolve(commit + ".tar");
                try {
                    buildLocked(rev, commit, option, work, tar);
                } finally {
                    removeLeftovers(work, tar); // a failed or interrupted build leaves nothing behind
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot build " + rev + " in the cache " + cache + ": " + io.counterbench.inputs.IoReasons.of(e),
                    e);
        }
    }

    private void buildLocked(String rev, String commit, String option, Path work, Path tar) throws IOException {
        deleteTree(work);
        Files.createDirectories(work);
        Path logFile = cache.resolve(commit + ".build.log");
        log.println("building " + rev + " (" + commit.substring(0, 10) + ") in " + work + " (log: " + logFile + ")...");
        log.flush();
        long start = System.nanoTime();
        Files.deleteIfExists(tar);
        Result a = run(repo, List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), null, 300);
        if (a.code != 0) {
            throw new IllegalArgumentException(
                    option + " " + rev + ": git archive of " + commit + " failed: " + firstLine(a.output));
        }
        Result x = run(work, List.of("tar", "-xf", tar.toString()), null, 300);
        Files.deleteIfExists(tar);
        if (x.code != 0) {
            throw new IllegalArgumentException(
                    option + " " + rev + ": cannot unpack its files: " + firstLine(x.output));
        }
        if (!Files.isRegularFile(work.resolve("mvnw"))) {
            throw new IllegalArgumentException(option + " " + rev + " (" + commit.substring(0, 10)
                    + ") does not build: it has no Maven wrapper (mvnw)");
        }
        List<String> cmd =
                new ArrayList<>(List.of("bash", "./mvnw", "-B", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true"));
        String module = BenchModule.dir(work);
        if (module != null) {
            cmd.addAll(List.of("-pl", module, "-am"));
        }
        cmd.add("package");
        Result b = run(work, cmd, logFile, BUILD_MINUTES * 60);
        Path built = findJar(work);
        if (b.code != 0 || built == null) {
            deleteTree(work);
            String why = b.output
                    .lines()
                    .filter(l -> l.startsWith("[ERROR]"))
                    .map(l -> l.substring(7).strip())
                    .filter(l -> !l.isEmpty())
                    .findFirst()
                    .orElse(firstLine(b.output));
            throw new IllegalArgumentException(option + " " + rev + " (" + commit.substring(0, 10) + ") does not build"
                    + (b.code == 0 ? ": the build left no benchmarks.jar" : ": " + why) + " (full log: " + logFile
                    + ")");
        }
        Path dir = cache.resolve(commit);
        Files.createDirectories(dir);
        io.counterbench.results.util.AtomicFile.copy(built, dir.resolve("benchmarks.jar")); // fsynced before the rename
        Files.move(logFile, dir.resolve("build.log"), StandardCopyOption.REPLACE_EXISTING);
        log.printf("built %s in %.0f s: %s%n", rev, (System.nanoTime() - start) / 1e9, dir.resolve("benchmarks.jar"));
        log.flush();
    }

    /** The module's target/benchmarks.jar ({@link BenchModule}), or wherever an older commit's layout put it. */
    private static Path findJar(Path work) throws IOException {
        Path split = BenchModule.jar(work);
        if (Files.isRegularFile(split)) {
            return split;
        }
        try (Stream<Path> s = Files.walk(work, 4)) {
            return s.filter(p -> p.getFileName().toString().equals("benchmarks.jar")
                            && p.getParent().getFileName().toString().equals("target"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Result(int code, String output) {}

    private Result run(Path dir, List<String> cmd, Path logFile, long seconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            if (javaHome != null) {
                pb.environment().put("JAVA_HOME", javaHome.toString());
            }
            String opts = pb.environment().getOrDefault("MAVEN_OPTS", "");
            // a Maven build ends with ab, SIGKILL included (it would otherwise write on into the cache)
            pb.environment()
                    .put("MAVEN_OPTS", (opts + " " + io.counterbench.cli.watch.ParentWatchJar.jvmArg()).strip());
            Path out = logFile != null ? logFile : Files.createTempFile("counterbench-ab", ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + String.join(" ", cmd));
            }
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (logFile == null) {
                Files.deleteIfExists(out);
            }
            return new Result(finished ? p.exitValue() : 124, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.getFirst() + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }

    /**
     * Leftovers of builds that a killed ab left behind (COMMIT.build/, COMMIT.tar): removed when no build
     * holds their lock.
     */
    private void sweep() {
        try (Stream<Path> s = Files.list(cache)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".build") && !name.endsWith(".tar")) {
                    continue;
                }
                Path lockFile = cache.resolve(name.substring(0, name.lastIndexOf('.')) + ".lock");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock l = ch.tryLock()) {
                    if (l != null) {
                        removeLeftovers(name.endsWith(".build") ? p : null, name.endsWith(".tar") ? p : null);
                    }
                } catch (IOException | java.nio.channels.OverlappingFileLockException busy) {
                    // a build in this or another process: its own to clean
                }
            }
        } catch (IOException ignored) {
            // an unreadable cache fails where it is used, with its own line
        }
    }

    private static void removeLeftovers(Path work, Path tar) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                if (work != null) {
                    deleteTree(work);
                }
                if (tar != null) {
                    Files.deleteIfExists(tar);
                }
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200); // a dying Maven may still be writing
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
