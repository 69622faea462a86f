package io.counterbench.cli.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Flame graphs through JMH's built-in async-profiler integration ({@code -prof async:...}), with the native
 * library that the Maven Central artifact {@code tools.profiler:async-profiler} carries inside its jar
 * ({@code linux-x64/}, {@code linux-arm64/}, {@code macos/libasyncProfiler.so}); no separate install.
 *
 * <h2>How the sampling event is chosen ({@link #chooseEvent()})</h2>
 * <ol>
 *   <li>{@code cpu}, async-profiler's most accurate CPU sampler, when perf_events really work:
 *       {@code /proc/sys/kernel/perf_event_paranoid} exists and is at most 2, and a child JVM that loads the
 *       library collects samples of a short busy loop with the event {@code cpu-clock}. The probe names
 *       {@code cpu-clock} (the perf_events software clock that backs {@code cpu}) rather than {@code cpu}
 *       itself because async-profiler 3+ silently turns {@code cpu} into {@code ctimer} when
 *       {@code perf_event_open} fails, so samples under {@code cpu} would prove nothing. The software clock
 *       needs no hardware PMU: a VM without hardware counters (where {@code cycles} fails) can still pass.</li>
 *   <li>{@code ctimer} otherwise (containers, seccomp, paranoid 3): per-thread CPU-time timers
 *       ({@code timer_create}), accurate without perf_events; probed the same way.</li>
 *   <li>{@code itimer} last (the process-wide {@code setitimer}, coarse and biased, but works everywhere,
 *       including macOS).</li>
 * </ol>
 * The probe runs in a child JVM so that a failing perf_event_open's warnings, or a crash of the native
 * library, never reach the caller's process; the result is cached for the life of the JVM.
 */
public final class AsyncProfilerSupport {

    /** The events {@link #chooseEvent()} may return, best first. */
    public static final List<String> EVENTS = List.of("cpu", "ctimer", "itimer");

    /** The library's file name inside the jar and once extracted. */
    public static final String LIBRARY_NAME = "libasyncProfiler.so";

    /** Platform folders the pinned artifact bundles. */
    static final List<String> BUNDLED_PLATFORMS = List.of("linux-x64", "linux-arm64", "macos");

    static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    private static final long PROBE_TIMEOUT_SECONDS = 30;

    private static volatile Choice cachedChoice;

    private AsyncProfilerSupport() {}

    // --- the library --------------------------------------------------------------------------------------

    /** The class path folder holding the library for an os.name / os.arch pair, if the artifact has one. */
    static Optional<String> platformFolder(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return Optional.of("linux-x64");
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return Optional.of("linux-arm64");
            }
            return Optional.empty();
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Optional.of("macos"); // a universal binary (x64 and arm64)
        }
        return Optional.empty();
    }

    /** The resource name of this platform's library, e.g. "linux-x64/libasyncProfiler.so". */
    static String libraryResource(String osName, String osArch) {
        return platformFolder(osName, osArch)
                .map(f -> f + "/" + LIBRARY_NAME)
                .orElseThrow(() -> new UnsupportedOperationException(
                        "async-profiler " + version() + " bundles no native library for "
                                + osName + "/" + osArch + " (it has " + BUNDLED_PLATFORMS
                                + "); flame graphs need Linux x64 or arm64, or macOS"));
    }

    /** The version of the async-profiler artifact on the class path (its Maven pom.properties), or "n/a". */
    public static String version() {
        try (InputStream in = AsyncProfilerSupport.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/tools.profiler/async-profiler/pom.properties")) {
            if (in == null) {
                return Environment.NA;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", Environment.NA);
        } catch (IOException e) {
            return Environment.NA;
        }
    }

    /**
     * Copies this platform's bundled {@value #LIBRARY_NAME} out of the class path into {@code dir} (created if
     * needed) and returns its absolute path. An existing identical file is kept; a different one is replaced
     * atomically (a new inode, so a JVM that has the old one mapped is unaffected).
     *
     * @throws UnsupportedOperationException when the artifact has no library for this OS/arch
     * @throws IllegalStateException when the library is not on the class path (async-profiler jar missing)
     * @throws UncheckedIOException when {@code dir} cannot be written
     */
    public static Path extractLibrary(Path dir) {
        return extractLibrary(dir, System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static Path extractLibrary(Path dir, String osName, String osArch) {
        Objects.requireNonNull(dir, "dir");
        String resource = libraryResource(osName, osArch);
        byte[] bytes;
        try (InputStream in = AsyncProfilerSupport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path: the tools.profiler:"
                        + "async-profiler jar is missing (it is a dependency of the cli module)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
        try {
            Path target = dir.toAbsolutePath().normalize();
            Files.createDirectories(target);
            Path lib = target.resolve(LIBRARY_NAME);
            if (Files.isRegularFile(lib)
                    && Files.size(lib) == bytes.length
                    && Arrays.equals(Files.readAllBytes(lib), bytes)) {
                return lib;
            }
            Path tmp = Files.createTempFile(target, ".libasyncProfiler", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot extract async-profiler's " + LIBRARY_NAME + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    // --- the event ----------------------------------------------------------------------------------------

    /** The chosen event and why, in one line for logs and run.json. */
    public record Choice(String event, String reason) {}

    /** The best CPU sampling event that works here: "cpu", "ctimer" or "itimer" (see the class comment). */
    public static String chooseEvent() {
        return choose().event();
    }

    /** {@link #chooseEvent()} with its reason; probed once per JVM, then cached. */
    public static Choice choose() {
        Choice c = cachedChoice;
        if (c == null) {
            synchronized (AsyncProfilerSupport.class) {
                c = cachedChoice;
                if (c == null) {
                    c = probeAndChoose();
                    cachedChoice = c;
                }
            }
        }
        return c;
    }

    private static Choice probeAndChoose() {
        if (platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"))
                .isEmpty()) {
            return new Choice("itimer", "no async-profiler library for this platform; itimer is the portable default");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("counterbench-ap-probe");
            Path lib = extractLibrary(dir);
            return choose(readParanoid(PERF_EVENT_PARANOID), event -> probe(lib, event));
        } catch (IOException | RuntimeException e) {
            return new Choice(
                    "itimer", "could not probe async-profiler (" + e.getMessage() + "); itimer works everywhere");
        } finally {
            deleteQuietly(dir);
        }
    }

    /** perf_event_paranoid's value; empty when the file is absent (no perf_events: not Linux) or unreadable. */
    static Optional<Integer> readParanoid(Path file) {
        try {
            return Optional.of(Integer.parseInt(
                    Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The outcome of sampling a short busy loop with one event. */
    record ProbeResult(boolean works, String detail) {}

    /**
     * The decision, separated from the probing so that tests can drive every branch: {@code probe} samples a
     * busy loop with the given async-profiler event.
     */
    static Choice choose(Optional<Integer> paranoid, Function<String, ProbeResult> probe) {
        List<String> why = new ArrayList<>();
        if (paranoid.isEmpty()) {
            why.add("no /proc/sys/kernel/perf_event_paranoid (no perf_events)");
        } else if (paranoid.get() > 2) {
            why.add("perf_event_paranoid is " + paranoid.get() + " (> 2: perf_events closed to users)");
        } else {
            ProbeResult clock = probe.apply("cpu-clock");
            if (clock.works()) {
                return new Choice(
                        "cpu",
                        "perf_events work (perf_event_paranoid " + paranoid.get() + ", the cpu-clock probe collected "
                                + clock.detail() + ")");
            }
            why.add("perf_event_paranoid is " + paranoid.get() + " but the cpu-clock probe failed: " + clock.detail());
        }
        ProbeResult ctimer = probe.apply("ctimer");
        if (ctimer.works()) {
            return new Choice("ctimer", String.join("; ", why) + "; ctimer collected " + ctimer.detail());
        }
        why.add("ctimer failed: " + ctimer.detail());
        return new Choice("itimer", String.join("; ", why) + "; itimer is the last resort");
    }

    /** Samples a busy loop with {@code event} in a child JVM that loads {@code lib}. */
    static ProbeResult probe(Path lib, String event) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx64m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPathFor(ProbeMain.class, one.profiler.AsyncProfiler.class));
        cmd.add(ProbeMain.class.getName());
        cmd.add(lib.toString());
        cmd.add(event);
        Process p = null;
        Path log = null;
        try {
            log = Files.createTempFile("counterbench-ap-probe", ".log");
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return new ProbeResult(false, "the probe JVM did not finish in " + PROBE_TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            Optional<String> samples =
                    text.lines().filter(l -> l.startsWith(ProbeMain.SAMPLES)).findFirst();
            if (p.exitValue() == 0 && samples.isPresent()) {
                return new ProbeResult(
                        true,
                        samples.get().substring(ProbeMain.SAMPLES.length()).strip() + " samples");
            }
            return new ProbeResult(false, "exit " + p.exitValue() + ": " + lastLines(text, 3));
        } catch (IOException | UncheckedIOException e) {
            return new ProbeResult(false, "cannot run the probe JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, "interrupted");
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("WARNING:"))
                .toList();
        return lines.isEmpty()
                ? "(no output)"
                : String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String javaLauncher() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java)
                ? java.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    /** The class path entries (jars or folders) the given classes were loaded from. */
    static String classPathFor(Class<?>... classes) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                try {
                    entries.add(Path.of(cs.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // fall back to the JVM's own class path below
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // same
        }
    }

    /**
     * The child JVM's program: loads the library, samples a busy loop of up to one second with the event, and
     * prints "samples=N"; exit 0 when N > 0, 3 when no sample came, 4 when the profiler refused the event.
     */
    static final class ProbeMain {
        static final String SAMPLES = "samples=";

        private ProbeMain() {}

        public static void main(String[] args) {
            String lib = args[0];
            String event = args[1];
            one.profiler.AsyncProfiler profiler;
            try {
                profiler = one.profiler.AsyncProfiler.getInstance(lib);
                profiler.execute("start,event=" + event + ",interval=1ms");
            } catch (Throwable t) { // IllegalStateException from the profiler, or UnsatisfiedLinkError
                System.out.println("error: " + t);
                System.exit(4);
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long x = 0x9E3779B97F4A7C15L;
            long samples = 0;
            while (System.nanoTime() < deadline && samples < 20) {
                for (int i = 0; i < 200_000; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                }
                samples = profiler.getSamples();
            }
            long sink = x;
            try {
                profiler.execute("stop");
            } catch (Throwable t) {
                // samples were counted; stopping is best effort
            }
            System.out.println(SAMPLES + samples + (sink == 42 ? " " : ""));
            System.exit(samples > 0 ? 0 : 3);
        }
    }

    // --- JMH ----------------------------------------------------------------------------------------------

    /**
     * The value of JMH's {@code -prof} option for flame graphs with JMH 1.37's async profiler:
     * {@code async:libPath=<lib>;output=flamegraph;dir=<outDir>;event=<event>}. JMH writes
     * {@code <outDir>/<benchmark>-<params>/flame-<event>-forward.html} (and -reverse) per benchmark.
     *
     * @throws IllegalArgumentException when a path holds ';' (JMH's option separator) or the event is not a
     *     plain async-profiler event name
     */
    public static String jmhProfilerSpec(Path libPath, Path outDir, String event) {
        Objects.requireNonNull(libPath, "libPath");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(event, "event");
        String lib = libPath.toAbsolutePath().normalize().toString();
        String dir = outDir.toAbsolutePath().normalize().toString();
        for (String path : List.of(lib, dir)) {
            if (path.contains(";")) {
                throw new IllegalArgumentException(
                        "JMH's -prof async cannot take a path with ';' (its option " + "separator): " + path);
            }
        }
        if (!event.matches("[A-Za-z0-9_.:\\-]+")) {
            throw new IllegalArgumentException("not an async-profiler event name: '" + event + "'");
        }
        return "async:libPath=" + lib + ";output=flamegraph;dir=" + dir + ";event=" + event;
    }
}
