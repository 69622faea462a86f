package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a scenario produced: its part of simulation.json, its Markdown, the simulations it ran (for
 * the speed summary) and the failures of checks that must never fail.
 *
 * @param failures bound violations, precise mismatches and wrong victims of the exact selection
 */
record ScenarioReport(String name, ObjectNode json, String markdown, List<SimResult> results, long failures) {

    /** Sum of violations and precise mismatches of the simulations. */
    static long failuresOf(List<SimResult> results) {
        return results.stream()
                .mapToLong(r -> r.violations() + r.preciseMismatches())
                .sum();
    }
}
