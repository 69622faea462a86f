package io.counterbench.cli.ab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a counterbench tree keeps the module that builds benchmarks.jar: benchmarks/bench, or
 * benchmarks/jmh in commits from before that module was renamed. ab builds old commits as well
 * as new ones (a baseline is often months old), so every lookup of the module goes through here.
 */
final class BenchModule {
    /** The module's folder in each layout, newest first. */
    static final List<String> DIRS = List.of("benchmarks/bench", "benchmarks/jmh");

    private static final String JAR = "target/benchmarks.jar";

    private BenchModule() {}

    /** The module's folder in {@code tree} (relative, for Maven's -pl), or null for a tree without one. */
    static String dir(Path tree) {
        return DIRS.stream()
                .filter(d -> Files.isDirectory(tree.resolve(d)))
                .findFirst()
                .orElse(null);
    }

    /** The built benchmarks.jar of {@code tree}: in its module's target/, the newest layout's where it has none. */
    static Path jar(Path tree) {
        String d = dir(tree);
        return tree.resolve(d != null ? d : DIRS.getFirst()).resolve(JAR);
    }
}
