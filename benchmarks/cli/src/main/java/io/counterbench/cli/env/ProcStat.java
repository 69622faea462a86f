package io.counterbench.cli.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One snapshot of the CPU lines of Linux's {@code /proc/stat}: the aggregate {@code cpu} line and the
 * per-CPU {@code cpuN} lines, in jiffies (USER_HZ ticks).
 *
 * <p>Two snapshots give a {@link Delta}, which is computed the way {@code mpstat} does it: the kernel's
 * {@code account_guest_time} adds time spent running a guest vCPU to both {@code user} and {@code guest}
 * (and, for a niced task, to both {@code nice} and {@code guest_nice}), so the delta reports
 * {@code user - guest} and {@code nice - guest_nice} and keeps guest time separate; the total does not count
 * guest time twice. {@code steal} is kept separate too: time this (virtual) CPU wanted to run but the
 * hypervisor ran something else, the mark of a noisy VM.
 *
 * <p>Old kernels print fewer fields (iowait since 2.5.41, irq/softirq 2.6.0, steal 2.6.11, guest 2.6.24,
 * guest_nice 2.6.33); missing trailing fields read as 0. Fields a future kernel may append are ignored.
 */
public final class ProcStat {

    /** Where the snapshot is read from on Linux. */
    public static final Path PROC_STAT = Path.of("/proc/stat");

    /** Fields a {@code cpu} line must have at least (user nice system idle). */
    static final int MIN_FIELDS = 4;

    /** Fields this class knows (user .. guest_nice). */
    static final int KNOWN_FIELDS = 10;

