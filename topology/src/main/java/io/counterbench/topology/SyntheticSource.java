package io.counterbench.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a topology from an hwloc synthetic string ({@code pack:2 numa:2 l3:6 core:8 pu:2}), with
 * linear or smt-split OS numbering. Levels the string leaves out are one domain per parent, except
 * cores: without a core level every PU is its own core.
 */
public final class SyntheticSource {
    private SyntheticSource() {}

    /** Parses and builds; the topology is named by the canonical string. */
    public static Topology parse(String text) {
        SyntheticSpec spec = SyntheticSpec.parse(text);
        return build(spec, spec.toString(), "hwloc synthetic string");
    }

    /** Builds a parsed string under the given name and source description. */
    public static Topology build(SyntheticSpec spec, String name, String source) {
        int n = spec.puCount();
        Level[] levels = {Level.PACKAGE, Level.DIE, Level.NUMA, Level.LLC, Level.CORE};
        int[] under = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            SyntheticSpec.Tier t = spec.tier(levels[i]);
            under[i] = t == null ? 0 : spec.pusUnder(t);
        }
        int perCore = under[4] == 0 ? 1 : under[4];
        TopologyBuilder b = new TopologyBuilder(name, source);
        int[] ids = new int[levels.length];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < levels.length; i++) {
                ids[i] = under[i] == 0 ? -1 : p / under[i];
            }
            int core = p / perCore;
            int cpu = spec.numbering() == Numbering.SMT_SPLIT ? (p % perCore) * (n / perCore) + core : p;
            b.pu(cpu, ids[0], ids[1], ids[2], ids[3], core);
        }
        for (String note : notes(spec)) {
            b.note(note);
        }
        return b.build();
    }

    private static List<String> notes(SyntheticSpec spec) {
        List<String> notes = new ArrayList<>();
        if (spec.tier(Level.CORE) == null) {
            notes.add("no core level: every PU is its own core");
        }
        for (SyntheticSpec.Tier t : spec.tiers()) {
            if (t.level() == null) {
                notes.add("level '" + t.token()
                        + "' is not a level of the model: its count multiplies the level inside it");
            }
        }
        return notes;
    }
}
