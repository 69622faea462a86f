package io.counterbench.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a topology as an indented tree, one line per domain like {@code lstopo --of console}:
 * single-child chains share a line ("Package #0 + NUMA node #0"), PUs are listed on their core's
 * line. A tree longer than a limit is shortened: a run of identically shaped siblings is printed
 * once as "12x LLC #0-11" (the first one's subtree shown), and past two differing siblings the
 * rest is elided as "... (10 more)".
 */
public final class TopologyTree {
    /** Printed above a shortened tree. */
    public static final String LEGEND = "(Nx: N identically shaped siblings, the first one shown)";

    private final Topology topology;
    private final Map<Domain, Integer> shapes = new IdentityHashMap<>();
    private final Map<List<Integer>, Integer> shapeIds = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private boolean collapse;

    private TopologyTree(Topology topology) {
        this.topology = topology;
    }

    /**
     * Rendered lines.
     *
     * @param lines the tree, machine first
     * @param shortened whether identical siblings were folded (print {@link #LEGEND} with it)
     */
    public record Rendering(List<String> lines, boolean shortened) {}

    /** The full tree when it fits in {@code maxLines}, else the shortened one. */
    public static Rendering render(Topology topology, int maxLines) {
        if (topology.domainCount(Level.CORE) < maxLines) {
            TopologyTree full = new TopologyTree(topology);
            full.renderRoot();
            if (full.lines.size() <= maxLines) {
                return new Rendering(List.copyOf(full.lines), false);
            }
        }
        TopologyTree shortened = new TopologyTree(topology);
        shortened.collapse = true;
        shortened.renderRoot();
        return new Rendering(List.copyOf(shortened.lines), true);
    }

    private void renderRoot() {
        Domain root = topology.root();
        lines.add("Machine: " + count(root.cpuCount()) + ", CPUs " + CpuList.format(root.cpus()));
        renderChildren(root, 1);
    }

    private void renderChildren(Domain parent, int depth) {
        List<Domain> kids = parent.children();
        if (parent.level() == Level.CORE || kids.isEmpty()) {
            return;
        }
        if (!collapse) {
            for (Domain k : kids) {
                renderRun(List.of(k), depth);
            }
            return;
        }
        List<List<Domain>> runs = new ArrayList<>();
        for (Domain k : kids) {
            List<Domain> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && shape(last.get(0)) == shape(k)) {
                last.add(k);
            } else {
                List<Domain> run = new ArrayList<>();
                run.add(k);
                runs.add(run);
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            if (i == 2 && runs.size() > 3) {
                int rest = runs.subList(2, runs.size()).stream()
                        .mapToInt(List::size)
                        .sum();
                lines.add("  ".repeat(depth) + "... (" + rest + " more)");
                return;
            }
            renderRun(runs.get(i), depth);
        }
    }

    /** One line for a run of same-shaped siblings (usually one), then the first one's children. */
    private void renderRun(List<Domain> run, int depth) {
        Domain first = run.get(0);
        Domain last = run.get(run.size() - 1);
        StringBuilder sb = new StringBuilder("  ".repeat(depth));
        if (run.size() > 1) {
            sb.append(run.size()).append("x ");
        }
        Domain d = first;
        Domain e = last;
        while (true) {
            sb.append(d.level().displayName()).append(" #").append(d.id());
            if (e != d) {
                sb.append('-').append(e.id());
            }
            if (d.level() == Level.CORE || d.children().size() != 1) {
                break;
            }
            sb.append(" + ");
            d = d.children().get(0);
            e = e.children().get(0);
        }
        sb.append(": ");
        String each = run.size() > 1 ? " each; first: " : ", ";
        if (d.level() == Level.CORE) {
            sb.append(run.size() > 1 ? count(d.cpuCount()) + each : "").append(d.cpuCount() == 1 ? "PU " : "PUs ");
            sb.append(CpuList.format(d.cpus()));
        } else {
            sb.append(count(d.cpuCount())).append(each).append("CPUs ").append(CpuList.format(d.cpus()));
        }
        lines.add(sb.toString());
        renderChildren(d, depth + 1);
    }

    /** A small id per distinct subtree shape (levels and fan-outs, not CPU numbers). */
    private int shape(Domain d) {
        Integer known = shapes.get(d);
        if (known != null) {
            return known;
        }
        List<Integer> key = new ArrayList<>();
        key.add(d.level().ordinal());
        for (Domain c : d.children()) {
            key.add(shape(c));
        }
        int id = shapeIds.computeIfAbsent(key, k -> shapeIds.size());
        shapes.put(d, id);
        return id;
    }

    private static String count(int pus) {
        return pus + (pus == 1 ? " PU" : " PUs");
    }
}
