package io.counterbench.sim;

/**
 * A simulation that threw instead of finishing (a contributed counter with a bug, a batch it
 * refused): the custom scenario reports it in its own table and goes on with the other counters.
 *
 * @param spec   what was to run
 * @param reason the exception, in one line: "IllegalStateException: boom"
 */
record SimFailure(SimSpec spec, String reason) {

    static SimFailure of(SimSpec spec, RuntimeException e) {
        String m = e.getMessage();
        return new SimFailure(
                spec,
                e.getClass().getSimpleName()
                        + (m == null
                                ? ""
                                : ": " + m.lines().findFirst().orElse("").strip()));
    }
}
