package io.counterbench.cli;

import io.counterbench.sim.CustomOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** simulate's flags for the custom scenario (its machine, counters, tasks, workload, migration and sizes). */
final class SimulateCustomFlags {
    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            description = "custom: host, a preset, an hwloc XML file or a synthetic string (default: epyc-9654-2s).")
    String topology;

    @Option(
            names = "--counters",
            split = ",",
            paramLabel = "ID[,ID...]",
            description = "custom: counter ids (default: all, with those of --counter-jar).")
    List<String> counters;

    @Option(names = "--tasks", paramLabel = "T", description = "custom: tasks (threads) of the process (default: 4).")
    Integer tasks;

    @Option(
            names = "--workload",
            paramLabel = "NAME",
            description = "custom: rss, hop, random-walk, fork-exit, adversarial (default: random-walk).")
    String workload;

    @Option(
            names = "--migrate",
            paramLabel = "POLICY",
            description = "custom: stay, anywhere, llc, node, package, next (default: the workload's).")
    String migrate;

    @Option(names = "--every", paramLabel = "K", description = "custom: migrate every K operations of a task.")
    Long every;

    @Option(
            names = "--migrate-probability",
            paramLabel = "P",
            description = "custom: migrate with probability P before each operation.")
    Double probability;

    @Option(
            names = "--ops",
            paramLabel = "N",
            description = "custom: operations per counter (default: 1000000; 100000 with --quick).")
    Long ops;

    @Option(
            names = "--pages",
            paramLabel = "N",
            description = "custom: workload size in pages: RSS target, hop region, largest fork-exit process.")
    Long pages;

    @Option(
            names = "--batch",
            paramLabel = "B",
            description = "custom: the counters' batch (default: each counter's own; trees need a power of two).")
    Long batch;

    /** The custom scenario's options; unset flags stay null (each its default), checked by {@link CustomOptions}. */
    CustomOptions options() {
        return CustomOptions.builder()
                .topology(topology)
                .counters(counters)
                .tasks(tasks)
                .workload(workload)
                .migrate(migrate, every, probability)
                .ops(ops)
                .pages(pages)
                .batch(batch)
                .build();
    }
}
