package io.counterbench.topology;

import io.counterbench.inputs.InputFile;
import io.counterbench.inputs.Limits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an hwloc 2.x XML topology as {@code lstopo --of xml} writes it. Package, Die, Core and PU
 * objects map to the levels of the same name, Group objects are skipped, the LLC of a PU is its
 * outermost data or unified cache ancestor, and its NUMA node is the NUMANode memory child of its
 * nearest ancestor that has one (hwloc 1.x files, where NUMANode is a parent, work too).
 * The file is parsed by {@link SafeXml}: no DTD is fetched and no entity is resolved. Every object
 * needs a type; PU numbers must be CPU numbers ({@link Limits#CPU_ID}), at most
 * {@link Limits#MAX_CPUS} PUs; an object's {@code cpuset}, where written, must list exactly the PUs
 * under it ({@code complete_cpuset} and {@code allowed_cpuset} may differ and are not read).
 */
public final class HwlocXmlSource {
    private static final Level[] LEVELS = {Level.PACKAGE, Level.DIE, Level.NUMA, Level.LLC, Level.CORE};
    /** The elements and attributes the reader keeps; everything else (info, page_type, distances) is skipped. */
    private static final Set<String> ELEMENTS = Set.of("topology", "object");

    private static final Set<String> ATTRIBUTES = Set.of("type", "os_index", "cpuset", "cache_type");
    /** Larger than the XML of any real machine (a 4096-PU box is a few MB): refused before parsing. */
    static final long MAX_BYTES = 64L << 20;

    private final Path file;

    public HwlocXmlSource(Path file) {
        this.file = file;
    }

    /** Reads the file (through {@link InputFile}: a regular file of at most 64 MiB); it is named by its file name. */
    public Topology load() {
        String source = InputFile.label(file, "hwloc XML");
        byte[] bytes = InputFile.read(file, "hwloc XML", MAX_BYTES);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(source + ": the file is empty");
        }
        return parse(new ByteArrayInputStream(bytes), file.getFileName().toString(), source);
    }

    /** Reads a document from a stream; errors name {@code source}. Time and memory grow linearly with the document. */
    public static Topology parse(InputStream in, String name, String source) {
        SafeXml.Element root = SafeXml.parse(in, source, ELEMENTS, ATTRIBUTES);
        if (!root.name().equals("topology")) {
            throw new IllegalArgumentException(source + ": not an hwloc XML topology (root element is <" + root.name()
                    + ">, expected <topology>)");
        }
        List<PuRecord> pus = new ArrayList<>();
        long[][] ids;
        try {
            for (SafeXml.Element top : root.children()) {
                walk(top, new SafeXml.Element[LEVELS.length], false, pus);
            }
            ids = assignIds(pus);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (pus.isEmpty()) {
            throw new IllegalArgumentException(source + ": no PU objects (is this an hwloc topology?)");
        }
        TopologyBuilder b = new TopologyBuilder(name, source);
        for (int i = 0; i < pus.size(); i++) {
            long[] r = ids[i];
            try {
                b.pu(pus.get(i).cpu, (int) r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
        notes(pus).forEach(b::note);
        return b.build();
    }

    /** One PU and the objects holding it, one per level (null where there is none). */
    private record PuRecord(int cpu, SafeXml.Element[] holders, boolean severalNodes) {}

    /**
     * Visits one object and everything under it, top down: {@code holders} are the objects of each
     * level above it (the innermost package, die, node and core; the outermost data cache). Each
     * object's memory children are looked at once, so the walk is linear in the document. Returns
     * the CPUs of the PUs under the object, which its cpuset must list exactly.
     */
    private static BitSet walk(SafeXml.Element e, SafeXml.Element[] above, boolean severalAbove, List<PuRecord> out) {
        if (!e.name().equals("object")) {
            return new BitSet();
        }
        String type = e.attr("type");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException(at(e) + "an <object> without a type (hwloc always writes one)");
        }
        if (type.equals("PU")) {
            int cpu = puCpu(e, out.size());
            for (SafeXml.Element c : e.children()) {
                if (!"Misc".equals(c.attr("type")) && !"NUMANode".equals(c.attr("type"))) {
                    throw new IllegalArgumentException(at(c) + "a " + c.attr("type") + " object inside PU " + cpu
                            + " (PUs are the leaves of the tree)");
                }
            }
            out.add(new PuRecord(cpu, above.clone(), severalAbove));
            if (out.size() > Limits.MAX_CPUS) {
                throw new IllegalArgumentException(
                        "more than " + Limits.MAX_CPUS + " PU objects (the most a topology may have)");
            }
            BitSet mine = new BitSet();
            mine.set(cpu);
            checkCpuset(e, mine);
            return mine;
        }
        SafeXml.Element[] holders = above.clone();
        boolean several = severalAbove;
        int slot = switch (type) {
            case "Package", "Socket" -> 0;
            case "Die" -> 1;
            case "NUMANode" -> 2;
            case "Core" -> 4;
            default -> isDataCache(e) ? 3 : -1;
        };
        if (slot == 3) {
            if (holders[3] == null) {
                holders[3] = e;
            }
        } else if (slot >= 0) {
            holders[slot] = e;
            several = slot == 2 ? false : several;
        }
        if (slot != 2) {
            List<SafeXml.Element> nodes = memoryNodes(e);
            if (!nodes.isEmpty()) {
                holders[2] = nodes.get(0);
                several = nodes.size() > 1;
            }
        }
        BitSet under = new BitSet();
        for (SafeXml.Element c : e.children()) {
            under.or(walk(c, holders, several, out));
        }
        if (!under.isEmpty()) {
            checkCpuset(e, under);
        } else if (e.attr("cpuset") != null) {
            cpuset(e);
        }
        return under;
    }

    /** A PU's os_index: a CPU number in {@link Limits#CPU_ID}. */
    private static int puCpu(SafeXml.Element pu, int ordinal) {
        String os = pu.attr("os_index");
        if (os == null) {
            throw new IllegalArgumentException(at(pu) + "PU #" + ordinal + " (in document order) has no os_index");
        }
        int cpu = osIndex(os, at(pu) + "PU #" + ordinal);
        if (!Limits.CPU_ID.contains(cpu)) {
            throw new IllegalArgumentException(
                    at(pu) + "PU #" + ordinal + " has os_index " + cpu + ": " + Limits.CPU_ID.rule());
        }
        return cpu;
    }

    /** The object's cpuset, when it has one, must list exactly the CPUs of the PUs under it. */
    private static void checkCpuset(SafeXml.Element e, BitSet pus) {
        if (e.attr("cpuset") == null) {
            return;
        }
        HwlocBitmap.Parsed set = cpuset(e);
        if (!set.infinite() && !set.bits().equals(pus)) {
            throw new IllegalArgumentException(at(e) + e.attr("type") + " cpuset '" + e.attr("cpuset") + "' lists CPUs "
                    + describe(set.bits()) + " but the PUs under it are " + describe(pus));
        }
    }

    private static HwlocBitmap.Parsed cpuset(SafeXml.Element e) {
        try {
            return HwlocBitmap.parse(e.attr("cpuset"));
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException(
                    at(e) + e.attr("type") + " cpuset '" + abbreviate(e.attr("cpuset")) + "' " + x.getMessage(), x);
        }
    }

    private static String describe(BitSet cpus) {
        return cpus.isEmpty() ? "none" : abbreviate(CpuList.format(cpus.stream().toArray()));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** "line 12: " for messages, or "" when the parser gave no line. */
    private static String at(SafeXml.Element e) {
        return e.line() > 0 ? "line " + e.line() + ": " : "";
    }

    /** NUMANode objects attached to {@code e} as memory children, directly or under a memory-side cache. */
    private static List<SafeXml.Element> memoryNodes(SafeXml.Element e) {
        List<SafeXml.Element> nodes = new ArrayList<>();
        for (SafeXml.Element c : e.children()) {
            String type = String.valueOf(c.attr("type"));
            if (type.equals("NUMANode")) {
                nodes.add(c);
            } else if (type.equals("MemCache")) {
                nodes.addAll(memoryNodes(c));
            }
        }
        return nodes;
    }

    private static boolean isDataCache(SafeXml.Element e) {
        String type = String.valueOf(e.attr("type"));
        if (!type.endsWith("Cache") || type.equals("MemCache") || type.endsWith("iCache")) {
            return false;
        }
        return !"2".equals(e.attr("cache_type"));
    }

    /**
     * Per PU and level, the id handed to the builder: the object's os_index where it has one and it
     * tells the objects apart under their parents, else the object's position in the document.
     */
    private static long[][] assignIds(List<PuRecord> pus) {
        long[][] ids = new long[pus.size()][LEVELS.length];
        for (int level = 0; level < LEVELS.length; level++) {
            Map<SafeXml.Element, Integer> order = new IdentityHashMap<>();
            for (PuRecord p : pus) {
                if (p.holders[level] != null) {
                    order.putIfAbsent(p.holders[level], order.size());
                }
            }
            boolean useOs = level != 3 && osIndexesDistinguish(pus, ids, level);
            for (int i = 0; i < pus.size(); i++) {
                SafeXml.Element h = pus.get(i).holders[level];
                if (h == null) {
                    ids[i][level] = level == 4 ? order.size() + i : -1;
                } else {
                    ids[i][level] = useOs ? osIndex(h.attr("os_index"), h.attr("type")) : order.get(h);
                }
            }
        }
        return ids;
    }

    private static boolean osIndexesDistinguish(List<PuRecord> pus, long[][] ids, int level) {
        Map<String, SafeXml.Element> byKey = new HashMap<>();
        for (int i = 0; i < pus.size(); i++) {
            SafeXml.Element h = pus.get(i).holders[level];
            if (h == null) {
                continue;
            }
            String os = h.attr("os_index");
            if (os == null) {
                return false;
            }
            StringBuilder key = new StringBuilder();
            for (int outer = 0; outer < level; outer++) {
                key.append(ids[i][outer]).append('/');
            }
            key.append(osIndex(os, h.attr("type")));
            SafeXml.Element prev = byKey.putIfAbsent(key.toString(), h);
            if (prev != null && prev != h) {
                return false;
            }
        }
        return true;
    }

    private static int osIndex(String text, String what) {
        try {
            int v = text.strip().matches("[0-9]+") ? Integer.parseInt(text.strip()) : -1;
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " has os_index '" + text + "', not a non-negative integer");
    }

    private static List<String> notes(List<PuRecord> pus) {
        List<String> notes = new ArrayList<>();
        if (pus.stream().anyMatch(p -> p.holders[2] == null)) {
            notes.add("no NUMANode for some PUs in the XML: one node assumed for them");
        }
        if (pus.stream().anyMatch(p -> p.holders[3] == null)) {
            notes.add("no cache objects above some PUs in the XML: one LLC per NUMA node assumed for them");
        }
        if (pus.stream().anyMatch(p -> p.holders[4] == null)) {
            notes.add("no Core objects above some PUs in the XML: each of them taken as its own core");
        }
        if (pus.stream().anyMatch(PuRecord::severalNodes)) {
            notes.add("some objects have several NUMA nodes attached (DRAM and HBM, say): their PUs use the first");
        }
        return notes;
    }
}
