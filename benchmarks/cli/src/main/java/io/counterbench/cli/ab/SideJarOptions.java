package io.counterbench.cli.ab;

import io.counterbench.cli.UsageException;
import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.spi.ContributedType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * ab's per-side counter jars: {@code --baseline-counter-jar OLD.jar --current-counter-jar NEW.jar}
 * compare two versions of a contributed counter, each side's forks loading its own jar (beside the
 * --counter-jar jars both load). Without --baseline both sides run this checkout's benchmarks.jar,
 * so the only difference between them is the counter jar. With {@code --repo DIR --build CMD --jar
 * PATH} the two jars are built from two revisions of the library's own repository
 * ({@link LibraryResolver}): --baseline and --current are then that repository's revisions.
 */
final class SideJarOptions {
    @Option(
            names = "--baseline-counter-jar",
            paramLabel = "JAR",
            description = "A counter jar only the baseline's forks load "
                    + "(the version to compare against, e.g. mine-v1.jar). Repeatable; goes with "
                    + "--current-counter-jar.")
    List<Path> baselineJars;

    @Option(
            names = "--current-counter-jar",
            paramLabel = "JAR",
            description = "A counter jar only the current side's forks load "
                    + "(the version under test, e.g. mine-v2.jar). Repeatable; goes with --baseline-counter-jar.")
    List<Path> currentJars;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "A counter library's git repository: --baseline and --current "
                    + "are then its revisions (--current default HEAD), each built with --build into the jar "
                    + "at --jar and cached by commit.")
    Path repo;

    @Option(
            names = "--build",
            paramLabel = "COMMAND",
            description = "With --repo: the command that builds the counter jar, run by bash "
                    + "in a clean copy of each commit (e.g. 'mvn -q -DskipTests package').")
    String build;

    @Option(
            names = "--jar",
            paramLabel = "PATH",
            description = "With --repo: the built counter jar, relative to the repository's root "
                    + "(e.g. target/my-counter.jar).")
    Path jar;

    /** The jars of each side, checked: each side's set loads on its own, and the ids both sides contribute. */
    record Sides(
            List<Path> shared,
            List<Path> baseline,
            List<Path> current,
            Set<String> commonIds,
            String baselineName,
            String currentName) {
        boolean perSide() {
            return !baseline.isEmpty();
        }

        List<Path> baselineAll() {
            return concat(shared, baseline);
        }

        List<Path> currentAll() {
            return concat(shared, current);
        }

        /** The JVM flags that make a side's forks load its jars. */
        List<String> baselineFlags() {
            return CounterTypes.forkJvmArgs(baselineAll());
        }

        List<String> currentFlags() {
            return CounterTypes.forkJvmArgs(currentAll());
        }
    }

    boolean given() {
        return baselineJars != null || currentJars != null || library();
    }

    /** Whether the sides are revisions of a library's repository (--repo). */
    boolean library() {
        return repo != null || build != null || jar != null;
    }

    /**
     * With --repo: resolves and builds both revisions of the library ({@code current} null: HEAD)
     * and loads the two jars as {@link #load} does; without, {@link #load}.
     */
    Sides resolve(List<Path> shared, String baseline, String current, Path cache, PrintWriter log) {
        if (!library()) {
            return load(shared);
        }
        if (repo == null || build == null || jar == null) {
            throw new UsageException(
                    "--repo, --build and --jar go together: the library's repository, its build command and the jar "
                            + "it makes");
        }
        if (baselineJars != null || currentJars != null) {
            throw new UsageException("--repo builds both sides' counter jars: leave out --baseline-counter-jar and "
                    + "--current-counter-jar");
        }
        if (baseline == null) {
            throw new UsageException(
                    "missing --baseline REF: a revision of " + repo + " to compare against (e.g. origin/main)");
        }
        LibraryResolver lib = new LibraryResolver(repo, build, jar, cache, log);
        lib.check();
        String cur = current == null ? "HEAD" : current;
        if (current == null && lib.dirty()) {
            log.println("ab: note: --current not given, so HEAD of " + repo
                    + " is measured; its uncommitted changes are not");
            log.flush();
        }
        LibraryResolver.Built b = lib.resolve(baseline, "--baseline");
        LibraryResolver.Built c = lib.resolve(cur, "--current");
        baselineJars = List.of(b.jar());
        currentJars = List.of(c.jar());
        Sides s = load(shared);
        return new Sides(s.shared(), s.baseline(), s.current(), s.commonIds(), b.describe(), c.describe());
    }

    /**
     * Loads both sides' jars in turn (bad input: one line naming the jar), checks that each side
     * contributes the same ids, and leaves the baseline side's types loaded in this process (so
     * --counters and --slowdown see its ids).
     */
    Sides load(List<Path> shared) {
        if ((baselineJars == null) != (currentJars == null)) {
            throw new UsageException((baselineJars == null ? "--current-counter-jar" : "--baseline-counter-jar")
                    + " needs its other side: give both --baseline-counter-jar OLD.jar and "
                    + "--current-counter-jar NEW.jar");
        }
        if (baselineJars == null) {
            return new Sides(shared, List.of(), List.of(), Set.of(), null, null);
        }
        Set<String> sharedIds = ids(CounterTypes.use(shared));
        Set<String> currentIds = ids(CounterTypes.use(concat(shared, currentJars)));
        currentIds.removeAll(sharedIds);
        Set<String> baselineIds = ids(CounterTypes.use(concat(shared, baselineJars)));
        baselineIds.removeAll(sharedIds);
        if (!baselineIds.equals(currentIds)) {
            throw new UsageException("--baseline-counter-jar contributes " + baselineIds + " but --current-counter-jar "
                    + currentIds + ": the two versions must contribute the same counter ids");
        }
        return new Sides(shared, List.copyOf(baselineJars), List.copyOf(currentJars), baselineIds, null, null);
    }

    private static Set<String> ids(List<ContributedType> types) {
        Set<String> out = new LinkedHashSet<>();
        types.forEach(t -> out.add(t.id()));
        return out;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
