package io.counterbench.results.report.section;

import java.util.function.Supplier;

/**
 * The report's sections in the order they appear, one per input file of a run folder. Adding
 * one (e.g. SIMULATION for simulation.json) is one constant here and one {@link ReportSection} class.
 */
public enum ReportSections {
    RUN("machines and runs, from run.json", RunSection::new),
    JMH("benchmark tables and charts, from jmh.json (or a bare JMH JSON file)", JmhSection::new),
    FOOTPRINT("memory per counter against CPU count, from footprint.json", FootprintSection::new),
    SIMULATION("the simulator's scenarios against the published figures, from simulation.json", SimulationSection::new),
    LATENCY(
            "core-to-core latency per distance class and as a CPU x CPU heatmap, from latency.json",
            LatencySection::new),
    FORENSICS(
            "each fork's score beside its candidate causes (run --profile stability), from jmh.json and forensics/",
            ForensicsSection::new);

    private final String description;
    private final Supplier<ReportSection> factory;

    ReportSections(String description, Supplier<ReportSection> factory) {
        this.description = description;
        this.factory = factory;
    }

    public String description() {
        return description;
    }

    public ReportSection create() {
        return factory.get();
    }
}
