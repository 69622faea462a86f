package io.counterbench.cli.ab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A benchmarks.jar in ab's build cache, checked before it is used: a readable zip whose every
 * entry reads back with the right checksum, holding JMH's benchmark list and a manifest. A jar
 * that a crash or a full disk cut short is set aside (never deleted: it may help to see why) and
 * the commit is built again.
 */
final class CachedJar {
    static final String[] REQUIRED = {"META-INF/MANIFEST.MF", "META-INF/BenchmarkList"};

    private CachedJar() {}

    static boolean whole(Path jar) {
        return problem(jar) == null;
    }

    /** What is wrong with the jar, in words, or null when it is whole. */
    static String problem(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : REQUIRED) {
                if (zip.getEntry(name) == null) {
                    return "no " + name + " in it";
                }
            }
            byte[] buf = new byte[65536];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    while (in.read(buf) >= 0) {
                        // reading to the end checks the entry's CRC
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "not a readable jar: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Moves a damaged jar out of the way (benchmarks.jar.broken-UTC) and returns where it went. */
    static Path setAside(Path jar) {
        Path aside = jar.resolveSibling(
                jar.getFileName() + ".broken-" + Instant.now().toString().replace(':', '-'));
        try {
            Files.move(jar, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (java.nio.file.NoSuchFileException gone) {
            return aside; // another ab set it aside first
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot set the damaged " + jar + " aside: " + io.counterbench.inputs.IoReasons.of(e), e);
        }
    }
}
