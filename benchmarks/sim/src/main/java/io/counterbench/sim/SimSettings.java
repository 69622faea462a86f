package io.counterbench.sim;

/**
 * What every scenario is run with.
 *
 * @param seed the run's seed; each scenario derives its own from it and its name
 * @param quick CI-sized runs (seconds) instead of the full ones (minutes)
 * @param custom the custom scenario's runs, or null when it was not asked for
 * @param update the update scenario's runs, or null when it was not asked for
 */
record SimSettings(long seed, boolean quick, CustomPlan custom, UpdatePlan update) {

    /** The seed of scenario {@code name}: the run's seed mixed with the name, so scenarios do not share streams. */
    long seedFor(String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return h ^ (h >>> 29);
    }
}
