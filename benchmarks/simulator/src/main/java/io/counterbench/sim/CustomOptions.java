package io.counterbench.sim;

import java.util.List;

/**
 * The flags of the custom scenario as the user gave them; null means "not given" (a default applies).
 *
 * @param topology a topology spec (host, preset, .xml file, synthetic string); default epyc-9654-2s
 * @param counters counter ids; default all
 * @param tasks tasks of the simulated process; default 4
 * @param workload rss, hop, random-walk, fork-exit or adversarial; default random-walk
 * @param migrate stay, anywhere, llc, node, package or next; default: the workload's
 * @param every migrate every k operations of a task
 * @param probability migrate with this probability before each operation
 * @param ops operations; default 1,000,000 (100,000 with --quick)
 * @param pages the workload's size in pages (RSS target, hop region, largest fork-exit process)
 * @param batch the counters' batch; default each counter's own
 */
public record CustomOptions(String topology, List<String> counters, Integer tasks, String workload, String migrate,
        Long every, Double probability, Long ops, Long pages, Long batch) {

    public static final CustomOptions NONE = new CustomOptions(null, null, null, null, null, null, null, null, null, null);

    /** Whether any custom flag was given. */
    public boolean any() {
        return !equals(NONE);
    }
}
