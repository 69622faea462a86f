package io.counterbench.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an hwloc 2.x XML topology as {@code lstopo --of xml} writes it. Package, Die, Core and PU
 * objects map to the levels of the same name, Group objects are skipped, the LLC of a PU is its
 * outermost data or unified cache ancestor, and its NUMA node is the NUMANode memory child of its
 * nearest ancestor that has one (hwloc 1.x files, where NUMANode is a parent, work too).
 * The file is parsed by {@link SafeXml}: no DTD is fetched and no entity is resolved.
 */
public final class HwlocXmlSource {
    private static final Level[] LEVELS = {Level.PACKAGE, Level.DIE, Level.NUMA, Level.LLC, Level.CORE};

    private final Path file;

    public HwlocXmlSource(Path file) {
        this.file = file;
    }

    /** Reads the file; it is named by its file name. */
    /** Larger than the XML of any real machine (a 4096-PU box is a few MB): refused before parsing. */
    static final long MAX_BYTES = 64L << 20;

    public Topology load() {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("hwloc XML " + file + ": is a directory, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("hwloc XML " + file + ": " + (size >> 20) + " MiB is larger than any real topology (limit "
                        + (MAX_BYTES >> 20) + " MiB)");
            }
            if (size == 0) {
                throw new IllegalArgumentException("hwloc XML " + file + ": the file is empty");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("hwloc XML " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("hwloc XML " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString(), "hwloc XML " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("hwloc XML " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("hwloc XML " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a document from a stream; errors name {@code source}. */
    public static Topology parse(InputStream in, String name, String source) {
        SafeXml.Element root = SafeXml.parse(in, source);
        if (!root.name().equals("topology")) {
            throw new IllegalArgumentException(source + ": not an hwloc XML topology (root element is <"
                    + root.name() + ">, expected <topology>)");
        }
        List<PuRecord> pus = new ArrayList<>();
        long[][] ids;
        try {
            walk(root, new ArrayList<>(), pus);
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
    private record PuRecord(int cpu, SafeXml.Element[] holders, boolean severalNodes) {
    }

    private static void walk(SafeXml.Element e, List<SafeXml.Element> ancestors, List<PuRecord> out) {
        for (SafeXml.Element child : e.children()) {
            if (!child.name().equals("object")) {
                continue;
            }
            String type = String.valueOf(child.attr("type"));
            if (type.equals("PU")) {
                out.add(record(child, ancestors, out.size()));
            } else {
                ancestors.add(child);
                walk(child, ancestors, out);
                ancestors.remove(ancestors.size() - 1);
            }
        }
    }

    private static PuRecord record(SafeXml.Element pu, List<SafeXml.Element> ancestors, int ordinal) {
        String os = pu.attr("os_index");
        if (os == null) {
            throw new IllegalArgumentException("PU #" + ordinal + " (in document order) has no os_index");
        }
        int cpu = osIndex(os, "PU #" + ordinal);
        SafeXml.Element[] holders = new SafeXml.Element[LEVELS.length];
        boolean several = false;
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            SafeXml.Element a = ancestors.get(i);
            String type = String.valueOf(a.attr("type"));
            int slot = switch (type) {
                case "Package", "Socket" -> 0;
                case "Die" -> 1;
                case "NUMANode" -> 2;
                case "Core" -> 4;
                default -> isDataCache(a) ? 3 : -1;
            };
            if (slot == 3) {
                holders[3] = a;
            } else if (slot >= 0 && holders[slot] == null) {
                holders[slot] = a;
            }
            if (holders[2] == null) {
                List<SafeXml.Element> nodes = memoryNodes(a);
                if (!nodes.isEmpty()) {
                    holders[2] = nodes.get(0);
                    several = nodes.size() > 1;
                }
            }
        }
        return new PuRecord(cpu, holders, several);
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
            int v = Integer.parseInt(text.strip());
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
