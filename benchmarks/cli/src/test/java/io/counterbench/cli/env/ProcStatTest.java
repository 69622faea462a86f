package io.counterbench.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTest {

    static String fixture(String name) {
        try (InputStream in = ProcStatTest.class.getResourceAsStream("/procstat/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcStat.Delta delta(String start, String end) {
        return ProcStat.between(ProcStat.parse(fixture(start)), ProcStat.parse(fixture(end)));
    }

    static void assertPercentagesAddUpTo100(ProcStat.Delta d) {
        double sum = d.userPercent()
                + d.nicePercent()
                + d.systemPercent()
                + d.idlePercent()
                + d.iowaitPercent()
                + d.irqPercent()
                + d.softirqPercent()
                + d.stealPercent()
                + d.guestPercent()
                + d.guestNicePercent();
        assertEquals(100.0, sum, 1e-9);
    }

    @Test
    void parsesTheAggregateAndEveryCpuLineAndIgnoresTheRest() {
        ProcStat s = ProcStat.parse(fixture("baremetal-start.txt"));
        assertTrue(s.available());
        assertEquals(new ProcStat.CpuTimes(100000, 200, 30000, 800000, 1000, 0, 500, 0, 0, 0, 10), s.aggregate());
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(s.perCpu().keySet()));
        assertEquals(25000, s.perCpu().get(3).user());
    }

    @Test
    void bareMetalPairHasNoGuestAndPlainPercentages() {
        ProcStat.Delta d = delta("baremetal-start.txt", "baremetal-end.txt");
        assertTrue(d.available());
        assertEquals(190, d.user());
        assertEquals(0, d.nice());
        assertEquals(17, d.system());
        assertEquals(191, d.idle());
        assertEquals(1, d.iowait());
        assertEquals(1, d.softirq());
        assertEquals(0, d.guest());
        assertEquals(0, d.guestNice());
        assertEquals(0, d.steal());
        assertEquals(400, d.total());
        assertEquals(47.5, d.userPercent(), 1e-9);
        assertEquals(4.25, d.systemPercent(), 1e-9);
        assertEquals(47.75, d.idlePercent(), 1e-9);
        assertEquals(0.25, d.iowaitPercent(), 1e-9);
        assertEquals(0.0, d.stealPercent());
        assertEquals(0.0, d.guestPercent());
        assertFalse(d.noisyVm());
        assertPercentagesAddUpTo100(d);
        assertEquals(
                List.of(
                        new ProcStat.CpuBusy(0, 95.0),
                        new ProcStat.CpuBusy(1, 95.0),
                        new ProcStat.CpuBusy(2, 15.0),
                        new ProcStat.CpuBusy(3, 3.0)),
                d.perCpuBusy());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void userExcludesGuestAndNiceExcludesGuestNiceExactly() {
        ProcStat start = ProcStat.parse(fixture("kvm-host-start.txt"));
        ProcStat end = ProcStat.parse(fixture("kvm-host-end.txt"));
        ProcStat.Delta d = ProcStat.between(start, end);
        long rawUser = end.aggregate().user() - start.aggregate().user();
        long rawNice = end.aggregate().nice() - start.aggregate().nice();
        assertEquals(3000, rawUser);
        assertEquals(2000, d.guest());
        assertEquals(100, d.guestNice());
        assertEquals(rawUser - d.guest(), d.user());
        assertEquals(1000, d.user());
        assertEquals(rawNice - d.guestNice(), d.nice());
        assertEquals(100, d.nice());
        // guest is counted once: the total is the raw sum of the first eight fields
        assertEquals(end.aggregate().total() - start.aggregate().total(), d.total());
        assertEquals(4765, d.total());
        assertEquals(100.0 * 1000 / 4765, d.userPercent(), 1e-9);
        assertEquals(100.0 * 2000 / 4765, d.guestPercent(), 1e-9);
        assertPercentagesAddUpTo100(d);
        assertEquals(0, d.perCpuBusy().get(0).cpu());
        assertEquals(100.0 * 2008 / 2428, d.perCpuBusy().get(0).busyPercent(), 1e-9);
        assertEquals(100.0 * 1707 / 2337, d.perCpuBusy().get(1).busyPercent(), 1e-9);
    }

    @Test
    void userBelowGuestGrowthIsClampedAtZeroLikeMpstat() {
        // guest grew by more than user between the samples (the two are updated separately)
        ProcStat a = ProcStat.parse("cpu  1000 0 0 100 0 0 0 0 500 0\n");
        ProcStat b = ProcStat.parse("cpu  1100 0 0 200 0 0 0 0 650 0\n");
        ProcStat.Delta d = ProcStat.between(a, b);
        assertEquals(0, d.user());
        assertEquals(150, d.guest());
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("user")),
                d.warnings().toString());
    }

    @Test
    void stealIsReportedAndMarksANoisyVm() {
        ProcStat.Delta d = delta("steal-start.txt", "steal-end.txt");
        assertEquals(20, d.steal());
        assertEquals(120, d.user());
        assertEquals(200, d.total());
        assertEquals(10.0, d.stealPercent(), 1e-9);
        assertEquals(60.0, d.userPercent(), 1e-9);
        assertEquals(20.0, d.idlePercent(), 1e-9);
        assertTrue(d.noisyVm());
        assertPercentagesAddUpTo100(d);
        // steal counts as busy: the vCPU wanted to run
        assertEquals(List.of(new ProcStat.CpuBusy(0, 90.0), new ProcStat.CpuBusy(1, 70.0)), d.perCpuBusy());
    }

    @Test
    void oneStealJiffyInAHundredIsNotYetNoisy() {
        ProcStat a = ProcStat.parse("cpu  0 0 0 0 0 0 0 0 0 0\n");
        ProcStat b = ProcStat.parse("cpu  50 0 0 49 0 0 0 1 0 0\n");
        assertEquals(1.0, ProcStat.between(a, b).stealPercent(), 1e-9);
        assertFalse(ProcStat.between(a, b).noisyVm());
    }

    @Test
    void oldKernelLinesWithFewerFieldsReadTheMissingOnesAsZero() {
        ProcStat s = ProcStat.parse(fixture("old-kernel-2.6.9.txt"));
        assertEquals(7, s.aggregate().fields());
        assertEquals(0, s.aggregate().steal());
        assertEquals(0, s.aggregate().guest());
        assertEquals(0, s.aggregate().guestNice());
        assertEquals(456, s.aggregate().softirq());
        ProcStat.Delta d = delta("old-kernel-2.6.9.txt", "old-kernel-2.6.9-later.txt");
        assertEquals(100, d.user());
        assertEquals(10, d.system());
        assertEquals(90, d.idle());
        assertEquals(200, d.total());
        assertEquals(0, d.steal());
        assertEquals(List.of(new ProcStat.CpuBusy(0, 55.0), new ProcStat.CpuBusy(1, 55.0)), d.perCpuBusy());

        ProcStat linux24 = ProcStat.parse("cpu  1 2 3 4\ncpu0 1 2 3 4\n");
        assertEquals(4, linux24.aggregate().fields());
        assertEquals(0, linux24.aggregate().iowait());
        assertEquals(10, linux24.aggregate().total());
    }

    @Test
    void fieldsAFutureKernelAppendsAreIgnored() {
        ProcStat s = ProcStat.parse("cpu  1 2 3 4 5 6 7 8 0 0 99 98\n");
        assertEquals(10, s.aggregate().fields());
        assertEquals(8, s.aggregate().steal());
    }

    @Test
    void aTruncatedFileIsRejectedNamingTheLine() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(fixture("truncated.txt")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'cpu1 50 0'"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageIsRejectedNamingTheLineAndTheField() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(fixture("garbage.txt")));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("system is 'x56'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("hello\nworld\n"));
        assertTrue(e.getMessage().contains("no aggregate 'cpu' line"), e.getMessage());
        assertTrue(e.getMessage().contains("hello"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(""));
        assertTrue(e.getMessage().contains("no aggregate 'cpu' line"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("cpu 1 2 3 4\ncpuX 1 2 3 4\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("cpuX"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("cpu 1 2 3 4\ncpu 1 2 3 4\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("second"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("cpu 1 -2 3 4\n"));
        assertTrue(e.getMessage().contains("nice is '-2'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("cpu 1 2 3 99999999999999999999\n"));
        assertTrue(e.getMessage().contains("idle"), e.getMessage());
    }

    @Test
    void aCpuGoingOfflineOrComingOnlineIsReportedNotFatal() {
        ProcStat a = ProcStat.parse("cpu  40 0 0 360 0 0 0 0 0 0\n"
                + "cpu0 10 0 0 90 0 0 0 0 0 0\ncpu1 10 0 0 90 0 0 0 0 0 0\n"
                + "cpu2 10 0 0 90 0 0 0 0 0 0\ncpu3 10 0 0 90 0 0 0 0 0 0\n");
        ProcStat b = ProcStat.parse("cpu  100 0 0 500 0 0 0 0 0 0\n"
                + "cpu0 30 0 0 170 0 0 0 0 0 0\ncpu1 30 0 0 170 0 0 0 0 0 0\n"
                + "cpu2 30 0 0 130 0 0 0 0 0 0\ncpu4 0 0 0 10 0 0 0 0 0 0\n");
        ProcStat.Delta d = ProcStat.between(a, b);
        assertTrue(d.available());
        assertEquals(60, d.user());
        assertEquals(200, d.total());
        assertEquals(
                List.of(0, 1, 2),
                d.perCpuBusy().stream().map(ProcStat.CpuBusy::cpu).toList());
        assertEquals(20.0, d.perCpuBusy().get(0).busyPercent(), 1e-9);
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("[3]") && w.contains("offline")),
                d.warnings().toString());
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("[4]") && w.contains("online")),
                d.warnings().toString());
    }

    @Test
    void countersThatGoBackwardsAreCountedAsZeroWithAWarning() {
        ProcStat a = ProcStat.parse(fixture("baremetal-end.txt"));
        ProcStat b = ProcStat.parse(fixture("baremetal-start.txt")); // "after a reboot": everything smaller
        ProcStat.Delta d = ProcStat.between(a, b);
        assertTrue(d.available());
        assertEquals(0, d.total());
        assertEquals(0.0, d.userPercent());
        assertEquals(List.of(), d.perCpuBusy());
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("went backwards")),
                d.warnings().toString());
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("reset")),
                d.warnings().toString());
    }

    @Test
    void identicalSnapshotsGiveZeroesNotNaN() {
        ProcStat a = ProcStat.parse(fixture("steal-start.txt"));
        ProcStat.Delta d = ProcStat.between(a, a);
        assertEquals(0, d.total());
        assertEquals(0.0, d.stealPercent());
        assertEquals(0.0, d.perCpuBusy().get(0).busyPercent());
    }

    @Test
    void unavailableSnapshotsGiveAnUnavailableDelta(@TempDir Path dir) throws IOException {
        ProcStat missing = ProcStat.read(dir.resolve("no-such-file"));
        assertFalse(missing.available());
        assertTrue(missing.unavailableReason().contains("no-such-file"));
        assertThrows(IllegalStateException.class, missing::aggregate);
        Path bad = dir.resolve("stat");
        Files.writeString(bad, "garbage\n");
        assertFalse(ProcStat.read(bad).available());
        ProcStat.Delta d = ProcStat.between(missing, ProcStat.parse(fixture("steal-start.txt")));
        assertFalse(d.available());
        assertEquals(0, d.total());
        assertEquals(1, d.warnings().size());
    }

    @Test
    void readsThisMachinesProcStatWhenThereIsOne() throws InterruptedException {
        ProcStat a = ProcStat.read();
        if (!Files.isReadable(ProcStat.PROC_STAT)) {
            assertFalse(a.available());
            return;
        }
        assertTrue(a.available(), a.unavailableReason());
        assertFalse(a.perCpu().isEmpty());
        Thread.sleep(50);
        ProcStat.Delta d = ProcStat.between(a, ProcStat.read());
        assertTrue(d.available());
        assertTrue(d.total() >= 0);
        assertTrue(d.user() >= 0 && d.nice() >= 0);
    }
}
