package io.counterbench.cli;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.inputs.Limits;
import io.counterbench.topology.TopologySources;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.openjdk.jol.info.ClassLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the memory of each counter (JOL) for several CPU counts, and the layout of its classes. */
@Command(
        name = "footprint",
        mixinStandardHelpOptions = true,
        description = "Memory of one counter and of a group of 4 (an mm's RSS counters) per counter id and CPU count, "
                + "measured with JOL, and the field layout of the counter classes.")
final class FootprintCommand implements Callable<Integer> {
    @Option(
            names = "--cpus",
            split = ",",
            paramLabel = "N[,N...]",
            description = "CPU counts of the virtual topologies (default: ${DEFAULT-VALUE}).")
    int[] cpus = {2, 64, 256, 1024};

    @Option(names = "--counters", split = ",", paramLabel = "ID[,ID...]", description = "Counter ids (default: all).")
    List<String> counters;

    @Option(names = "--no-layout", description = "Skip the class layouts.")
    boolean noLayout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (int n : cpus) {
            Limits.CPUS.check("--cpus", n);
        }
        List<CounterId> ids = counters == null
                ? Arrays.asList(CounterId.values())
                : counters.stream().map(CounterId::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        List<Footprint.Row> rows = Footprint.measure(ids, cpus);
        out.println("Retained bytes (JOL GraphLayout), without the shared per-topology configuration:");
        out.println("one = one counter; group = 4 counters built together (adjacent per-CPU arena slots);");
        out.println("per-CPU slots are charged as their share of a full arena chunk (padding included), see below;");
        out.println("kernel = bytes the kernel's layout of the structure needs for one counter: 8 per per-CPU");
        out.println("slot, plus one 64-byte line per tree item (- where the kernel has no such structure).");
        StringBuilder header = new StringBuilder(String.format("%-11s", "counter"));
        for (int n : cpus) {
            header.append(String.format(" | %10s %8s %10s", "N=" + n + " one", "kernel", "group"));
        }
        out.println(header);
        out.println("-".repeat(header.length()));
        for (CounterId id : ids) {
            StringBuilder line = new StringBuilder(String.format("%-11s", id.id()));
            for (int n : cpus) {
                Footprint.Row r = rows.stream()
                        .filter(x -> x.id().equals(id.id()) && x.cpus() == n)
                        .findFirst()
                        .orElseThrow();
                line.append(String.format(
                        " | %10d %8s %10d",
                        r.oneBytes(), r.kernelBytes() < 0 ? "-" : Long.toString(r.kernelBytes()), r.groupOf4Bytes()));
            }
            out.println(line);
        }
        out.println();
        out.println("Shared configuration (tree shape, CPU maps), once per topology, in bytes:");
        for (int n : cpus) {
            StringBuilder line = new StringBuilder(String.format("  N=%-5d", n));
            for (CounterId id : ids) {
                rows.stream()
                        .filter(x -> x.id().equals(id.id()) && x.cpus() == n && x.sharedConfigBytes() > 0)
                        .findFirst()
                        .ifPresent(r ->
                                line.append(' ').append(id.id()).append('=').append(r.sharedConfigBytes()));
            }
            out.println(line);
        }
        out.println("Per-CPU arena chunks (" + io.counterbench.counters.PerCpuArena.SLOTS_PER_CHUNK
                + " slots per region, regions padded 128 bytes apart), in bytes:");
        for (int n : cpus) {
            StringBuilder line = new StringBuilder(String.format("  N=%-5d", n));
            Set<Long> seen = new LinkedHashSet<>();
            for (Footprint.Row r : rows) {
                if (r.cpus() == n && r.chunkBytes() > 0 && seen.add(r.chunkBytes())) {
                    String users = rows.stream()
                            .filter(x -> x.cpus() == n && x.chunkBytes() == r.chunkBytes())
                            .map(Footprint.Row::id)
                            .collect(java.util.stream.Collectors.joining(","));
                    line.append(' ')
                            .append(users)
                            .append(": chunk=")
                            .append(r.chunkBytes())
                            .append(" share of one slot=")
                            .append(r.slotShareBytes())
                            .append(';');
                }
            }
            out.println(line);
        }
        out.println("  A lone counter keeps a whole chunk alive; its row charges it one slot's share, as the kernel's");
        out.println("  per-CPU allocator spreads its chunks over every per-CPU allocation.");
        out.println(
                "adder: a fresh LongAdder has no cells; under contention it grows to at most the next power of two");
        out.println("       above this machine's CPU count, whatever N the row names.");
        if (!noLayout) {
            printLayouts(out, ids);
        }
        return ExitCodes.OK;
    }

    private void printLayouts(PrintWriter out, List<CounterId> ids) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        var t = TopologySources.load("pack:1 core:2 pu:1");
        List<String> internals = new ArrayList<>();
        for (CounterId id : ids) {
            Counter c = id.create(t);
            classes.add(c.getClass());
        }
        if (ids.contains(CounterId.ADDER)) {
            internals.add("java.util.concurrent.atomic.Striped64$Cell");
        }
        if (ids.contains(CounterId.JCTOOLS)) {
            internals.add("org.jctools.counters.FixedSizeStripedLongCounterV8");
        }
        for (String name : internals) {
            try {
                classes.add(Class.forName(name));
            } catch (ClassNotFoundException e) {
                out.println("(no class " + name + ")");
            }
        }
        out.println();
        out.println("Field layouts (per-CPU slots live in arena chunks; see counters/package-info.java, Padding):");
        for (Class<?> k : classes) {
            out.println(ClassLayout.parseClass(k).toPrintable());
        }
    }
}
