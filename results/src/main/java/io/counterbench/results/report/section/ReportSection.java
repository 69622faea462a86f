package io.counterbench.results.report.section;

import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import java.util.List;

/**
 * One part of a report, fed by one kind of input file of a run folder (run.json, jmh.json,
 * footprint.json; simulation.json next). Sections are listed in {@link ReportSections}; runs
 * without the section's file are named in a note and left out of it.
 */
public interface ReportSection {
    /** The heading of the section. */
    String title();

    /** The run-folder file the section reads, e.g. "footprint.json". */
    String inputFile();

    /**
     * True for a section that only some runs' kind has (the stability forensics): it is left out,
     * heading and note, when no run has it, and runs without it are not named.
     */
    default boolean onlyWhenPresent() {
        return false;
    }

    /** True when this run has the section's input. */
    boolean has(RunInput run);

    /**
     * Adds the section's blocks (after the heading) for the runs that have its input; an unusable
     * input file is an {@link io.counterbench.results.util.InputException}.
     */
    void render(ReportContext ctx, List<RunInput> runs, Report out);
}
