package io.counterbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The results module's recorded runs (results/src/test/resources), copied and edited for the CLI tests. */
final class ResultFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of("..", "results", "src", "test", "resources").toAbsolutePath().normalize();

    private ResultFixtures() {
    }

    /** Exit code and what went to stdout and stderr. */
    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path resource(String name) {
        Path p = ROOT.resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no fixture " + p);
        }
        return p;
    }

    static Path copy(String name, Path tmp, String as) {
        Path src = resource(name);
        Path dst = tmp.resolve(as);
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

    static Path edit(Path dir, String file, Consumer<JsonNode> edit) {
        try {
            JsonNode n = JSON.readTree(dir.resolve(file).toFile());
            edit.accept(n);
            JSON.writeValue(dir.resolve(file).toFile(), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Every row 20% slower (factor 0.8) or faster (1.2): thrpt scores and samples times f, time modes divided by it. */
    static Consumer<JsonNode> performance(double factor) {
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
}
