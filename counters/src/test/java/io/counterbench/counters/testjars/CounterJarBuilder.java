package io.counterbench.counters.testjars;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a counter jar during a test, the way a user would: javac (the JDK's own compiler, against
 * the test's class path, which holds the Counter API) into a folder, then a jar of the classes and
 * any other files (META-INF/services/...).
 */
public final class CounterJarBuilder {
    /** The service file a provider is listed in. */
    public static final String SERVICE = "META-INF/services/io.counterbench.counters.spi.CounterProvider";

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** A Java source, by its path in a source tree ("example/Striped.java"). */
    public CounterJarBuilder source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    /** A file stored as is ("META-INF/services/..."). */
    public CounterJarBuilder file(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Lists {@code providerClass} in the service file. */
    public CounterJarBuilder provider(String providerClass) {
        return file(SERVICE, providerClass + "\n");
    }

    /** Compiles the sources into {@code work}/classes and writes {@code work}/{@code name}; returns the jar. */
    public Path build(Path work, String name) throws IOException {
        Path src = Files.createDirectories(work.resolve(name + "-src"));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "25",
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException(
                        "no Java compiler in " + System.getProperty("java.home") + " (a JRE, not a JDK)");
            }
            java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
            }
        }
        Path jar = work.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }
}
