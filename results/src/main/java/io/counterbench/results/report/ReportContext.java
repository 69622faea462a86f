package io.counterbench.results.report;

import io.counterbench.results.run.RunInput;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every section needs besides its own input: all runs, and the short machine label of each
 * (unique per run, so that two runs of one machine stay apart in a merged table).
 */
public final class ReportContext {
    private final List<RunInput> runs;
    private final Map<RunInput, String> labels = new IdentityHashMap<>();
    private final Map<RunInput, String> shortLabels = new IdentityHashMap<>();
    /** The inputs come from more than one machine, or from one that run.json does not name. */
    private final boolean machinesDiffer;

    public ReportContext(List<RunInput> runs) {
        this.runs = List.copyOf(runs);
        Map<String, Integer> seen = new HashMap<>();
        for (RunInput r : runs) {
            String base = r.machine() != null ? r.machine().shortLabel() : "unknown machine";
            seen.merge(base, 1, Integer::sum);
        }
        machinesDiffer = seen.size() > 1 || runs.stream().anyMatch(r -> r.machine() == null);
        for (RunInput r : runs) {
            String base = r.machine() != null ? r.machine().shortLabel() : "unknown machine";
            String given = r.run() == null ? null : r.run().label();
            boolean ambiguous = seen.get(base) > 1 || r.machine() == null || (given != null && runs.size() > 1);
            String tag = given != null ? given : r.name();
            labels.put(r, ambiguous ? base + " (" + tag + ")" : base);
            shortLabels.put(r, ambiguous ? tag : base);
        }
    }

    public List<RunInput> runs() {
        return runs;
    }

    /** More than one input: tables get a machine column. */
    public boolean merged() {
        return runs.size() > 1;
    }

    /**
     * Whether a table or chart of these rows must say which run each row came from: when the rows
     * come from more than one run, or when the inputs are from different machines. Runs of one
     * machine that measured different benchmarks (a published set taken in parts) merge without
     * a machine column or a legend suffix.
     */
    public boolean tellApart(java.util.Collection<ResultRow> rows) {
        if (!merged()) {
            return false;
        }
        return machinesDiffer
                || rows.stream().mapToInt(ResultRow::runIndex).distinct().count() > 1;
    }

    /**
     * "AMD EPYC 9654 / 384 CPUs", with the run's label ({@code run --label}) or else its folder name
     * added where needed to tell runs apart; a labelled run of a merged report always shows its label.
     */
    public String label(RunInput run) {
        return labels.get(run);
    }

    /**
     * For chart legends: the machine label, or just the run's label (else folder name) where runs must be told apart.
     */
    public String shortLabel(RunInput run) {
        return shortLabels.get(run);
    }
}
