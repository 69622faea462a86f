package io.counterbench.cli;

/** A check the user asked for failed (exit code 1). */
public final class CheckFailedException extends RuntimeException {
    public CheckFailedException(String message) {
        super(message);
    }
}
