package io.counterbench.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A named machine shape from topology/presets/NAME.topo: a first {@code #} line naming the real
 * machine modelled, a {@code # pus: N} line with the PU count it claims, and one hwloc synthetic
 * string (numbering included).
 *
 * @param name the preset name (the file name without .topo)
 * @param description the first comment line, without the '#'
 * @param claimedPus the count from the {@code # pus:} line
 * @param synthetic the synthetic string
 */
public record Preset(String name, String description, int claimedPus, String synthetic) {

    /** Parses the text of a preset file; problems name the file. */
    public static Preset parse(String name, String text) {
        String file = "preset " + name + " (presets/" + name + ".topo)";
        List<String> comments = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.startsWith("#")) {
                comments.add(s.substring(1).strip());
            } else if (!s.isEmpty()) {
                body.add(s);
            }
        }
        if (comments.isEmpty() || !text.stripLeading().startsWith("#")) {
            throw new IllegalArgumentException(file + ": must start with a '#' line naming the machine");
        }
        if (body.size() != 1) {
            throw new IllegalArgumentException(
                    file + ": needs exactly one synthetic string line, found " + body.size());
        }
        int pus = -1;
        for (String c : comments) {
            if (c.startsWith("pus:")) {
                try {
                    pus = Integer.parseInt(c.substring(4).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": '# " + c + "' is not a PU count");
                }
            }
        }
        if (pus <= 0) {
            throw new IllegalArgumentException(file + ": no '# pus: N' line");
        }
        return new Preset(name, comments.get(0), pus, body.get(0));
    }

    /** Builds the topology, named after the preset. */
    public Topology load() {
        SyntheticSpec spec;
        try {
            spec = SyntheticSpec.parse(synthetic);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preset " + name + ": " + e.getMessage(), e);
        }
        return SyntheticSource.build(spec, name, "preset " + name + " (" + description + "): " + spec);
    }
}
