package io.counterbench.cli;

import io.counterbench.counters.CounterId;
import io.counterbench.results.util.RunFolders;
import io.counterbench.sim.AdviceText;
import io.counterbench.sim.Advisor;
import io.counterbench.sim.ErrorLimit;
import io.counterbench.sim.ReadMix;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run-bench.sh advise}: which counter for a machine and a workload. Parses the flags,
 * measures each counter's memory on the topology (JOL, as {@code footprint} does) and hands both
 * to {@link Advisor}; prints {@link AdviceText}. Bad input, an unknown topology and an error limit
 * no counter meets are one line and exit 2.
 */
@Command(
        name = "advise",
        mixinStandardHelpOptions = true,
        description = {
            "Rank the counters for a machine (a topology) and a workload (update threads, updates per "
                    + "read, approximate or precise reads, the largest acceptable error): per counter the cost of an "
                    + "update, of a read and of the mix (measured where --run has the row on the target machine, else "
                    + "predicted by the simulator's cost model, each figure with its source), the cheap read's worst "
                    + "error (analytic bound and simulated worst), its memory and whether it meets the limit; then the "
                    + "recommended counter and the runner-up.",
            "Without --run nothing is measured and no cost is known: the advice then says so instead of ranking "
                    + "on a guess."
        },
        footer = {
            "",
            "Examples:",
            "  ./run-bench.sh advise --run " + RunFolders.RUNS
                    + "/<quick-run> --threads 2 --updates-per-read 10 --read precise",
            "  ./run-bench.sh advise --topology epyc-9654-2s --run " + RunFolders.RUNS + "/<quick-run> --threads 384",
            "  ./run-bench.sh advise --topology rss-250 --threads 5 --pattern rss --max-error 64MB " + "--run "
                    + RunFolders.RUNS + "/<quick-run>",
            "",
            "More: docs/advise.md"
        })
final class AdviseCommand implements Callable<Integer> {
    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            defaultValue = "host",
            description = "host, a preset name (topology --list), an hwloc XML file or a synthetic string (default: "
                    + "${DEFAULT-VALUE}).")
    String topology;

    @Option(names = "--threads", paramLabel = "N", description = "Update threads (default: the topology's CPU count).")
    Integer threads;

    @Option(
            names = "--updates-per-read",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Updates of one thread between two of its reads (default: ${DEFAULT-VALUE}).")
    long updatesPerRead;

    @Option(
            names = "--read",
            paramLabel = "approximate|precise",
            defaultValue = "approximate",
            description = "The read the threads make (default: ${DEFAULT-VALUE}).")
    String read;

    @Option(
            names = "--max-error",
            paramLabel = "LIMIT",
            description = "The largest acceptable error of the read: counts (5000), a size in pages of 4 KiB as RSS "
                    + "counts (64MB), "
                    + "or a fraction of --value (1%%). Default: none.")
    String maxError;

    @Option(
            names = "--value",
            paramLabel = "N",
            description = "The counter's typical value, for a --max-error given in %%.")
    Long value;

    @Option(
            names = "--run",
            paramLabel = "RUN",
            description = "A run folder (or jmh.json) with UpdateBenchmark, ReadBenchmark and MixBenchmark rows (run "
                    + "--profile quick "
                    + "has them); measured on the target machine, its rows at the workload's threads are used as "
                    + "measured figures.")
    Path run;

    @Option(
            names = "--latency",
            paramLabel = "FILE",
            description = "A latency.json pricing the line moves (default: the run folder's own when it was measured "
                    + "on the target, "
                    + "else the preset's published profile, else none).")
    Path latency;

    @Option(
            names = "--counters",
            split = ",",
            paramLabel = "ID[,ID...]",
            description = "Counter ids (default: every built-in).")
    List<String> counters;

    @Option(
            names = "--pattern",
            paramLabel = "NAME",
            defaultValue = "inc",
            description = "How the simulated updates go: inc (+1 from pinned threads, as MixBenchmark), rss-mix, rss, "
                    + "hop, "
                    + "random-walk, fork-exit, adversarial (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(
            names = "--pages",
            paramLabel = "N",
            description = "The pattern's size in pages (rss: the RSS target; hop: the region).")
    Long pages;

    @Option(
            names = "--ops",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Adds per simulation (default: ${DEFAULT-VALUE}); a read every N updates needs 2 x threads "
                    + "x N of them to be simulated at that rate.")
    long ops;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the simulations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ErrorLimit limit = ErrorLimit.parse(maxError, value);
        ReadMix.Kind kind = ReadMix.Kind.parse(read);
        if (pages != null && pages < 1) {
            throw new UsageException("--pages " + pages + ": at least 1");
        }
        Topology t = TopologySources.load(topology);
        int n = threads != null ? threads : t.puCount();
        Advisor.Workload w = new Advisor.Workload(
                n, updatesPerRead, kind, pattern.strip().toLowerCase(Locale.ROOT), pages == null ? 0 : pages, ops);
        Advisor.Advice advice = Advisor.advise(new Advisor.Request(
                topology, w, limit.counts(), limit.text(), run, latency, counters, id -> memory(id, t), seed));
        spec.commandLine().getOut().print(AdviceText.render(advice));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * One counter on the topology, JOL's retained bytes with its arena share (footprint's method), the kernel layout
     * beside.
     */
    private static Advisor.Memory memory(CounterId id, Topology t) {
        Footprint.Row r = Footprint.measure(id, t, t.puCount());
        return new Advisor.Memory(
                r.oneBytes(),
                "JOL, one counter built for this topology with its share of a full per-CPU arena "
                        + "chunk (as ./run-bench.sh footprint)"
                        + (r.kernelBytes() < 0
                                ? ""
                                : String.format(Locale.ROOT, "; the kernel's layout needs %,d B", r.kernelBytes())));
    }
}
