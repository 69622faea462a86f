package io.counterbench.sim;

import io.counterbench.results.latency.ClassSummary;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.topology.LatencyClass;
import io.counterbench.topology.LatencyProfile;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the cost model needs besides the simulation: a latency profile per topology (the one a
 * measured latency.json gives, attached to every topology of the run, else the preset's published
 * one, else none) and the fast path (the JMH Update rows of a run, or none).
 *
 * @param latency the --latency file's profile, or null
 * @param fastPath the --fast-path rows, or null
 */
record CostInputs(LatencyProfile latency, UpdateRows fastPath) {
    static final CostInputs NONE = new CostInputs(null, null);

    /** Reads the files the flags name (either may be null); bad input: IllegalArgumentException naming the file. */
    static CostInputs read(Path latencyFile, Path fastPathFile) {
        return new CostInputs(
                latencyFile == null ? null : profileOf(latencyFile, LatencyJson.read(latencyFile)),
                fastPathFile == null ? null : UpdateRows.read(fastPathFile));
    }

    /** The profile a measured run (a complete one) gives: per class, half the median CAS round trip over its pairs. */
    static LatencyProfile profileOf(Path file, LatencyRun run) {
        if (!run.complete()) { // the pairs a signal let finish are not the run: refused, never used as a whole
            throw io.counterbench.results.util.InputException.of(
                    file,
                    "an incomplete latency run ("
                            + (run.reason() == null ? "stopped early" : run.reason())
                            + "); measure again with ./run-bench.sh latency");
        }
        Map<LatencyClass, LatencyProfile.Figure> figures = new EnumMap<>(LatencyClass.class);
        String where = (run.host().isEmpty() ? "" : " on " + run.host())
                + (run.cpuModel().isEmpty() ? "" : " (" + run.cpuModel() + ")");
        for (ClassSummary c : run.classes()) {
            LatencyClass cls = LatencyClass.parse(c.cls());
            figures.put(
                    cls,
                    new LatencyProfile.Figure(
                            c.oneWayNs(),
                            String.format(
                                    Locale.ROOT,
                                    "%s: median CAS round trip of %d pair(s) / 2 = %.1f ns, measured%s",
                                    file,
                                    c.pairs(),
                                    c.oneWayNs(),
                                    where)));
        }
        return new LatencyProfile(
                "measured" + where,
                "latency.json " + file + " (" + run.topology() + " topology, "
                        + run.pairs().size() + " pairs): one-way = median CAS round trip / 2",
                figures);
    }

    /** The profile for a topology: the measured one when given, else the preset's, else an empty one saying why. */
    LatencyProfile profileFor(Topology t) {
        if (latency != null) {
            return latency;
        }
        if (TopologySources.presetNames().contains(t.name())) {
            return TopologySources.presetLatency(t.name());
        }
        return LatencyProfile.none(
                t.name(),
                "topology " + t.name() + " is no preset with published figures; attach a measured "
                        + "latency.json with --latency FILE");
    }
}
