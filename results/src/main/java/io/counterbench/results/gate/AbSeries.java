package io.counterbench.results.gate;

import io.counterbench.results.run.Machine;
import io.counterbench.results.trend.SeriesPoint;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An ab run against a pinned reference jar, turned into series points (one per gated row): the
 * gate's paired estimate and bounds ({@link Gate#paired} with ab's defaults), the commit measured,
 * its time, the machine and the reference jar's SHA-256. The reference must be a jar (the
 * baseline side of the ab run); a series against a git revision would move with the cache.
 */
public final class AbSeries {

    private AbSeries() {}

    /**
     * The points of {@code folder}'s rows that have data.
     *
     * @param commit the measured commit (40 hex digits): the current side's commit as pairs.json names it, or given
     *               when the current side was a jar or the working tree
     * @param commitTime the commit's committer time
     */
    public static List<SeriesPoint> points(AbFolder folder, String commit, Instant commitTime) {
        PairsJson pairs = folder.pairs();
        if (pairs.baseline().commit() != null) {
            throw InputException.of(
                    folder.folder(),
                    "its baseline is the git revision " + pairs.baseline().given()
                            + ", not a reference jar: a series is measured against one pinned benchmarks.jar (ab "
                            + "--baseline REFERENCE.jar)");
        }
        Machine m = folder.baseline().machine();
        if (m == null) {
            throw InputException.of(
                    folder.folder(),
                    "no run.json with the machine's environment: the series would not know its machine");
        }
        String reference = sha256(Path.of(pairs.baseline().jar()), folder.folder());
        GateResult gate = folder.gate(GateOptions.paired()); // pairs matched by pair id, as the gate matches them
        List<SeriesPoint> out = new ArrayList<>();
        for (RowComparison r : gate.rows()) {
            if (r.effect() == null
                    || r.effect().pairs() == 0
                    || !Double.isFinite(r.effect().estimate())) {
                continue;
            }
            double est = Slowdown.log(r.effect().estimate());
            boolean bounded = r.effect().bounded();
            out.add(new SeriesPoint(
                    SeriesPoint.SCHEMA,
                    r.name(),
                    commit,
                    commitTime.toString(),
                    machine(m),
                    reference,
                    est,
                    bounded ? Slowdown.log(r.effect().lower()) : null,
                    bounded ? Slowdown.log(r.effect().upper()) : null,
                    bounded ? r.effect().confidence() : null,
                    r.effect().pairs(),
                    m.host(),
                    folder.folder().getFileName().toString()));
        }
        if (out.isEmpty()) {
            throw InputException.of(folder.folder(), "no gated row has data: nothing to record");
        }
        return out;
    }

    /** The series' machine: what {@link Machine#differences} compares (CPU model, CPU counts, topology). */
    public static String machine(Machine m) {
        return (m.cpuModel() == null ? "unknown CPU" : m.cpuModel()) + ", " + m.cpusAvailable() + "/" + m.cpusOnline()
                + " CPUs" + (m.topologyCounts().isEmpty() ? "" : ", " + m.topology());
    }

    /** SHA-256 of a file, in hex. */
    public static String sha256(Path jar, Path folder) {
        if (!Files.isRegularFile(jar)) {
            throw InputException.of(
                    folder,
                    "the reference jar " + jar + " that pairs.json names is gone: cannot fingerprint the series");
        }
        return io.counterbench.inputs.Digests.sha256(jar);
    }
}
