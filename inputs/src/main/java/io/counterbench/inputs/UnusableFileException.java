package io.counterbench.inputs;

/**
 * An input file that cannot be used: missing, not a regular file, too large, unreadable. The
 * message is one line naming the file and the problem; it is an IllegalArgumentException so the
 * CLI reports it as bad input (exit 2).
 */
public final class UnusableFileException extends IllegalArgumentException {
    public UnusableFileException(String message) {
        super(message);
    }

    public UnusableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
