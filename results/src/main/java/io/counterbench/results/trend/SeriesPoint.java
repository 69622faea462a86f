package io.counterbench.results.trend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One line of a series file: one gated row of one ab run of one commit against the pinned
 * reference jar. The estimate is the gate's paired Hodges-Lehmann estimate as a log ratio of cost
 * (current over reference: above 0 is slower than the reference), with the gate's one-sided bounds
 * at the row's level. Points of one series share {@code machine} and {@code reference}.
 *
 * @param schema {@link #SCHEMA}
 * @param row the row's name, as the gate prints it (benchmark, params, threads; a @Group member in brackets)
 * @param commit the measured commit (40 hex digits)
 * @param commitTime its committer time, ISO-8601 (the series is ordered by it, then by order in the file)
 * @param machine what makes runs comparable: CPU model, CPU count and topology (see {@link
 *     io.counterbench.results.run.Machine})
 * @param reference SHA-256 of the reference benchmarks.jar
 * @param estimate ln(cost current / cost reference)
 * @param lower lower bound of the log ratio, null when the run could not bound it
 * @param upper upper bound of the log ratio, null when the run could not bound it
 * @param confidence each bound's coverage, null without bounds
 * @param pairs pairs of forks that entered
 * @param host the host name (not part of the series' identity)
 * @param run the ab run folder's name
 */
@JsonPropertyOrder({
    "schema",
    "row",
    "commit",
    "commitTime",
    "machine",
    "reference",
    "estimate",
    "lower",
    "upper",
    "confidence",
    "pairs",
    "host",
    "run"
})
public record SeriesPoint(
        String schema,
        String row,
        String commit,
        String commitTime,
        String machine,
        String reference,
        double estimate,
        @JsonInclude(Include.NON_NULL) Double lower,
        @JsonInclude(Include.NON_NULL) Double upper,
        @JsonInclude(Include.NON_NULL) Double confidence,
        int pairs,
        @JsonInclude(Include.NON_NULL) String host,
        @JsonInclude(Include.NON_NULL) String run) {

    public static final String SCHEMA = "counterbench-trend/1";

    /** The commit time as an instant (checked when read). */
    public Instant time() {
        return Instant.parse(commitTime);
    }

    /** The first 7 characters of the commit. */
    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    /** The cost ratio current / reference (1.02: 2% slower than the reference). */
    public double ratio() {
        return Math.exp(estimate);
    }
}
