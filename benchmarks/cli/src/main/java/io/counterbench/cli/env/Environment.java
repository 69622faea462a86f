package io.counterbench.cli.env;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a result depends on besides the code: the machine, the kernel, the JVM and its flags, the frequency
 * governor, whether it is a VM, the JMH version, how loaded the box was. {@link #capture()} describes the
 * current JVM on the current host; every probe is tolerant: what cannot be read is {@value #NA} (or an empty
 * list, or -1 for a number), and capture never throws.
 *
 * @param cpuModel /proc/cpuinfo "model name" (x86), else "Hardware" or "CPU implementer/part" (ARM)
 * @param availableProcessors {@link Runtime#availableProcessors()} (honours affinity masks and cgroup limits)
 * @param onlineCpus the kernel's online list, e.g. "0-63" (/sys/devices/system/cpu/online)
 * @param kernel the kernel release (/proc/sys/kernel/osrelease)
 * @param osName os.name
 * @param osArch os.arch
 * @param jdk the running JDK
 * @param jvmArgs the JVM's input arguments (RuntimeMXBean)
 * @param gc the garbage collector in use, e.g. "G1" or "Parallel", with its MXBean names
 * @param governor cpu0's cpufreq scaling governor, or "n/a (no cpufreq in sysfs: VM?)"
 * @param virtualMachine whether the CPU flags carry "hypervisor" (or /sys/hypervisor names one)
 * @param jmhVersion the JMH on the class path, e.g. "1.37"
 * @param host the host name
 * @param loadAverage the 1, 5 and 15 minute load averages at capture (/proc/loadavg); empty when unknown
 * @param memoryBytes total physical memory (/proc/meminfo MemTotal, else the OS MXBean); -1 when unknown
 */
public record Environment(
        String cpuModel,
        int availableProcessors,
        String onlineCpus,
        String kernel,
        String osName,
        String osArch,
        Jdk jdk,
        List<String> jvmArgs,
        String gc,
        String governor,
        boolean virtualMachine,
        String jmhVersion,
        String host,
        List<Double> loadAverage,
        long memoryBytes) {

    /** What a probe that found nothing reports. */
    public static final String NA = "n/a";

    /** What {@link #governor} says when sysfs has no cpufreq (typical of VMs). */
    public static final String NO_CPUFREQ = "n/a (no cpufreq in sysfs: VM?)";

    /** The running JDK: java.version, java.vm.name, java.vm.version, java.vendor. */
    public record Jdk(String version, String vmName, String vmVersion, String vendor) {
        public Jdk {
            version = orNa(version);
            vmName = orNa(vmName);
            vmVersion = orNa(vmVersion);
            vendor = orNa(vendor);
        }
    }

    public Environment {
        cpuModel = orNa(cpuModel);
        onlineCpus = orNa(onlineCpus);
        kernel = orNa(kernel);
        osName = orNa(osName);
        osArch = orNa(osArch);
        jdk = jdk == null ? new Jdk(null, null, null, null) : jdk;
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        gc = orNa(gc);
        governor = orNa(governor);
        jmhVersion = orNa(jmhVersion);
        host = orNa(host);
        loadAverage = loadAverage == null ? List.of() : List.copyOf(loadAverage);
    }

    /** The number of CPUs in {@link #onlineCpus}, or -1 when that list is unknown or malformed. */
    public int onlineCpuCount() {
        try {
            int n = 0;
            for (String part : onlineCpus.strip().split(",")) {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    Integer.parseInt(part.strip());
                    n += 1;
                } else {
                    int lo = Integer.parseInt(part.substring(0, dash).strip());
                    int hi = Integer.parseInt(part.substring(dash + 1).strip());
                    if (hi < lo) {
                        return -1;
                    }
                    n += hi - lo + 1;
                }
            }
            return n;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Captures the environment of this JVM on this host. Never throws. */
    public static Environment capture() {
        return capture(Path.of("/"));
    }

    /**
     * Captures with the Linux pseudo files (proc/..., sys/...) read under {@code root} instead of "/": tests
     * point it at a fixture tree. JVM facts always come from the running JVM.
     */
    static Environment capture(Path root) {
        Probe p = new Probe(root);
        String cpuinfo = p.text("proc/cpuinfo").orElse("");
        return new Environment(
                safe(() -> cpuModel(cpuinfo)),
                Runtime.getRuntime().availableProcessors(),
                p.line("sys/devices/system/cpu/online").orElse(NA),
                p.line("proc/sys/kernel/osrelease").orElse(NA),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                new Jdk(
                        System.getProperty("java.version"), System.getProperty("java.vm.name"),
                        System.getProperty("java.vm.version"), System.getProperty("java.vendor")),
                safeList(() -> ManagementFactory.getRuntimeMXBean().getInputArguments()),
                safe(Environment::gcInUse),
                p.line("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").orElse(NO_CPUFREQ),
                hasHypervisorFlag(cpuinfo)
                        || p.line("sys/hypervisor/type")
                                .filter(s -> !s.isBlank())
                                .isPresent(),
                safe(Environment::jmhVersionOnClassPath),
                safe(() -> hostName(p)),
                safeList(() -> loadAverage(p.line("proc/loadavg").orElse(""))),
                memoryBytes(p));
    }

    // --- probes -------------------------------------------------------------------------------------------

    /** Reads pseudo files under a root; an absent or unreadable file is empty, never an exception. */
    private record Probe(Path root) {
        Optional<String> text(String relative) {
            try {
                Path f = root.resolve(relative);
                return Files.isReadable(f)
                        ? Optional.of(Files.readString(f, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        Optional<String> line(String relative) {
            return text(relative)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.lines().findFirst().orElse(s));
        }
    }

    /** "model name" (x86, s390, most others), else "Hardware" or "CPU implementer"/"CPU part" (ARM). */
    static String cpuModel(String cpuinfo) {
        Optional<String> model = cpuinfoValue(cpuinfo, "model name");
        if (model.isPresent()) {
            return model.get();
        }
        Optional<String> hardware = cpuinfoValue(cpuinfo, "Hardware");
        if (hardware.isPresent()) {
            return hardware.get();
        }
        Optional<String> part = cpuinfoValue(cpuinfo, "CPU part");
        if (part.isPresent()) {
            String implementer = cpuinfoValue(cpuinfo, "CPU implementer").orElse("?");
            return "ARM implementer " + implementer + " part " + part.get();
        }
        return cpuinfoValue(cpuinfo, "cpu model")
                .or(() -> cpuinfoValue(cpuinfo, "cpu"))
                .orElse(NA);
    }

    /** The first value of a "key : value" line of /proc/cpuinfo, if any. */
    static Optional<String> cpuinfoValue(String cpuinfo, String key) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                String value = line.substring(colon + 1).strip();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    static boolean hasHypervisorFlag(String cpuinfo) {
        for (String key : List.of("flags", "Features")) {
            Optional<String> flags = cpuinfoValue(cpuinfo, key);
            if (flags.isPresent() && List.of(flags.get().split("\\s+")).contains("hypervisor")) {
                return true;
            }
        }
        return false;
    }

    /** The collector from HotSpot's Use*GC flags when it has them, with the MXBean names. */
    static String gcInUse() {
        Set<String> beans = new LinkedHashSet<>();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            beans.add(b.getName());
        }
        String name = hotSpotCollector().orElseGet(() -> collectorFromBeans(beans));
        return beans.isEmpty() ? name : name + " (" + String.join(", ", beans) + ")";
    }

    private static Optional<String> hotSpotCollector() {
        try {
            var hs = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hs == null) {
                return Optional.empty();
            }
            for (String gc : List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon")) {
                try {
                    if ("true".equals(hs.getVMOption("Use" + gc + "GC").getValue())) {
                        return Optional.of(gc.equals("Z") ? "ZGC" : gc);
                    }
                } catch (IllegalArgumentException unknownFlag) {
                    // this JVM has no such collector
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot
        }
        return Optional.empty();
    }

    static String collectorFromBeans(Set<String> beans) {
        String all = String.join(" ", beans);
        if (all.contains("G1")) return "G1";
        if (all.contains("PS ")) return "Parallel";
        if (all.contains("ZGC")) return "ZGC";
        if (all.contains("Shenandoah")) return "Shenandoah";
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) return "Serial";
        return beans.isEmpty() ? "Epsilon or unknown (no collector MXBeans)" : "unknown";
    }

    /** JMH's own record of its version (jmh.properties, read by Version), else the jar manifest. */
    static String jmhVersionOnClassPath() {
        try {
            String v = org.openjdk.jmh.util.Version.getPlainVersion();
            if (v != null && !v.isBlank() && !v.contains("-")) {
                return v.strip();
            }
        } catch (RuntimeException | LinkageError e) {
            // fall through to the manifest
        }
        try {
            String v = org.openjdk.jmh.Main.class.getPackage().getImplementationVersion();
            return v == null || v.isBlank() ? NA : v.strip();
        } catch (RuntimeException | LinkageError e) {
            return NA;
        }
    }

    private static String hostName(Probe p) {
        Optional<String> kernel = p.line("proc/sys/kernel/hostname");
        if (kernel.isPresent()) {
            return kernel.get();
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return NA;
        }
    }

    /** The first three numbers of /proc/loadavg; empty when the text is not that. */
    static List<Double> loadAverage(String loadavg) {
        String[] parts = loadavg.strip().split("\\s+");
        if (parts.length < 3) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(3);
        try {
            for (int i = 0; i < 3; i++) {
                out.add(Double.parseDouble(parts[i]));
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return out;
    }

    private static long memoryBytes(Probe p) {
        Optional<String> meminfo = p.text("proc/meminfo");
        if (meminfo.isPresent()) {
            for (String line : meminfo.get().split("\n")) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts =
                            line.substring("MemTotal:".length()).strip().split("\\s+");
                    try {
                        long v = Long.parseLong(parts[0]);
                        String unit = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
                        return unit.equals("kb") ? v * 1024 : v;
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        try {
            var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
            return os == null ? -1 : os.getTotalMemorySize();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static String orNa(String s) {
        return s == null || s.isBlank() ? NA : s;
    }

    private static String safe(Supplier<String> probe) {
        try {
            return Objects.requireNonNullElse(probe.get(), NA);
        } catch (RuntimeException | LinkageError e) {
            return NA;
        }
    }

    private static <T> List<T> safeList(Supplier<List<T>> probe) {
        try {
            return Objects.requireNonNullElse(probe.get(), List.of());
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }
}