    /**
     * The ten counters of one {@code cpu} line, raw as the kernel prints them (user still includes guest,
     * nice still includes guest_nice). {@code fields} is how many the line had (4 to 10; more are ignored).
     */
    public record CpuTimes(
            long user,
            long nice,
            long system,
            long idle,
            long iowait,
            long irq,
            long softirq,
            long steal,
            long guest,
            long guestNice,
            int fields) {

        /** Every jiffy of this line once: guest and guest_nice are already inside user and nice. */
        public long total() {
            return user + nice + system + idle + iowait + irq + softirq + steal;
        }

        /** The jiffies the CPUs were busy: user + nice + system + irq + softirq + steal (not idle, not iowait). */
        public long busy() {
            return user + nice + system + irq + softirq + steal;
        }

        static CpuTimes of(long[] v, int fields) {
            return new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], fields);
        }
    }

    private final CpuTimes aggregate;
    private final SortedMap<Integer, CpuTimes> perCpu;
    private final String unavailableReason;

    private ProcStat(CpuTimes aggregate, SortedMap<Integer, CpuTimes> perCpu, String unavailableReason) {
        this.aggregate = aggregate;
        this.perCpu = Collections.unmodifiableSortedMap(perCpu);
        this.unavailableReason = unavailableReason;
    }

    /** A marker for "no /proc/stat here" (not Linux, not readable, or not parseable); never throws later. */
    public static ProcStat unavailable(String reason) {
        return new ProcStat(null, new TreeMap<>(), Objects.requireNonNull(reason, "reason"));
    }

    /** Reads {@code /proc/stat}; off Linux, or when it cannot be read or parsed, an {@link #unavailable} marker. */
    public static ProcStat read() {
        return read(PROC_STAT);
    }

    /** Like {@link #read()} from another file (tests, a copied snapshot). */
    public static ProcStat read(Path file) {
        if (!Files.isReadable(file)) {
            return unavailable("no readable " + file + " (os.name=" + System.getProperty("os.name") + ")");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return unavailable("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Parses the text of {@code /proc/stat}. Lines other than {@code cpu} and {@code cpuN} (intr, ctxt, btime,
     * processes, ...) are ignored.
     *
     * @throws IllegalArgumentException when there is no aggregate {@code cpu} line, or a {@code cpu} line is
     *     truncated, duplicated or holds something other than non-negative integers; the message names the
     *     line number and quotes the line
     */
    public static ProcStat parse(String text) {
        Objects.requireNonNull(text, "text");
        CpuTimes aggregate = null;
        SortedMap<Integer, CpuTimes> perCpu = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            String label = tokens[0];
            int lineNo = i + 1;
            Integer cpu = null;
            if (!label.equals("cpu")) {
                String digits = label.substring(3);
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
                    throw bad(lineNo, lines[i], "'" + label + "' is neither 'cpu' nor 'cpuN'");
                }
                cpu = Integer.parseInt(digits);
            }
            int fields = tokens.length - 1;
            if (fields < MIN_FIELDS) {
                throw bad(
                        lineNo,
                        lines[i],
                        "has " + fields + " value(s), a cpu line needs at least " + MIN_FIELDS
                                + " (user nice system idle): truncated?");
            }
            long[] v = new long[KNOWN_FIELDS];
            for (int f = 0; f < Math.min(fields, KNOWN_FIELDS); f++) {
                v[f] = parseCounter(tokens[f + 1], lineNo, lines[i], f);
            }
            for (int f = KNOWN_FIELDS; f < fields; f++) {
                parseCounter(tokens[f + 1], lineNo, lines[i], f); // ignored, but must still be a number
            }
            CpuTimes times = CpuTimes.of(v, Math.min(fields, KNOWN_FIELDS));
            if (cpu == null) {
                if (aggregate != null) {
                    throw bad(lineNo, lines[i], "a second aggregate 'cpu' line");
                }
                aggregate = times;
            } else if (perCpu.putIfAbsent(cpu, times) != null) {
                throw bad(lineNo, lines[i], "a second line for cpu" + cpu);
            }
        }
        if (aggregate == null) {
            String first = lines.length == 0 ? "" : lines[0];
            throw new IllegalArgumentException(
                    "not /proc/stat: no aggregate 'cpu' line (line 1: '" + abbreviate(first) + "')");
        }
        return new ProcStat(aggregate, perCpu, null);
    }

    private static final String[] FIELD_NAMES = {
        "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal", "guest", "guest_nice"
    };

    private static long parseCounter(String token, int lineNo, String line, int field) {
        String name = field < FIELD_NAMES.length ? FIELD_NAMES[field] : "field " + (field + 1);
        if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(lineNo, line, name + " is '" + abbreviate(token) + "', not a non-negative integer");
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw bad(lineNo, line, name + " '" + abbreviate(token) + "' does not fit in 63 bits");
        }
    }

    private static IllegalArgumentException bad(int lineNo, String line, String what) {
        return new IllegalArgumentException(
                "bad /proc/stat line " + lineNo + " '" + abbreviate(line.strip()) + "': " + what);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** False for the {@link #unavailable} marker. */
    public boolean available() {
        return aggregate != null;
    }

    /** Why this snapshot is unavailable, or empty text when it is available. */
    public String unavailableReason() {
        return unavailableReason == null ? "" : unavailableReason;
    }

    /** The aggregate {@code cpu} line. @throws IllegalStateException on the unavailable marker */
    public CpuTimes aggregate() {
        if (aggregate == null) {
            throw new IllegalStateException("/proc/stat unavailable: " + unavailableReason);
        }
        return aggregate;
    }

    /** The {@code cpuN} lines by N (online CPUs only: the kernel omits offline ones); empty when unavailable. */
    public SortedMap<Integer, CpuTimes> perCpu() {
        return perCpu;
    }

    @Override
    public String toString() {
        return available()
                ? "ProcStat[cpu=" + aggregate + ", cpus=" + perCpu.keySet() + "]"
                : "ProcStat[unavailable: " + unavailableReason + "]";
    }

    /** Busy share of one CPU between two snapshots: everything but idle and iowait (so steal counts as busy). */
    public record CpuBusy(int cpu, double busyPercent) {}

    /**
     * Jiffies spent between two snapshots (aggregate line), mpstat style: {@code user} excludes guest and
     * {@code nice} excludes guest_nice (both clamped at 0), {@code guest} and {@code guestNice} and
     * {@code steal} are separate, and {@code total} counts every jiffy once, so the percentages add up to 100.
     * {@code perCpuBusy} lists the CPUs present and comparable in both snapshots; {@code warnings} says what
     * was not comparable (a counter that went backwards, CPUs that went offline or came online).
     * When either snapshot is unavailable, {@code available} is false and every count is 0.
     */
    public record Delta(
            boolean available,
            long user,
            long nice,
            long system,
            long idle,
            long iowait,
            long irq,
            long softirq,
            long steal,
            long guest,
            long guestNice,
            long total,
            List<CpuBusy> perCpuBusy,
            List<String> warnings) {

        /** Steal above this share of the total marks a noisy VM. */
        public static final double NOISY_STEAL_PERCENT = 1.0;

        public Delta {
            perCpuBusy = List.copyOf(perCpuBusy);
            warnings = List.copyOf(warnings);
        }

        static Delta unavailable(String why) {
            return new Delta(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(why));
        }

        private double pct(long v) {
            return total <= 0 ? 0.0 : 100.0 * v / total;
        }

        /** User time without guest time, as a share of the total. */
        public double userPercent() {
            return pct(user);
        }
        /** Niced user time without guest_nice time. */
        public double nicePercent() {
            return pct(nice);
        }

        public double systemPercent() {
            return pct(system);
        }

        public double idlePercent() {
            return pct(idle);
        }

        public double iowaitPercent() {
            return pct(iowait);
        }

        public double irqPercent() {
            return pct(irq);
        }

        public double softirqPercent() {
            return pct(softirq);
        }

        public double stealPercent() {
            return pct(steal);
        }

        public double guestPercent() {
            return pct(guest);
        }

        public double guestNicePercent() {
            return pct(guestNice);
        }

        /** Steal above {@value #NOISY_STEAL_PERCENT}% of the total: other tenants took this VM's CPU time. */
        public boolean noisyVm() {
            return stealPercent() > NOISY_STEAL_PERCENT;
        }
    }

    /** The {@link Delta} from {@code start} to {@code end}; never throws on counter resets or CPU hot-plug. */
    public static Delta between(ProcStat start, ProcStat end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.available() || !end.available()) {
            return Delta.unavailable("/proc/stat unavailable: "
                    + (start.available() ? end.unavailableReason() : start.unavailableReason()));
        }
        List<String> warnings = new ArrayList<>();
        CpuTimes a = start.aggregate;
        CpuTimes b = end.aggregate;

        long guest = forward("guest", a.guest(), b.guest(), warnings);
        long guestNice = forward("guest_nice", a.guestNice(), b.guestNice(), warnings);
        // mpstat: (curr.user - curr.guest) < (prev.user - prev.guest) ? 0 : difference
        long user = forward("user-guest", a.user() - a.guest(), b.user() - b.guest(), warnings);
        long nice = forward("nice-guest_nice", a.nice() - a.guestNice(), b.nice() - b.guestNice(), warnings);
        long system = forward("system", a.system(), b.system(), warnings);
        long idle = forward("idle", a.idle(), b.idle(), warnings);
        long iowait = forward("iowait", a.iowait(), b.iowait(), warnings);
        long irq = forward("irq", a.irq(), b.irq(), warnings);
        long softirq = forward("softirq", a.softirq(), b.softirq(), warnings);
        long steal = forward("steal", a.steal(), b.steal(), warnings);
        if (a.fields() != b.fields()) {
            warnings.add("the snapshots have different field counts (" + a.fields() + " vs " + b.fields() + ")");
        }
        long total = user + nice + system + idle + iowait + irq + softirq + steal + guest + guestNice;

        List<CpuBusy> busy = new ArrayList<>();
        List<Integer> gone = new ArrayList<>();
        List<Integer> reset = new ArrayList<>();
        for (Map.Entry<Integer, CpuTimes> e : start.perCpu.entrySet()) {
            CpuTimes s = e.getValue();
            CpuTimes t = end.perCpu.get(e.getKey());
            if (t == null) {
                gone.add(e.getKey());
                continue;
            }
            long dTotal = t.total() - s.total();
            long dIdle = t.idle() - s.idle();
            long dIowait = t.iowait() - s.iowait();
            if (dTotal < 0 || dIdle < 0 || dIowait < 0 || t.user() < s.user() || t.system() < s.system()) {
                reset.add(e.getKey());
                continue;
            }
            long dBusy = Math.max(0, dTotal - dIdle - dIowait);
            busy.add(new CpuBusy(e.getKey(), dTotal == 0 ? 0.0 : 100.0 * dBusy / dTotal));
        }
        List<Integer> came = new ArrayList<>(end.perCpu.keySet());
        came.removeAll(start.perCpu.keySet());
        if (!gone.isEmpty()) {
            warnings.add("cpu(s) " + gone + " went offline between the snapshots: left out of the per-CPU list");
        }
        if (!came.isEmpty()) {
            warnings.add("cpu(s) " + came + " came online between the snapshots: left out of the per-CPU list");
        }
        if (!reset.isEmpty()) {
            warnings.add(
                    "cpu(s) " + reset + " have counters that went backwards (reset): left out of the per-CPU list");
        }
        return new Delta(
                true, user, nice, system, idle, iowait, irq, softirq, steal, guest, guestNice, total, busy, warnings);
    }

    private static long forward(String name, long from, long to, List<String> warnings) {
        if (to >= from) {
            return to - from;
        }
        warnings.add(name + " went backwards (" + from + " -> " + to + "): counted as 0");
        return 0;
    }
}
