package io.counterbench.results.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * pairs.json of an ab run folder, the one definition of its format: ab writes it after every pair
 * and the analysis reads it. It names the two versions, the rows, the random seed and, pair by
 * pair, which version ran first and how each fork ended. jmh-baseline.json and jmh-current.json
 * hold, per row, the forks of the pairs whose both forks finished, in pair order, so that fork i
 * of a row on one side ran beside fork i of the same row on the other.
 *
 * @param status "running", "complete" or "incomplete" (with {@code reason})
 * @param seed the seed of the random order (run ab with --seed to repeat the order)
 * @param pairsPerRow the pairs planned for every row (with looks: the most a row may get)
 * @param looks the pair counts at which an adaptive run (ab --budget) tests its rows; absent for a fixed number of
 * pairs
 * @param budgetSeconds the time an adaptive run was given, from ab's start; absent without one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PairsJson(
        String schema,
        String status,
        @JsonInclude(Include.NON_NULL) String reason,
        long seed,
        int pairsPerRow,
        Version baseline,
        Version current,
        List<Row> rows,
        List<Pair> pairs,
        @JsonInclude(Include.NON_EMPTY) List<Integer> looks,
        @JsonInclude(Include.NON_NULL) Double budgetSeconds) {

    public static final String SCHEMA = "counterbench-ab-pairs/1";
    public static final String FILE = "pairs.json";
    public static final String BASELINE_JMH = "jmh-baseline.json";
    public static final String CURRENT_JMH = "jmh-current.json";

    public PairsJson {
        rows = rows == null ? List.of() : List.copyOf(rows);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        looks = looks == null ? List.of() : List.copyOf(looks);
    }

    /** A run of a fixed number of pairs per row (no looks, no budget). */
    public PairsJson(
            String schema,
            String status,
            String reason,
            long seed,
            int pairsPerRow,
            Version baseline,
            Version current,
            List<Row> rows,
            List<Pair> pairs) {
        this(schema, status, reason, seed, pairsPerRow, baseline, current, rows, pairs, null, null);
    }

    /** The complete pairs of row {@code row} (one per pair id: the attempt that is used), by pair id. */
    public List<Pair> used(int row) {
        return pairs.stream()
                .filter(p -> p.row() == row && p.complete())
                .sorted(java.util.Comparator.comparingInt(Pair::pair))
                .toList();
    }

    /**
     * One side of the comparison.
     *
     * @param given what the user passed (a git revision or a jar path)
     * @param commit the resolved commit, null for a jar
     * @param jar the benchmarks.jar its forks ran from
     * @param jvmArgs the flags of its JVMs (the same for both sides, but for a --slowdown knob)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(
            String given, @JsonInclude(Include.NON_NULL) String commit, String jar, List<String> jvmArgs) {
        public Version {
            jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        }
    }

    /** One gated row: a benchmark method (or @Group) with one parameter set and thread layout. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            int index,
            String benchmark,
            Map<String, String> params,
            int threads,
            @JsonInclude(Include.NON_NULL) List<Integer> threadGroups,
            String label) {}

    /**
     * One attempt at a pair: row {@code row}'s pair number {@code pair}; {@code first} is "baseline" or "current"
     * when the two forks ran one after the other, "together" when they ran at the same time on two halves
     * of the machine's CPUs (side by side, duet benchmarking), which {@code baselineCpus} and {@code currentCpus} name.
     *
     * @param baseline how the baseline fork ended: "done", "failed", "interrupted" or "not run"
     * @param baselineLoad CPUs busy with other work while the baseline fork ran (null when unknown)
     * @param dropped why a finished pair is not used (its rerun replaces it), null when it is used
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pair(
            int row,
            int pair,
            int attempt,
            String first,
            String baseline,
            String current,
            @JsonInclude(Include.NON_NULL) Double baselineLoad,
            @JsonInclude(Include.NON_NULL) Double currentLoad,
            @JsonInclude(Include.NON_NULL) String dropped,
            @JsonInclude(Include.NON_NULL) String error,
            @JsonInclude(Include.NON_NULL) String baselineCpus,
            @JsonInclude(Include.NON_NULL) String currentCpus) {
        /** A pair whose forks ran one after the other ({@code first} names which). */
        public Pair(
                int row,
                int pair,
                int attempt,
                String first,
                String baseline,
                String current,
                Double baselineLoad,
                Double currentLoad,
                String dropped,
                String error) {
            this(row, pair, attempt, first, baseline, current, baselineLoad, currentLoad, dropped, error, null, null);
        }

        public boolean complete() {
            return "done".equals(baseline) && "done".equals(current) && dropped == null;
        }

        /** Both forks finished (whether or not the pair is used). */
        public boolean finished() {
            return "done".equals(baseline) && "done".equals(current);
        }
    }

    public long completePairs() {
        return pairs.stream().filter(Pair::complete).count();
    }

    /** Attempts that ran but are not used: failed, or dropped for a rerun. */
    public long unusedAttempts() {
        return pairs.stream().filter(p -> !p.complete()).count();
    }

    public static PairsJson read(Path file) {
        JsonNode n = JmhJson.readTree(file);
        if (!n.isObject() || !n.path("schema").asText("").startsWith("counterbench-ab-pairs/")) {
            throw InputException.of(file, "not an ab pairs record (schema " + SCHEMA + ")");
        }
        try {
            return Json.MAPPER.treeToValue(n, PairsJson.class);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw InputException.of(
                    file, "not an ab pairs record: " + m.lines().findFirst().orElse(""));
        }
    }

    public void write(Path file) {
        Json.write(file, this);
    }
}
