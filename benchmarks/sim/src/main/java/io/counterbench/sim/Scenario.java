package io.counterbench.sim;

import io.counterbench.results.util.Progress;

/** A named simulation that reproduces a published figure (or, for custom, what the flags ask). */
interface Scenario {
    String name();

    /** One line: what it reproduces. */
    String summary();

    /** About how many operations it will simulate, for progress. */
    long plannedOps(SimSettings settings);

    ScenarioReport run(SimSettings settings, Progress progress);
}
