package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.RunInput;

/** A JMH result and the run it came from; {@code runIndex} orders machines in merged tables. */
public record ResultRow(RunInput run, int runIndex, JmhResult result) {}
