package io.counterbench.sim;

import java.util.List;

/** The custom scenario, resolved and validated from the flags: one spec per counter id. */
record CustomPlan(List<SimSpec> specs) {}
