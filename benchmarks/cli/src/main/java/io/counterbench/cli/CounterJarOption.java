package io.counterbench.cli;

import io.counterbench.counters.CounterTypes;
import io.counterbench.counters.spi.ContributedType;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --counter-jar JAR}, shared by the commands that run counters (run, jmh, soak, simulate):
 * the jar's counter types join the built-in ones for this command (and its JMH forks). A jar that is
 * missing, not a jar, has no provider or clashes with a built-in id is bad input, one line, exit 2.
 */
public final class CounterJarOption {
    @Option(
            names = "--counter-jar",
            paramLabel = "JAR",
            description = "A jar with counters of your own "
                    + "(io.counterbench.counters.spi.CounterProvider; see docs/counters.md); their ids then work with "
                    + "--counters. Repeatable.")
    List<Path> jars;

    /** Loads the jars (none: only the built-ins) and returns their counter types. */
    public List<ContributedType> load() {
        return CounterTypes.use(jars == null ? List.of() : jars);
    }

    /** The jars given, in order (none: empty). */
    public List<Path> paths() {
        return jars == null ? List.of() : List.copyOf(jars);
    }

    boolean given() {
        return jars != null && !jars.isEmpty();
    }
}
