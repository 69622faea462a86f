package io.counterbench.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a topology spec as users write it: {@code host} (this machine, from sysfs), a preset name
 * ({@code epyc-9654-2s}; both in any case), a path ending in {@code .xml} (an hwloc XML file) or anything else with a
 * {@code :} (an hwloc synthetic string such as {@code pack:2 core:8 pu:2}).
 */
public final class TopologySources {
    private static final String PRESET_DIR = "presets/";
    private static final String INDEX = PRESET_DIR + "index.list";
    private static final String HOST = "host";

    private TopologySources() {}

    /** Loads the topology a spec names; bad specs give an IllegalArgumentException with one clear line. */
    public static Topology load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "empty topology (use host, a preset, an hwloc XML file or a synthetic string)");
        }
        String s = canonical(spec);
        if (s.equals(HOST)) {
            return SysfsSource.host();
        }
        if (s.endsWith(".xml")) {
            Path file;
            try {
                file = Path.of(s);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(
                        "hwloc XML '" + s + "': not a usable path (" + e.getReason() + ")", e);
            }
            return new HwlocXmlSource(file).load();
        }
        if (presetNames().contains(s)) {
            return preset(s).load();
        }
        if (s.contains(":")) {
            return SyntheticSource.parse(s);
        }
        throw new IllegalArgumentException("unknown topology '" + s + "': not host, a preset ("
                + String.join(", ", presetNames()) + "), an .xml file or a synthetic string like 'pack:2 core:8 pu:2'");
    }

    /**
     * The spec as the rest of the suite names it: {@code host} and preset names matched
     * case-insensitively (like counter ids and profiles) and given in their own spelling; anything
     * else (a file, a synthetic string) stripped and otherwise unchanged.
     */
    public static String canonical(String spec) {
        String s = spec.strip();
        if (s.equalsIgnoreCase(HOST)) {
            return HOST;
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return s;
        }
        return presetName(s).orElse(s);
    }

    /** Whether a spec names this machine ("host", any case). */
    public static boolean isHost(String spec) {
        return spec != null && spec.strip().equalsIgnoreCase(HOST);
    }

    private static Optional<String> presetName(String name) {
        String n = name.strip();
        return presetNames().stream().filter(p -> p.equalsIgnoreCase(n)).findFirst();
    }

    /** Names of the bundled presets, in the order of presets/index.list. */
    public static List<String> presetNames() {
        List<String> names = new ArrayList<>();
        for (String line : resource(INDEX).split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                names.add(s);
            }
        }
        return List.copyOf(names);
    }

    /** Every bundled preset. */
    public static List<Preset> presets() {
        return presetNames().stream().map(TopologySources::preset).toList();
    }

    /** One preset by name; an unknown name gives an IllegalArgumentException listing the known ones. */
    public static Preset preset(String name) {
        String known = presetName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown preset '" + name + "' (known: " + String.join(", ", presetNames()) + ")"));
        return Preset.parse(known, resource(PRESET_DIR + known + ".topo"));
    }

    /**
     * The latency profile of preset {@code name}: its figures per distance class with their sources,
     * empty when the preset has none; an unknown name gives an IllegalArgumentException.
     */
    public static LatencyProfile presetLatency(String name) {
        preset(name);
        return PresetLatency.parse(name, resource(PRESET_DIR + name + ".topo"));
    }

    private static String resource(String path) {
        try (InputStream in = TopologySources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the topology jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}
