package io.counterbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test resources as paths, and copies of fixture run folders in a temporary folder (reports write into them). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path resource(String name) {
        try {
            var url = Fixtures.class.getResource("/" + name);
            if (url == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the resource folder {@code name} to {@code dir/as} and returns the copy. */
    public static Path copy(String name, Path dir, String as) {
        Path src = resource(name);
        Path dst = dir.resolve(as);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst;
    }
}
