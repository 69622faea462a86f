package io.counterbench.counters;

import io.counterbench.counters.spi.ContributedType;
import io.counterbench.counters.spi.CounterProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Loads the counter types of --counter-jar files: each jar in its own class loader (parent: the
 * one that loaded counterbench, so the jar sees the Counter API), its providers found with
 * {@link ServiceLoader} and checked. Every problem is one line naming the jar.
 */
final class CounterJars {
    private static final String SERVICE = "META-INF/services/" + CounterProvider.class.getName();

    /** The jars, the types they contribute, and the class loaders to close when they are replaced. */
    record Loaded(List<Path> jars, List<ContributedType> types, List<URLClassLoader> loaders) {
        void close() {
            for (URLClassLoader l : loaders) {
                try {
                    l.close();
                } catch (IOException e) {
                    // the classes already loaded stay usable; nothing to report
                }
            }
        }
    }

    private CounterJars() {}

    static Loaded load(List<Path> jars) {
        List<ContributedType> types = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        try {
            for (Path jar : jars) {
                checkFile(jar);
                URLClassLoader loader = new URLClassLoader(
                        "counter-jar " + jar.getFileName(), new URL[] {url(jar)}, CounterJars.class.getClassLoader());
                loaders.add(loader);
                List<ContributedType> mine = typesOf(jar, loader);
                for (ContributedType t : mine) {
                    CounterId clash = CounterTypes.builtInNamed(t.id());
                    if (clash != null) {
                        throw new IllegalArgumentException(
                                prefix(jar) + "counter id '" + t.id() + "' clashes with the built-in '" + clash.id()
                                        + "' (ids ignore case); give it another id");
                    }
                    String earlier = seen.putIfAbsent(t.id().toLowerCase(Locale.ROOT), jar.toString());
                    if (earlier != null) {
                        throw new IllegalArgumentException(prefix(jar) + "counter id '" + t.id()
                                + "' is contributed twice"
                                + (earlier.equals(jar.toString()) ? " by this jar" : " (also by " + earlier + ")"));
                    }
                    types.add(t);
                }
            }
        } catch (RuntimeException e) {
            new Loaded(jars, types, loaders).close();
            throw e;
        }
        return new Loaded(List.copyOf(jars), List.copyOf(types), List.copyOf(loaders));
    }

    private static void checkFile(Path jar) {
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException(prefix(jar) + "no such file");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(prefix(jar) + "not a file (a jar built from your counter's classes)");
        }
        if (!Files.isReadable(jar)) {
            throw new IllegalArgumentException(prefix(jar) + "not readable");
        }
        try (JarFile f = new JarFile(jar.toFile())) {
            if (f.getEntry(SERVICE) == null) {
                throw new IllegalArgumentException(prefix(jar) + "provides no counter: it has no " + SERVICE
                        + " naming a class that implements " + CounterProvider.class.getName());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(prefix(jar) + "not a jar ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /** The providers of the jar itself (not of the parent's class path), and their types. */
    private static List<ContributedType> typesOf(Path jar, URLClassLoader loader) {
        List<ContributedType> out = new ArrayList<>();
        int providers = 0;
        try {
            for (ServiceLoader.Provider<CounterProvider> p :
                    ServiceLoader.load(CounterProvider.class, loader).stream().toList()) {
                if (p.type().getClassLoader() != loader) {
                    continue;
                }
                providers++;
                CounterProvider provider = p.get();
                List<ContributedType> types;
                try {
                    types = provider.types();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalArgumentException(
                            prefix(jar) + p.type().getName() + ".types() failed: " + reason(e), e);
                }
                if (types == null || types.isEmpty() || types.stream().anyMatch(java.util.Objects::isNull)) {
                    throw new IllegalArgumentException(prefix(jar) + p.type().getName() + ".types() returned "
                            + (types == null ? "null" : types.isEmpty() ? "no type" : "a null type"));
                }
                out.addAll(types);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalArgumentException(prefix(jar) + "cannot load its provider: " + reason(e), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().startsWith(prefix(jar))) {
                throw iae;
            }
            throw new IllegalArgumentException(prefix(jar) + "its provider failed: " + reason(e), e);
        }
        if (providers == 0) {
            throw new IllegalArgumentException(
                    prefix(jar) + "provides no counter: " + SERVICE + " names no class of this jar");
        }
        return out;
    }

    /** One line: ServiceLoader's own words without the interface name, and the innermost cause. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getClass().getSimpleName()
                + (root.getMessage() == null
                        ? ""
                        : ": "
                                + root.getMessage()
                                        .lines()
                                        .findFirst()
                                        .orElse("")
                                        .strip());
        if (e instanceof ServiceConfigurationError && e.getMessage() != null) {
            String s = e.getMessage();
            int colon = s.indexOf(": ");
            String head = colon > 0 ? s.substring(colon + 2) : s;
            return root == e ? head : head + " (" + cause + ")";
        }
        return cause;
    }

    static String prefix(Path jar) {
        return "--counter-jar " + jar + ": ";
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(prefix(jar) + "not a usable path", e);
        }
    }
}
