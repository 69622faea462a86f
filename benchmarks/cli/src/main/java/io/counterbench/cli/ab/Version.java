package io.counterbench.cli.ab;

import java.nio.file.Path;

/**
 * One side of an ab comparison, resolved: what the user gave, the commit it names (null for a
 * jar or the working tree) and the benchmarks.jar its forks run from.
 */
public record Version(String given, String commit, Path jar) {

    /** "HEAD~1 (3f2a1bc)", "the working tree", or the jar's path. */
    public String describe() {
        if (commit != null) {
            return given + " (" + commit.substring(0, Math.min(10, commit.length())) + ")";
        }
        return given;
    }
}
