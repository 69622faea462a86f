package io.counterbench.topology;

import io.counterbench.inputs.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the topology of the running Linux machine from sysfs: the online CPUs, each one's package,
 * die and core ids, its last-level cache (the highest-level data or unified cache, identified by its
 * shared_cpu_list) and its NUMA node. What sysfs leaves out is assumed and said in the notes.
 * The root is a parameter so tests can point it at a fixture directory.
 */
public final class SysfsSource {
    private static final long MAX_ATTRIBUTE_BYTES = 64 << 10;
    private static final Pattern NUMBERED = Pattern.compile("(cpu|node|index)([0-9]{1,7})");

    private final Path root;
    private final Path cpuDir;
    private final List<String> notes = new ArrayList<>();

    /** @param root the sysfs mount point ("/sys" on a real machine) */
    public SysfsSource(Path root) {
        this.root = root;
        this.cpuDir = root.resolve("devices/system/cpu");
    }

    /** The running machine's topology, from /sys. */
    public static Topology host() {
        return new SysfsSource(Path.of("/sys")).load("host");
    }

    /** Reads the topology; empty or contradictory sysfs gives an IllegalArgumentException naming the file. */
    public Topology load(String name) {
        notes.clear();
        int[] online = onlineCpus();
        Map<Integer, Integer> nodes = nodes(online);
        Map<String, Integer> llcKeys = new HashMap<>();
        boolean caches = hasCaches(online);
        if (!caches) {
            notes.add(
                    "no cache information in sysfs (VM?): one LLC per package assumed (per NUMA node if a package has "
                            + "several)");
        }
        TopologyBuilder b = new TopologyBuilder(name, "sysfs " + cpuDir);
        boolean[] guessed = new boolean[2];
        for (int cpu : online) {
            Path topo = cpuDir.resolve("cpu" + cpu).resolve("topology");
            int pkg = optionalId(topo.resolve("physical_package_id"));
            if (pkg < 0) {
                guessed[0] = true;
                pkg = 0;
            }
            int die = optionalId(topo.resolve("die_id"));
            int core = optionalId(topo.resolve("core_id"));
            if (core < 0) {
                guessed[1] = true;
                core = cpu;
            }
            int llc = caches ? llcKeys.computeIfAbsent(llcKey(cpu), k -> llcKeys.size()) : -1;
            b.pu(cpu, pkg, die, nodes.getOrDefault(cpu, -1), llc, core);
        }
        if (guessed[0]) {
            notes.add("no physical_package_id for some CPUs: one package assumed");
        }
        if (guessed[1]) {
            notes.add("no core_id for some CPUs: each of them taken as its own core");
        }
        notes.forEach(b::note);
        return b.build();
    }

