package io.counterbench.cli;

import io.counterbench.inputs.Limits;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.CpuList;
import io.counterbench.topology.Level;
import io.counterbench.topology.Placement;
import io.counterbench.topology.Preset;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import io.counterbench.topology.TopologyTree;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run-bench.sh topology}: prints a topology (source, notes, tree, counts and fan-out per level)
 * and where n threads go under each placement policy; {@code --list} prints the presets.
 */
@Command(
        name = "topology",
        mixinStandardHelpOptions = true,
        description = "Print a CPU topology and where threads go under each placement policy.")
final class TopologyCommand implements Runnable {
    /** Longest tree printed in full; bigger ones are shortened. */
    private static final int MAX_TREE_LINES = 40;

    private static final int DEFAULT_THREAD_CAP = 16;

    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            defaultValue = "host",
            description = "host, a preset name (see --list), an hwloc XML file (*.xml) or an hwloc synthetic "
                    + "string such as 'pack:2 l3:4 core:8 pu:2 numbering:smt-split'. Default: ${DEFAULT-VALUE}.")
    String topology;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads to place (default: the PU count, at most " + DEFAULT_THREAD_CAP + ").")
    Integer threads;

    @Option(names = "--list", description = "List the bundled presets and exit.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printPresets(out);
            return;
        }
        if (threads != null) {
            Limits.THREADS.check("--threads", threads);
        }
        Topology t = TopologySources.load(topology);
        boolean host = TopologySources.isHost(topology);
        int[] allowed = host && Affinity.available() ? Affinity.processCpus() : null;
        printHeader(out, t);
        printTree(out, t);
        printLevels(out, t);
        printPlacements(out, t, allowed);
        out.flush();
    }

    private static void printPresets(PrintWriter out) {
        List<Preset> presets = TopologySources.presets();
        int width = presets.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        out.println("presets (use --topology NAME):");
        for (Preset p : presets) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %5d PUs  %s%n", p.name(), p.claimedPus(), p.description());
        }
        out.flush();
    }

    private static void printHeader(PrintWriter out, Topology t) {
        out.println("topology: " + t.name());
        out.println("source:   " + t.source());
        if (t.notes().isEmpty()) {
            out.println("notes:    none");
        } else {
            out.println("notes:");
            t.notes().forEach(n -> out.println("  - " + n));
        }
        out.println();
    }

    private static void printTree(PrintWriter out, Topology t) {
        TopologyTree.Rendering tree = TopologyTree.render(t, MAX_TREE_LINES);
        out.println("tree" + (tree.shortened() ? " " + TopologyTree.LEGEND : "") + ":");
        tree.lines().forEach(l -> out.println("  " + l));
        out.println();
    }

    private static void printLevels(PrintWriter out, Topology t) {
        List<String> counts = new ArrayList<>();
        List<String> fanOut = new ArrayList<>();
        for (Level level : Level.values()) {
            if (level != Level.MACHINE) {
                counts.add(name(level) + "s " + t.domainCount(level));
            }
            if (level != Level.PU) {
                fanOut.add(name(level) + " " + t.maxFanOut(level));
            }
        }
        out.println("counts:      " + String.join(", ", counts));
        out.println("max fan-out: " + String.join(", ", fanOut) + " (most children of one domain)");
        out.println("cpu ids:     " + t.puCount() + " PUs, ids " + CpuList.format(t.cpus()) + " (per-CPU arrays need "
                + t.cpuIdLimit() + " slots)");
        out.println();
    }

    private void printPlacements(PrintWriter out, Topology t, int[] allowed) {
        int usable = allowed == null
                ? t.puCount()
                : (int) java.util.Arrays.stream(allowed).filter(t::hasCpu).count();
        int n = threads != null ? threads : Math.max(1, Math.min(usable, DEFAULT_THREAD_CAP));
        out.println("placement of " + n + (n == 1 ? " thread" : " threads")
                + (allowed == null ? "" : " on the CPUs this process may use (" + CpuList.format(allowed) + ")")
                + ", CPU of thread 0, 1, ...:");
        for (Placement p : Placement.values()) {
            String where;
            if (p == Placement.NONE) {
                where = "not pinned: the OS decides";
            } else {
                try {
                    int[] cpus = allowed == null ? p.cpusFor(t, n) : p.cpusFor(t, n, allowed);
                    where = CpuList.format(cpus);
                } catch (IllegalArgumentException e) {
                    where = "cannot place: " + e.getMessage();
                }
            }
            out.printf(Locale.ROOT, "  %-13s %s%n", p.label(), where);
        }
    }

    /** "package", "NUMA node", "LLC": the display name, lower case except acronyms. */
    private static String name(Level level) {
        String name = level.displayName();
        return name.equals(name.toUpperCase(Locale.ROOT))
                ? name
                : name.toLowerCase(Locale.ROOT).replace("numa", "NUMA");
    }
}
