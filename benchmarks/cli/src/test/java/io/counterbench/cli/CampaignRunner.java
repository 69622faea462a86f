package io.counterbench.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs campaign cases, in-process through {@link Main#execute} or as a separate JVM, and says what
 * is wrong with each answer: not exit 2, not exactly one "error:" line on stderr, a stack trace or
 * a Java class name in it, no answer in time, or a file written or changed (in the case's folder,
 * the shared inputs, the project home or the working directory).
 */
final class CampaignRunner {
    /** A Java exception or error class, or a package-qualified JDK or library name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.xml|org\\.apache|picocli)\\.[a-z]");

    private static final Pattern STACK = Pattern.compile("\\n\\s*at [\\w$.]+\\(|\\tat ");

    /** How a case ended and what is wrong with it (empty when nothing). */
    record Outcome(CampaignCase c, int code, String out, String err, List<String> problems, long millis) {
        String report() {
            return c + "\n      exit " + code + ", " + problems + "\n      stderr: " + abbreviate(err)
                    + (out.isBlank() ? "" : "\n      stdout: " + abbreviate(out));
        }
    }

    private final Path root;
    private final Path shared;
    private final Path home;
    private final Duration timeout;
    private ExecutorService pool = newPool();

    CampaignRunner(Path root, Path shared, Path home, Duration timeout) {
        this.root = root;
        this.shared = shared;
        this.home = home;
        this.timeout = timeout;
    }

    /** Runs a case in this JVM (its own folder, a thread with a timeout); checks it as bad input when {@code bad}. */
    Outcome inProcess(int n, CampaignCase c, boolean bad) {
        Path dir = prepare("case-" + n, c);
        List<String> args = c.resolve(dir, shared);
        Map<String, String> before = snapshot(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        Future<Integer> f = pool.submit(() ->
                Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)));
        int code;
        boolean hung = false;
        try {
            code = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            hung = true;
            code = -1;
            f.cancel(true);
            release(dir);
            pool.shutdownNow();
            pool = newPool();
        } catch (Exception e) {
            code = -2;
            err.append("campaign: the CLI threw ").append(String.valueOf(e.getCause()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> problems = bad ? problems(code, err.toString(), hung, before, snapshot(dir)) : List.of();
        return new Outcome(c, code, out.toString(), err.toString(), problems, millis);
    }

    /** Runs a case in a new JVM (heap capped at 256 MB, so an unbounded read shows as a crash), in the case's folder. */
    Outcome subprocess(int n, CampaignCase c) {
        Path dir = prepare("sub-" + n, c);
        List<String> args = c.resolve(dir, shared);
        Map<String, String> before = snapshot(dir);
        long start = System.nanoTime();
        try {
            Path logs = Files.createDirectories(root.resolve("logs"));
            CliProcess.Result r = CliProcess.run(
                    dir, logs, List.of("-Xmx256m", "-Dcounterbench.home=" + home), timeout.plusSeconds(30), args);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(
                    c,
                    r.code(),
                    r.out(),
                    r.err(),
                    problems(r.code(), r.err(), r.timedOut(), before, snapshot(dir)),
                    millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void close() {
        pool.shutdownNow();
    }

    private Path prepare(String name, CampaignCase c) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
            for (CampaignCase.Step s : c.files()) {
                s.make(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up " + c, e);
        }
        return dir;
    }

    static List<String> problems(
            int code, String stderr, boolean hung, Map<String, String> before, Map<String, String> after) {
        List<String> p = new ArrayList<>();
        if (hung) {
            p.add("no answer in time (a hang)");
        }
        if (code != ExitCodes.BAD_INPUT && !hung) {
            p.add("exit " + code + ", not 2");
        }
        String err = stderr.strip();
        long lines = err.lines().count();
        if (lines != 1) {
            p.add(lines + " lines on stderr, not 1");
        }
        if (!err.startsWith("error:")) {
            p.add("stderr does not start with 'error:'");
        }
        if (STACK.matcher(stderr).find()) {
            p.add("a stack trace");
        }
        if (JAVA_NAME.matcher(err).find()) {
            p.add("a Java class name: "
                    + JAVA_NAME
                            .matcher(err)
                            .results()
                            .map(m -> m.group())
                            .findFirst()
                            .orElse(""));
        }
        if (!before.equals(after)) {
            List<String> changed = new ArrayList<>();
            after.forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    changed.add(k);
                }
            });
            before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> changed.add(k + " (removed)"));
            p.add("files written or changed: " + changed);
        }
        return p;
    }

    /** Every entry under the case folder, the shared inputs and the home, and the working directory's own entries. */
    private Map<String, String> snapshot(Path dir) {
        Map<String, String> m = new TreeMap<>();
        walk(dir, "case", m);
        walk(shared, "shared", m);
        walk(home, "home", m);
        Path cwd = Path.of("").toAbsolutePath();
        try (Stream<Path> s = Files.list(cwd)) {
            s.forEach(p -> m.put("cwd/" + p.getFileName(), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static void walk(Path top, String label, Map<String, String> m) {
        try (Stream<Path> s = Files.walk(top)) {
            s.forEach(p -> m.put(label + "/" + top.relativize(p), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kind, size and time of a file; folders count by their entries, not their times. */
    private static String describe(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                return "d";
            }
            if (a.isSymbolicLink()) {
                return "l:" + Files.readSymbolicLink(p);
            }
            return (a.isRegularFile() ? "f:" : "o:") + a.size() + "@"
                    + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Opens every fifo of a hung case for writing, so a reader stuck on it gets end-of-file and its thread ends. */
    private static void release(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p) || Files.isDirectory(p) || Files.isSymbolicLink(p)) {
                    continue;
                }
                Thread t = new Thread(() -> {
                    try (FileOutputStream w = new FileOutputStream(p.toFile())) {
                        w.flush();
                    } catch (IOException e) {
                        // nothing was waiting on it
                    }
                });
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "campaign-case");
            t.setDaemon(true);
            return t;
        });
    }

    private static String abbreviate(String s) {
        String one = s.strip().replace("\n", "\\n");
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }
}
