package io.counterbench.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncProfilerSupportTest {

    private static boolean bundledHere() {
        return AsyncProfilerSupport.platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"))
                .isPresent();
    }

    @Test
    void extractsTheLibraryAndItLoadsAndReportsItsVersion(@TempDir Path dir) throws IOException {
        assumeTrue(bundledHere(), "no bundled library for this platform");
        Path lib = AsyncProfilerSupport.extractLibrary(dir.resolve("ap"));
        assertEquals(dir.resolve("ap").resolve("libasyncProfiler.so").toAbsolutePath(), lib);
        assertTrue(Files.size(lib) > 100_000, "size " + Files.size(lib));
        // extracting again keeps the identical file
        long modified = Files.getLastModifiedTime(lib).toMillis();
        assertEquals(lib, AsyncProfilerSupport.extractLibrary(dir.resolve("ap")));
        assertEquals(modified, Files.getLastModifiedTime(lib).toMillis());

        one.profiler.AsyncProfiler profiler = one.profiler.AsyncProfiler.getInstance(lib.toString());
        assertEquals(AsyncProfilerSupport.version(), profiler.getVersion());
        assertEquals("4.6", AsyncProfilerSupport.version());
    }

    @Test
    void platformsWithoutALibraryGetAClearError(@TempDir Path dir) {
        assertEquals(Optional.of("linux-x64"), AsyncProfilerSupport.platformFolder("Linux", "amd64"));
        assertEquals(Optional.of("linux-arm64"), AsyncProfilerSupport.platformFolder("Linux", "aarch64"));
        assertEquals(Optional.of("macos"), AsyncProfilerSupport.platformFolder("Mac OS X", "aarch64"));
        UnsupportedOperationException e = assertThrows(
                UnsupportedOperationException.class,
                () -> AsyncProfilerSupport.extractLibrary(dir, "Windows 11", "amd64"));
        assertTrue(e.getMessage().contains("Windows 11/amd64"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-x64"), e.getMessage());
        assertThrows(
                UnsupportedOperationException.class,
                () -> AsyncProfilerSupport.extractLibrary(dir, "Linux", "riscv64"));
        assertFalse(Files.exists(dir.resolve("libasyncProfiler.so")));
    }

    @Test
    void choosesAnAllowedEventOnThisMachine() {
        AsyncProfilerSupport.Choice c = AsyncProfilerSupport.choose();
        System.out.println("async-profiler event here: " + c.event() + " (" + c.reason() + ")");
        assertTrue(AsyncProfilerSupport.EVENTS.contains(c.event()), c.toString());
        assertFalse(c.reason().isBlank());
        assertEquals(c.event(), AsyncProfilerSupport.chooseEvent());
        assertSame(c, AsyncProfilerSupport.choose(), "probed once, then cached");
        if (bundledHere()
                && AsyncProfilerSupport.readParanoid(AsyncProfilerSupport.PERF_EVENT_PARANOID)
                        .filter(p -> p <= 2)
                        .isEmpty()) {
            assertFalse(c.event().equals("cpu"), "perf_events closed, yet " + c);
        }
    }

    @Test
    void theChildJvmProbeTellsAWorkingEventFromABrokenOne(@TempDir Path dir) {
        assumeTrue(bundledHere(), "no bundled library for this platform");
        Path lib = AsyncProfilerSupport.extractLibrary(dir);
        AsyncProfilerSupport.ProbeResult itimer = AsyncProfilerSupport.probe(lib, "itimer");
        assertTrue(itimer.works(), itimer.detail());
        assertTrue(itimer.detail().endsWith("samples"), itimer.detail());
        AsyncProfilerSupport.ProbeResult bogus = AsyncProfilerSupport.probe(lib, "no-such-event-xyz");
        assertFalse(bogus.works(), bogus.detail());
        AsyncProfilerSupport.ProbeResult noLib = AsyncProfilerSupport.probe(dir.resolve("missing.so"), "itimer");
        assertFalse(noLib.works(), noLib.detail());
    }

    /** A scripted probe: which events "work", recording what was asked. */
    private record Script(Map<String, Boolean> works, List<String> asked)
            implements java.util.function.Function<String, AsyncProfilerSupport.ProbeResult> {
        Script(Map<String, Boolean> works) {
            this(works, new ArrayList<>());
        }

        @Override
        public AsyncProfilerSupport.ProbeResult apply(String event) {
            asked.add(event);
            boolean ok = works.getOrDefault(event, false);
            return new AsyncProfilerSupport.ProbeResult(ok, ok ? "12 samples" : "Perf events unavailable");
        }
    }

    @Test
    void theDecisionPrefersCpuThenCtimerThenItimer() {
        Script all = new Script(Map.of("cpu-clock", true, "ctimer", true, "itimer", true));
        assertEquals("cpu", AsyncProfilerSupport.choose(Optional.of(2), all).event());
        assertEquals(List.of("cpu-clock"), all.asked());

        // paranoid 3 (Debian's "no perf for users"): perf_events are not even tried
        Script closed = new Script(Map.of("cpu-clock", true, "ctimer", true));
        AsyncProfilerSupport.Choice c = AsyncProfilerSupport.choose(Optional.of(3), closed);
        assertEquals("ctimer", c.event());
        assertEquals(List.of("ctimer"), closed.asked());
        assertTrue(c.reason().contains("perf_event_paranoid is 3"), c.reason());

        // a VM or container where perf_event_open fails although paranoid allows it
        Script noPerf = new Script(Map.of("ctimer", true));
        c = AsyncProfilerSupport.choose(Optional.of(1), noPerf);
        assertEquals("ctimer", c.event());
        assertEquals(List.of("cpu-clock", "ctimer"), noPerf.asked());
        assertTrue(c.reason().contains("cpu-clock probe failed"), c.reason());

        // no perf_event_paranoid at all, and no ctimer: itimer
        c = AsyncProfilerSupport.choose(Optional.empty(), new Script(Map.of()));
        assertEquals("itimer", c.event());
        assertTrue(c.reason().contains("no /proc/sys/kernel/perf_event_paranoid"), c.reason());
    }

    @Test
    void readsPerfEventParanoid(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("perf_event_paranoid");
        Files.writeString(f, "2\n");
        assertEquals(Optional.of(2), AsyncProfilerSupport.readParanoid(f));
        Files.writeString(f, "-1\n");
        assertEquals(Optional.of(-1), AsyncProfilerSupport.readParanoid(f));
        Files.writeString(f, "junk\n");
        assertEquals(Optional.empty(), AsyncProfilerSupport.readParanoid(f));
        assertEquals(Optional.empty(), AsyncProfilerSupport.readParanoid(dir.resolve("absent")));
    }

    @Test
    void theJmhSpecNamesLibraryFlameGraphDirectoryAndEvent() {
        String spec = AsyncProfilerSupport.jmhProfilerSpec(
                Path.of("/opt/ap/libasyncProfiler.so"), Path.of("/tmp/run/profiles"), "itimer");
        assertEquals(
                "async:libPath=/opt/ap/libasyncProfiler.so;output=flamegraph;dir=/tmp/run/profiles;event=itimer", spec);
        String relative = AsyncProfilerSupport.jmhProfilerSpec(Path.of("lib.so"), Path.of("out/../p"), "cpu");
        assertTrue(relative.contains("libPath=" + Path.of("lib.so").toAbsolutePath()), relative);
        assertTrue(relative.contains("dir=" + Path.of("p").toAbsolutePath()), relative);
        assertThrows(
                IllegalArgumentException.class,
                () -> AsyncProfilerSupport.jmhProfilerSpec(Path.of("/a;b/lib.so"), Path.of("/tmp"), "cpu"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AsyncProfilerSupport.jmhProfilerSpec(Path.of("/lib.so"), Path.of("/tmp"), "cpu;dir=/etc"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AsyncProfilerSupport.jmhProfilerSpec(Path.of("/lib.so"), Path.of("/tmp"), ""));
    }
}
