package io.counterbench.cli.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The {@link ParentWatch} agent as a jar of its own (one class and a manifest), made once per
 * content under java.io.tmpdir, and the JVM flag that attaches it: the suite's children get
 * {@code -javaagent:JAR=PID} with this process's pid, and JMH's forks inherit it from their host.
 */
public final class ParentWatchJar {
    private static volatile Path jar;

    private ParentWatchJar() {}

    /** The flag that makes a child JVM end when this process ends. */
    public static String jvmArg() {
        return "-javaagent:" + path() + "=" + ProcessHandle.current().pid();
    }

    /** The agent jar, written whole (temp file, rename) the first time it is asked for. */
    public static synchronized Path path() {
        if (jar != null && Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            byte[] bytes = build();
            String name = "parent-watch-"
                    + HexFormat.of()
                            .formatHex(
                                    java.security.MessageDigest.getInstance("SHA-256")
                                            .digest(bytes),
                                    0,
                                    6)
                    + ".jar";
            Path dir = Path.of(
                    System.getProperty("java.io.tmpdir"), "counterbench-" + System.getProperty("user.name", "user"));
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p) || !java.util.Arrays.equals(Files.readAllBytes(p), bytes)) {
                io.counterbench.results.util.AtomicFile.write(p, bytes);
            }
            jar = p;
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parent-watch agent jar: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] build() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        m.getMainAttributes().put(new Attributes.Name("Agent-Class"), ParentWatch.class.getName());
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        byte[] cls;
        try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("no " + entry + " on the class path");
            }
            cls = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            JarEntry mf = new JarEntry("META-INF/MANIFEST.MF");
            mf.setTime(0);
            out.putNextEntry(mf);
            m.write(out);
            out.closeEntry();
            JarEntry e = new JarEntry(entry);
            e.setTime(0); // the same bytes every time: the name is their hash
            out.putNextEntry(e);
            out.write(cls);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
