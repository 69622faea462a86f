package io.counterbench.cli;

import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.inputs.Limits;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * Which rows of the profile's plan to measure, shared by run and ab: counter ids, thread counts
 * and a benchmark filter. Unset, the profile decides. Each value is checked here, once.
 */
public final class RowSelection {
    @Option(
            names = "--counters",
            split = ",",
            paramLabel = "ID[,ID...]",
            description = "Counter ids, built-in or from --counter-jar (default: the profile's; run adds every "
                    + "--counter-jar counter).")
    List<String> counters;

    @Option(
            names = "--threads",
            split = ",",
            paramLabel = "N[,N...]",
            description = "Thread counts (default: the profile's; standard and full: 1, 2, 4, ... and the CPU count, "
                    + "quick: 1 and the CPU count).")
    List<Integer> threads;

    @Option(
            names = "--benchmarks",
            paramLabel = "REGEX",
            description = "Only benchmarks whose Class.method matches (e.g. 'Update|Read').")
    public String benchmarks;

    /** The --benchmarks filter, or null for every benchmark. */
    public Pattern filter() {
        try {
            return benchmarks == null ? null : Pattern.compile(benchmarks);
        } catch (PatternSyntaxException e) {
            throw new UsageException(
                    "--benchmarks '" + benchmarks + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    /** The thread counts, each checked, or null for the profile's. */
    public List<Integer> threads() {
        if (threads != null) {
            threads.forEach(t -> Limits.THREADS.check("--threads", t));
        }
        return threads;
    }

    /**
     * The counter ids as the counters name themselves, once each, or null for the profile's; call it
     * once the counter jars are loaded (their ids count).
     */
    public List<String> counterIds() {
        return counters == null
                ? null
                : counters.stream()
                        .map(c -> CounterTypes.parse(c.strip()))
                        .map(CounterType::id)
                        .distinct()
                        .toList();
    }
}
