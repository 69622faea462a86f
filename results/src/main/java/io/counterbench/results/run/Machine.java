package io.counterbench.results.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machine a run measured, from run.json: CPU model, CPU counts and topology (what makes two
 * runs comparable), and kernel, JDK, GC and governor (what a reader wants to know beside them).
 * Fields that run.json did not have are null (counts: -1).
 */
public record Machine(
        String cpuModel,
        int cpusAvailable,
        int cpusOnline,
        Map<String, Integer> topologyCounts,
        String kernel,
        String jdk,
        String vmName,
        String gc,
        String governor,
        Boolean virtualMachine,
        String host) {

    public Machine {
        topologyCounts = topologyCounts == null ? Map.of() : Map.copyOf(topologyCounts);
    }

    /** From a run.json; null when it has no "environment" (a run.json older than environment capture). */
    public static Machine fromRunJson(RunJson run) {
        JsonNode env = run.environment();
        if (env == null || !env.isObject()) {
            return null;
        }
        JsonNode cpus = env.path("cpus");
        Map<String, Integer> counts =
                run.hostTopology() == null ? Map.of() : run.hostTopology().counts();
        JsonNode jdk = env.path("jdk");
        String jdkText = jdk.isObject() ? join(text(jdk, "version"), text(jdk, "vendor")) : text(env, "jdk");
        return new Machine(
                text(env, "cpuModel"),
                cpus.path("available").asInt(-1),
                cpus.path("onlineCount").asInt(-1),
                counts,
                text(env, "kernel"),
                jdkText,
                jdk.isObject() ? text(jdk, "vmName") : null,
                text(env, "gc"),
                text(env, "governor"),
                env.has("virtualMachine") ? env.get("virtualMachine").asBoolean() : null,
                text(env, "host"));
    }

    /** The CPU count threads could use: available, else online, else the topology's PUs; -1 when unknown. */
    public int cpus() {
        if (cpusAvailable > 0) {
            return cpusAvailable;
        }
        if (cpusOnline > 0) {
            return cpusOnline;
        }
        return topologyCounts.getOrDefault("pu", -1);
    }

    /** A short name for table cells: "AMD EPYC 9654 / 384 CPUs". */
    public String shortLabel() {
        String model = cpuModel == null ? "unknown CPU" : shortModel(cpuModel);
        return model + (cpus() > 0 ? " / " + cpus() + " CPUs" : "");
    }

    /**
     * "AMD EPYC 9654 96-Core Processor, 384 CPUs (2 pack, 2 numa, 24 l3, 192 core, 384 pu), Linux 6.8.0, JDK 25.0.1
     * ..."
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add((cpuModel == null ? "unknown CPU" : cpuModel) + (cpus() > 0 ? ", " + cpus() + " CPUs" : ""));
        if (!topologyCounts.isEmpty()) {
            parts.add("topology " + topology());
        }
        if (kernel != null) {
            parts.add("kernel " + kernel);
        }
        if (jdk != null) {
            parts.add("JDK " + jdk);
        }
        if (gc != null) {
            parts.add("GC " + gc);
        }
        if (governor != null) {
            parts.add("governor " + governor);
        }
        if (Boolean.TRUE.equals(virtualMachine)) {
            parts.add("virtual machine");
        }
        if (host != null) {
            parts.add("host " + host);
        }
        return String.join("; ", parts);
    }

    /** "pack 2, numa 2, l3 24, core 192, pu 384" (the levels that tell machines apart). */
    public String topology() {
        List<String> t = new ArrayList<>();
        for (String level : List.of("pack", "die", "numa", "l3", "core", "pu")) {
            Integer c = topologyCounts.get(level);
            if (c != null) {
                t.add(level + " " + c);
            }
        }
        return String.join(", ", t);
    }

    /**
     * What makes this machine a different one for a comparison: CPU model, CPU counts, topology.
     * Kernel and JDK differences are not in the list (see {@link #softDifferences}).
     */
    public List<String> differences(Machine other) {
        List<String> d = new ArrayList<>();
        if (!Objects.equals(cpuModel, other.cpuModel)) {
            d.add("cpuModel '" + cpuModel + "' vs '" + other.cpuModel + "'");
        }
        if (cpusAvailable != other.cpusAvailable) {
            d.add("cpus.available " + cpusAvailable + " vs " + other.cpusAvailable);
        }
        if (cpusOnline != other.cpusOnline) {
            d.add("cpus.onlineCount " + cpusOnline + " vs " + other.cpusOnline);
        }
        if (!topologyCounts.isEmpty()
                && !other.topologyCounts.isEmpty()
                && !topologyCounts.equals(other.topologyCounts)) {
            d.add("hostTopology " + topology() + " vs " + other.topology());
        }
        return d;
    }

    /** Differences worth a note but not a refusal: kernel, JDK, GC, governor. */
    public List<String> softDifferences(Machine other) {
        List<String> d = new ArrayList<>();
        if (!Objects.equals(kernel, other.kernel)) {
            d.add("kernel " + kernel + " vs " + other.kernel);
        }
        if (!Objects.equals(jdk, other.jdk)) {
            d.add("JDK " + jdk + " vs " + other.jdk);
        }
        if (!Objects.equals(gc, other.gc)) {
            d.add("GC " + gc + " vs " + other.gc);
        }
        if (!Objects.equals(governor, other.governor)) {
            d.add("governor " + governor + " vs " + other.governor);
        }
        return d;
    }

    /** "Intel(R) Xeon(R) Platinum 8480+ CPU @ 2.0GHz" -> "Intel Xeon Platinum 8480+". */
    static String shortModel(String model) {
        String s = model.replaceAll("\\((R|TM|tm|r)\\)", "")
                .replaceAll("@.*$", "")
                .replaceAll("\\b\\d+-Core\\b", "")
                .replaceAll("\\b(Processor|CPU)\\b", "")
                .replaceAll("\\s+", " ")
                .strip();
        return s.isEmpty() ? model.strip() : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " (" + b + ")";
    }
}
