package io.counterbench.results.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * run.json of a run folder, the one definition of its format: the CLI's run writes it (again after
 * every plan entry, so whatever stops a run, the file says how far it got) and reports and the gate
 * read it. {@code status} is "running" (the process died without a word), "complete", or
 * "incomplete" with a {@code reason}. Sections whose content belongs to their writer (environment,
 * JMH settings, /proc/stat deltas, async-profiler) are JSON trees; absent sections are null.
 *
 * @param cpuLookup how the benchmark threads found their CPU (rseq's cpu_id or sched_getcpu) for each cpu mode
 * @param completed indexes of the plan entries that finished
 * @param failed the entries that failed, with the first error line
 * @param missing indexes of the entries that never ran
 * @param label the name the user gave the run ({@code run --label}), null without one
 * @param provenance what exactly was measured: counterbench's commit, the jars' digests, the JVM; null in older runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunJson(
        String schema,
        String status,
        @JsonInclude(Include.NON_NULL) String reason,
        String started,
        String finished,
        List<String> command,
        Profile profile,
        String topology,
        long estimateSeconds,
        List<Entry> plan,
        Map<String, String> files,
        @JsonInclude(Include.NON_NULL) JsonNode environment,
        @JsonInclude(Include.NON_NULL) HostTopology hostTopology,
        @JsonInclude(Include.NON_NULL) JsonNode jmh,
        @JsonInclude(Include.NON_NULL) JsonNode cpuLookup,
        @JsonInclude(Include.NON_NULL) JsonNode asyncProfiler,
        @JsonInclude(Include.NON_NULL) JsonNode procStat,
        List<Integer> completed,
        List<Failure> failed,
        List<Integer> missing,
        @JsonInclude(Include.NON_NULL) String label,
        @JsonInclude(Include.NON_NULL) Provenance provenance) {

    public static final String SCHEMA = "counterbench-run/1";
    public static final String FILE = "run.json";

    public RunJson {
        command = command == null ? List.of() : List.copyOf(command);
        plan = plan == null ? List.of() : List.copyOf(plan);
        files = files == null ? Map.of() : files;
        completed = completed == null ? List.of() : List.copyOf(completed);
        failed = failed == null ? List.of() : List.copyOf(failed);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** A record without a label or provenance (the writers that have none). */
    public RunJson(
            String schema,
            String status,
            String reason,
            String started,
            String finished,
            List<String> command,
            Profile profile,
            String topology,
            long estimateSeconds,
            List<Entry> plan,
            Map<String, String> files,
            JsonNode environment,
            HostTopology hostTopology,
            JsonNode jmh,
            JsonNode cpuLookup,
            JsonNode asyncProfiler,
            JsonNode procStat,
            List<Integer> completed,
            List<Failure> failed,
            List<Integer> missing) {
        this(
                schema,
                status,
                reason,
                started,
                finished,
                command,
                profile,
                topology,
                estimateSeconds,
                plan,
                files,
                environment,
                hostTopology,
                jmh,
                cpuLookup,
                asyncProfiler,
                procStat,
                completed,
                failed,
                missing,
                null,
                null);
    }

    /** This record with a label and provenance. */
    public RunJson with(String label, Provenance provenance) {
        return new RunJson(
                schema,
                status,
                reason,
                started,
                finished,
                command,
                profile,
                topology,
                estimateSeconds,
                plan,
                files,
                environment,
                hostTopology,
                jmh,
                cpuLookup,
                asyncProfiler,
                procStat,
                completed,
                failed,
                missing,
                label,
                provenance);
    }

    /**
     * What exactly a run measured, so that a published table can say so.
     *
     * @param commit counterbench's git commit, null when the suite does not run from a git checkout
     * @param dirty whether that checkout had uncommitted changes to tracked files (null when unknown)
     * @param jars every jar whose code was measured: role (cli, benchmarks, baseline, current, counter-jar), path,
     *     SHA-256
     * @param jvm the JVM that ran the forks: version, vendor, home and the flags the forks got
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provenance(
            @JsonInclude(Include.NON_NULL) String commit,
            @JsonInclude(Include.NON_NULL) Boolean dirty,
            List<Jar> jars,
            @JsonInclude(Include.NON_NULL) Jvm jvm) {
        public Provenance {
            jars = jars == null ? List.of() : List.copyOf(jars);
        }

        /** "commit abc1234 (dirty)", or "commit unknown". */
        public String describeCommit() {
            if (commit == null) {
                return "counterbench commit unknown (not a git checkout)";
            }
            String c = commit.length() > 12 ? commit.substring(0, 12) : commit;
            return "counterbench " + c + (Boolean.TRUE.equals(dirty) ? " with uncommitted changes" : "");
        }
    }

    /** One measured jar and its digest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jar(String role, String path, String sha256) {}

    /** The forks' JVM. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jvm(String version, String vendor, String home, List<String> flags) {
        public Jvm {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /** The JMH settings every fork of the run used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(
            String name,
            int warmupIterations,
            int warmupMillis,
            int measurementIterations,
            int measurementMillis,
            int forks) {}

    /** One plan entry: a benchmark class, its methods and one parameter set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            int index,
            String benchmark,
            List<String> methods,
            Map<String, String> params,
            int threads,
            @JsonInclude(Include.NON_NULL) List<Integer> threadGroups,
            double estimateSeconds) {}

    /** A plan entry that failed, with the first line of its error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(int index, String label, String error) {}

    /** The machine's own topology (whatever --topology the run used): what makes two runs' machines comparable. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HostTopology(String name, String source, int pus, Map<String, Integer> counts, List<String> notes) {
        public HostTopology {
            counts = counts == null ? Map.of() : counts;
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * Reads and checks a run.json (types and ranges by {@link RunJsonCheck}); anything unusable is
     * an {@link InputException} naming the file.
     */
    public static RunJson read(Path file) {
        JsonNode n = JmhJson.readTree(file);
        if (!n.isObject()) {
            throw InputException.of(file, "not a counterbench run record: expected an object");
        }
        if (!isRunRecord(n)) {
            throw InputException.of(
                    file,
                    "not a counterbench run record: schema is '"
                            + n.path("schema").asText("") + "', expected " + SCHEMA);
        }
        RunJsonCheck.check(file, n);
        try {
            return STRICT.treeToValue(n, RunJson.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m
                    ? m.getPath().stream()
                            .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                            .collect(Collectors.joining("."))
                    : "";
            throw InputException.of(
                    file,
                    "not a counterbench run record: " + (where.isEmpty() ? "a field" : where)
                            + " holds a value of the wrong type");
        }
    }

    /** The mapper for reading: a number with a fraction is not taken for a whole one (2.5 threads is not 2). */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT =
            Json.MAPPER.reader().without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Whether a JSON tree says it is a run record (its schema is some counterbench-run/N). */
    public static boolean isRunRecord(JsonNode n) {
        return n != null
                && n.isObject()
                && n.path("schema").isTextual()
                && n.path("schema").asText().startsWith("counterbench-run/");
    }

    /** Writes this record to {@code file} atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /** The first failure's error (else its label), or "" when nothing failed. */
    public String firstError() {
        if (failed.isEmpty()) {
            return "";
        }
        Failure f = failed.getFirst();
        return f.error() == null || f.error().isEmpty() ? String.valueOf(f.label()) : f.error();
    }
}