    private int[] onlineCpus() {
        Path file = cpuDir.resolve("online");
        int[] online;
        if (Files.exists(file)) {
            try {
                online = CpuList.parse(read(file).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        } else {
            online = numbered(cpuDir, "cpu");
            if (online.length > 0) {
                notes.add(file + " is missing: every cpuN directory taken as online");
            }
        }
        if (online.length == 0) {
            throw new IllegalArgumentException(file + ": no online CPUs");
        }
        int[] all = numbered(cpuDir, "cpu");
        BitSet present = new BitSet();
        for (int c : all) {
            present.set(c);
        }
        for (int c : online) {
            if (!present.get(c)) {
                throw new IllegalArgumentException(
                        file + " lists CPU " + c + " as online but " + cpuDir.resolve("cpu" + c) + " does not exist");
            }
        }
        BitSet offline = (BitSet) present.clone();
        for (int c : online) {
            offline.clear(c);
        }
        if (!offline.isEmpty()) {
            notes.add("offline CPUs " + CpuList.format(offline.stream().toArray()) + " left out");
        }
        return online;
    }

    /** CPU -> node number, from node/nodeN/cpulist; one node assumed when there is no node directory. */
    private Map<Integer, Integer> nodes(int[] online) {
        Path nodeDir = root.resolve("devices/system/node");
        int[] nodeIds = numbered(nodeDir, "node");
        Map<Integer, Integer> nodeOf = new TreeMap<>();
        if (nodeIds.length == 0) {
            notes.add("no NUMA nodes in sysfs: one node assumed");
            return nodeOf;
        }
        Map<Integer, Path> listedIn = new HashMap<>();
        for (int node : nodeIds) {
            Path file = nodeDir.resolve("node" + node).resolve("cpulist");
            int[] cpus;
            try {
                cpus = CpuList.parse(read(file).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            for (int cpu : cpus) {
                Path earlier = listedIn.putIfAbsent(cpu, file);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "CPU " + cpu + " is in two NUMA nodes: " + earlier + " and " + file);
                }
                nodeOf.put(cpu, node);
            }
        }
        List<Integer> orphans = new ArrayList<>();
        for (int cpu : online) {
            if (!nodeOf.containsKey(cpu)) {
                orphans.add(cpu);
            }
        }
        if (!orphans.isEmpty()) {
            notes.add("online CPUs "
                    + CpuList.format(
                            orphans.stream().mapToInt(Integer::intValue).toArray())
                    + " are in no node's cpulist: grouped in one unknown node");
        }
        return nodeOf;
    }

    private boolean hasCaches(int[] online) {
        for (int cpu : online) {
            Path cacheDir = cpuDir.resolve("cpu" + cpu).resolve("cache");
            boolean any = false;
            for (int index : numbered(cacheDir, "index")) {
                Path dir = cacheDir.resolve("index" + index);
                any |= Files.exists(dir.resolve("level")) && Files.exists(dir.resolve("shared_cpu_list"));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The shared_cpu_list of the highest-level data or unified cache of a CPU, normalized. */
    private String llcKey(int cpu) {
        Path cacheDir = cpuDir.resolve("cpu" + cpu).resolve("cache");
        int bestLevel = -1;
        Path best = null;
        for (int index : numbered(cacheDir, "index")) {
            Path dir = cacheDir.resolve("index" + index);
            if (!Files.exists(dir.resolve("level"))) {
                continue;
            }
            Path typeFile = dir.resolve("type");
            String type = Files.exists(typeFile) ? read(typeFile).strip() : "Unified";
            if (type.equals("Instruction")) {
                continue;
            }
            int level = number(dir.resolve("level"));
            if (level > bestLevel) {
                bestLevel = level;
                best = dir;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(cacheDir + ": no data or unified cache");
        }
        Path file = best.resolve("shared_cpu_list");
        int[] shared;
        try {
            shared = CpuList.parse(read(file).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (java.util.Arrays.binarySearch(shared, cpu) < 0) {
            throw new IllegalArgumentException(
                    file + " does not list CPU " + cpu + " itself (it says '" + CpuList.format(shared) + "')");
        }
        return CpuList.format(shared);
    }

    /** A non-negative id, or -1 when the file is missing or says -1 (the kernel's "unknown"). */
    private static int optionalId(Path file) {
        if (!Files.exists(file)) {
            return -1;
        }
        String text = read(file).strip();
        if (text.equals("-1")) {
            return -1;
        }
        return number(file, text);
    }

    private static int number(Path file) {
        return number(file, read(file).strip());
    }

    private static int number(Path file, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": '" + abbreviate(text) + "' is not a non-negative integer");
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }

    /** A sysfs attribute (a few bytes; read through {@link InputFile}, at most 64 KiB), as ASCII. */
    private static String read(Path file) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(file + ": missing");
        }
        return new String(InputFile.read(file, "", MAX_ATTRIBUTE_BYTES), StandardCharsets.US_ASCII);
    }

    /** N of every entry named prefixN in dir, ascending; empty when dir does not exist. */
    private static int[] numbered(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return new int[0];
        }
        BitSet found = new BitSet();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "[0-9]*")) {
            for (Path p : entries) {
                var m = NUMBERED.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(prefix)) {
                    found.set(Integer.parseInt(m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        return found.stream().toArray();
    }
}
