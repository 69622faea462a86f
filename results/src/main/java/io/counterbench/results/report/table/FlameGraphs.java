package io.counterbench.results.report.table;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.RunInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the flame graph of a result row under its run folder's profiles/: the run command gives
 * each plan entry its own folder profiles/NNN-tT/ (T = threads), in which JMH's async profiler
 * names a folder after the benchmark's id (benchmark, mode, then every parameter as -name-value,
 * names sorted) and writes flame-EVENT-forward.html into it.
 */
public final class FlameGraphs {
    private final Map<Path, List<Path>> byRun = new HashMap<>();

    /** The forward flame graph of {@code r}, if the run recorded one. */
    Optional<Path> find(RunInput run, JmhResult r) {
        if (run.folder() == null) {
            return Optional.empty();
        }
        List<Path> graphs = byRun.computeIfAbsent(run.folder(), FlameGraphs::scan);
        String id = normalize(jmhId(r));
        for (Path g : graphs) {
            Path dir = g.getParent();
            String entry = dir.getParent().getFileName().toString();
            if (normalize(dir.getFileName().toString()).equals(id) && entry.endsWith("-t" + r.threads())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * JMH's BenchmarkParams.id(): benchmark-Mode-name-value..., e.g. io.x.UpdateBenchmark.inc-Throughput-counter-TREE.
     */
    static String jmhId(JmhResult r) {
        StringBuilder b = new StringBuilder(r.benchmark())
                .append('-')
                .append(
                        switch (r.mode()) {
                            case THROUGHPUT -> "Throughput";
                            case AVERAGE_TIME -> "AverageTime";
                            case SAMPLE_TIME -> "SampleTime";
                            case SINGLE_SHOT -> "SingleShotTime";
                        });
        r.params().forEach((k, v) -> b.append('-').append(k).append('-').append(v));
        return b.toString();
    }

    /** JMH replaces characters unsafe in file names; compare with every non-alphanumeric as '_'. */
    static String normalize(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    private static List<Path> scan(Path folder) {
        Path profiles = folder.resolve("profiles");
        if (!Files.isDirectory(profiles)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.find(
                profiles,
                3,
                (p, a) -> a.isRegularFile() && p.getFileName().toString().matches("flame-.*-forward\\.html"))) {
            s.sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + profiles + ": " + e.getMessage(), e);
        }
        return out;
    }
}
