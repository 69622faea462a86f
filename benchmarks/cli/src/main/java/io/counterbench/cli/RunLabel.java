package io.counterbench.cli;

import java.util.regex.Pattern;

/** The checks of a run's {@code --label}: a short name that reads well in a table cell and a chart legend. */
final class RunLabel {
    static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._+:@/()-]*");

    private RunLabel() {}

    /** Nothing for null (no label); a {@link UsageException} naming the problem for an unusable one. */
    static void check(String label) {
        if (label == null) {
            return;
        }
        if (label.isBlank()) {
            throw new UsageException("--label is empty: give a short name for the run, e.g. --label mine-v1");
        }
        if (label.length() > MAX_LENGTH) {
            throw new UsageException("--label is " + label.length() + " characters long: at most " + MAX_LENGTH);
        }
        if (!ALLOWED.matcher(label).matches()) {
            throw new UsageException("--label '" + label.replaceAll("\\p{Cntrl}", "?")
                    + "': use letters, digits, spaces and . _ + : @ / ( ) -, " + "starting with a letter or digit");
        }
    }
}
