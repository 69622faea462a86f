package io.counterbench.counters;

import io.counterbench.counters.spi.ContributedType;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every counter type by id: the built-in {@link CounterId}s, then the types contributed by the jars
 * given with --counter-jar, so that an id means the same thing wherever it is typed (--counters,
 * JMH's {@code -p counter=}, simulate custom, soak). Ids match case-insensitively.
 *
 * <p>The contributed types live in the process: a command loads its jars with {@link #use}, which
 * also sets {@link #JARS_PROPERTY}; a JVM started with that property (a JMH fork, see
 * {@link #forkJvmArgs}) loads the same jars the first time it asks for a type.
 */
public final class CounterTypes {
    /** System property: the counter jars, absolute paths joined with the path separator. */
    public static final String JARS_PROPERTY = "counterbench.counterJars";

    private static CounterJars.Loaded loaded;

    private CounterTypes() {}

    /**
     * Makes the types of {@code jars} (and no others) available, replacing earlier ones. Bad input
     * (a missing file, not a jar, no provider, an id that clashes) is an IllegalArgumentException
     * with one line naming the jar and the problem; nothing changes then.
     *
     * @return the contributed types, in jar order
     */
    public static synchronized List<ContributedType> use(List<Path> jars) {
        List<Path> absolute = jars.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        if (loaded != null && loaded.jars().equals(absolute)) {
            return loaded.types();
        }
        CounterJars.Loaded next = CounterJars.load(absolute);
        if (loaded != null) {
            loaded.close();
        }
        loaded = next;
        if (absolute.isEmpty()) {
            System.clearProperty(JARS_PROPERTY);
        } else {
            System.setProperty(
                    JARS_PROPERTY,
                    absolute.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        return loaded.types();
    }

    /** The contributed types: from {@link #use}, or in a fresh JVM from {@link #JARS_PROPERTY}. */
    public static synchronized List<ContributedType> contributed() {
        if (loaded == null) {
            String property = System.getProperty(JARS_PROPERTY, "");
            List<Path> jars = property.isBlank()
                    ? List.of()
                    : Arrays.stream(property.split(File.pathSeparator))
                            .filter(s -> !s.isBlank())
                            .map(Path::of)
                            .toList();
            loaded = CounterJars.load(jars);
        }
        return loaded.types();
    }

    /** The jars in use (absolute). */
    public static synchronized List<Path> jars() {
        contributed();
        return loaded.jars();
    }

    /** JVM arguments that give a forked JVM the same contributed types (empty when there are none). */
    public static List<String> forkJvmArgs() {
        return forkJvmArgs(jars());
    }

    /** JVM arguments that make a forked JVM load {@code jars} as its contributed types (empty for none). */
    public static List<String> forkJvmArgs(List<Path> jars) {
        return jars.isEmpty()
                ? List.of()
                : List.of("-D" + JARS_PROPERTY + "="
                        + jars.stream()
                                .map(p -> p.toAbsolutePath().normalize().toString())
                                .collect(Collectors.joining(File.pathSeparator)));
    }

    /** Every type: the built-ins in their order, then the contributed ones. */
    public static List<CounterType> all() {
        List<CounterType> out = new ArrayList<>(Arrays.asList(CounterId.values()));
        out.addAll(contributed());
        return List.copyOf(out);
    }

    /**
     * The type an id names: a built-in id or constant name ("tree-topo", "TREE_TOPO") or a
     * contributed id, ignoring case; an unknown id is an IllegalArgumentException listing the known ones.
     */
    public static CounterType parse(String text) {
        CounterId builtIn = CounterId.lookup(text);
        if (builtIn != null) {
            return builtIn;
        }
        String t = text.strip();
        for (ContributedType c : contributed()) {
            if (c.id().equalsIgnoreCase(t)) {
                return c;
            }
        }
        List<ContributedType> mine = contributed();
        throw new IllegalArgumentException("unknown counter id '" + text + "' (known: "
                + Arrays.stream(CounterId.values()).map(CounterId::id).collect(Collectors.joining(", "))
                + (mine.isEmpty()
                        ? ""
                        : "; from --counter-jar: "
                                + mine.stream().map(ContributedType::id).collect(Collectors.joining(", ")))
                + ")");
    }

    /**
     * Forgets the loaded jars, so the next look-up reads {@link #JARS_PROPERTY} again, as a fresh JVM would (tests).
     */
    static synchronized void forget() {
        if (loaded != null) {
            loaded.close();
        }
        loaded = null;
    }

    /** The built-in an id clashes with (its id or constant name, ignoring case), or null. */
    static CounterId builtInNamed(String id) {
        return CounterId.lookup(id);
    }
}
