package io.counterbench.results.util;

import java.nio.file.Path;

/**
 * Input the analysis cannot use: a file that is missing, truncated, not JMH's JSON, or runs that
 * cannot be compared. The message is one line that names the file and the problem; the CLI prints
 * it as "error: ..." and exits 2 (it is an IllegalArgumentException for that reason).
 */
public final class InputException extends IllegalArgumentException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: problem". */
    public static InputException of(Path file, String problem) {
        return new InputException(file + ": " + problem);
    }
}
