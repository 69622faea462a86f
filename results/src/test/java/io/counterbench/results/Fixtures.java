package io.counterbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The recorded runs and JMH files of src/test/resources as paths, copies of them in a temporary
 * folder (reports write into them), and edits of the copies. Other modules' tests get this class
 * and the files through the results test-jar; read from that jar, the files are unpacked once into
 * a temporary folder, so every path here is a plain file a command line can be given.
 */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = root();

    private Fixtures() {}

    public static Path resource(String name) {
        Path p = ROOT.resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no test resource " + name);
        }
        return p;
    }

    /** Copies the resource folder {@code name} to {@code dir/as} and returns the copy. */
    public static Path copy(String name, Path dir, String as) {
        copyTree(resource(name), dir.resolve(as));
        return dir.resolve(as);
    }

    /** Reads {@code dir/file}, lets {@code edit} change the tree, writes it back; returns {@code dir}. */
    public static Path edit(Path dir, String file, Consumer<JsonNode> edit) {
        try {
            JsonNode n = JSON.readTree(dir.resolve(file).toFile());
            edit.accept(n);
            JSON.writeValue(dir.resolve(file).toFile(), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** An edit of jmh.json: every row slower (factor 0.8) or faster (1.2): thrpt scores and samples times f, time modes divided by it. */
    /** Keeps the first n forks of every row's metrics (primary and secondary). */
    public static Consumer<JsonNode> keepForks(int n) {
        return rows -> rows.forEach(r -> {
            ((ObjectNode) r).put("forks", n);
            java.util.List<JsonNode> metrics = new java.util.ArrayList<>();
            metrics.add(r.get("primaryMetric"));
            r.path("secondaryMetrics").forEach(metrics::add);
            for (JsonNode m : metrics) {
                ArrayNode raw = (ArrayNode) m.get("rawData");
                while (raw != null && raw.size() > n) {
                    raw.remove(raw.size() - 1);
                }
            }
        });
    }

    public static Consumer<JsonNode> performance(double factor) {
        return rows -> rows.forEach(r -> {
            double f = r.get("mode").asText().equals("thrpt") ? factor : 1 / factor;
            ObjectNode m = (ObjectNode) r.get("primaryMetric");
            m.put("score", m.get("score").asDouble() * f);
            m.get("rawData").forEach(fork -> {
                ArrayNode a = (ArrayNode) fork;
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, DoubleNode.valueOf(a.get(i).asDouble() * f));
                }
            });
        });
    }

    /** target/test-classes, or the test-jar unpacked into a temporary folder that goes when the JVM exits. */
    private static Path root() {
        Path location;
        try {
            location = Path.of(Fixtures.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            return location;
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            Path dir = Files.createTempDirectory("counterbench-fixtures");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            copyTree(jar.getPath("/"), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the test fixtures of " + location, e);
        }
    }

    private static void copyTree(Path src, Path dst) {
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
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
