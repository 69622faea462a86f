package io.counterbench.cli;

import io.counterbench.cli.run.Plan;
import io.counterbench.cli.run.PlanEntry;
import io.counterbench.cli.run.Profile;
import io.counterbench.results.util.Progress;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.CpuList;
import io.counterbench.topology.Placement;
import io.counterbench.topology.Topology;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** run's plan: checked against the CPUs this process may use, and printed before anything runs. */
final class PlanPrinter {
    private PlanPrinter() {}

    /** Each placement's largest thread count fits the allowed CPUs of the topology (else one line, exit 2). */
    static void checkPlacements(Plan plan, Topology topo, int[] allowed) {
        Map<String, Integer> most = new LinkedHashMap<>();
        for (PlanEntry e : plan.entries()) {
            String pl = e.params().get("placement");
            if (pl != null) {
                most.merge(pl, e.totalThreads(), Math::max);
            }
        }
        for (Map.Entry<String, Integer> m : most.entrySet()) {
            Placement pl = Placement.parse(m.getKey());
            if (pl != Placement.NONE) {
                pl.cpusFor(topo, m.getValue(), allowed);
            }
        }
    }

    /**
     * The plan as run prints it: profile, iterations, forks per benchmark, threads, the ETA; entries with --dry-run.
     */
    static void print(PrintWriter out, Plan plan, Topology topo, boolean host, int cpus, boolean entries) {
        Profile p = plan.profile();
        out.printf(
                "Plan: profile %s on %s (%d CPUs%s)%n",
                p.label(),
                host ? "this machine" : "topology " + topo.name(),
                cpus,
                host ? ", allowed " + CpuList.format(Affinity.processCpus()) : ", virtual: threads are not pinned");
        out.printf(
                "  per fork: warmup %d x %d ms, measurement %d x %d ms; %d fork(s) per benchmark method%n",
                p.warmupIterations, p.warmupMillis, p.measurementIterations, p.measurementMillis, plan.forksPerRow());
        Map<String, int[]> per = new LinkedHashMap<>();
        for (PlanEntry e : plan.entries()) {
            int[] c = per.computeIfAbsent(e.benchmark(), k -> new int[2]);
            c[0]++;
            c[1] += e.methods().size() * plan.forksPerRow();
        }
        per.forEach((b, c) -> out.printf("  %-22s %4d parameter sets, %5d forks%n", b, c[0], c[1]));
        String threadList = plan.entries().stream()
                .map(PlanEntry::totalThreads)
                .distinct()
                .sorted()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElse("-");
        out.printf("  threads: %s; JMH forks in all: %d%n", threadList, plan.forks());
        out.printf("  estimated time: %s%n", Progress.format(plan.estimateSeconds()));
        if (!host
                && plan.entries().stream()
                        .anyMatch(e -> e.totalThreads() > Runtime.getRuntime().availableProcessors())) {
            out.printf(
                    "  note: up to %d threads on a machine with %d CPUs here: fine for a plan, oversubscribed if run "
                            + "here%n",
                    plan.entries().stream()
                            .mapToInt(PlanEntry::totalThreads)
                            .max()
                            .orElse(0),
                    Runtime.getRuntime().availableProcessors());
        }
        if (entries) {
            out.println("  entries:");
            List<PlanEntry> es = plan.entries();
            for (int i = 0; i < es.size(); i++) {
                if (i == 40 && es.size() > 50) {
                    out.printf("    ... (%d more)%n", es.size() - 45);
                    i = es.size() - 5;
                }
                out.printf("    %4d  %s%n", i + 1, es.get(i).label());
            }
        }
        out.flush();
    }
}
