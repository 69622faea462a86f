package io.counterbench.results.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterbench.inputs.InputFile;
import io.counterbench.inputs.UnusableFileException;
import io.counterbench.results.util.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A series file: JSON lines, one {@link SeriesPoint} per line, appended to by each recorded ab
 * run. Read back whole and checked: every line a point of this schema, one machine and one
 * reference jar in the file (two are two series, kept in two files). Every problem is an
 * {@link InputException} naming the file and line.
 */
public final class SeriesFile {
    /** A history of years of nightly runs of a few dozen rows stays far below this. */
    public static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper LINES = new ObjectMapper();
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private SeriesFile() {}

    /** The points of {@code file}, in file order; an empty file, a corrupt line or a mixed series is bad input. */
    public static List<SeriesPoint> read(Path file) {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, "series file", MAX_BYTES);
        } catch (UnusableFileException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<SeriesPoint> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.add(parse(file, i + 1, lines[i]));
            }
        }
        if (out.isEmpty()) {
            throw InputException.of(
                    file, "empty series file: no recorded point (record one with trend --record AB_DIR)");
        }
        checkOneSeries(out, file.toString());
        return out;
    }

    /** The points of several files, concatenated in the given order; one series across all of them. */
    public static List<SeriesPoint> readAll(List<Path> files) {
        List<SeriesPoint> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(read(f));
        }
        checkOneSeries(all, files.size() == 1 ? files.getFirst().toString() : "the history files");
        return all;
    }

    /**
     * Appends {@code points} to {@code file} (created if missing), after checking that they belong
     * to its series; nothing is written when they do not.
     */
    public static void append(Path file, List<SeriesPoint> points) {
        if (points.isEmpty()) {
            throw new InputException("nothing to record: no gated row with data");
        }
        List<SeriesPoint> all = new ArrayList<>();
        if (Files.exists(file)) {
            all.addAll(read(file));
        }
        all.addAll(points);
        checkOneSeries(all, file.toString());
        StringBuilder sb = new StringBuilder();
        for (SeriesPoint p : points) {
            try {
                sb.append(LINES.writeValueAsString(p)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot append to " + file + ": " + io.counterbench.inputs.IoReasons.of(e), e);
        }
    }

    /**
     * The file for {@code p}'s series in the folder {@code dir}: named by its machine and the reference jar's SHA-256.
     */
    public static Path fileIn(Path dir, SeriesPoint p) {
        String slug = p.machine()
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        slug = slug.length() > 80 ? slug.substring(0, 80) : slug;
        return dir.resolve(slug + "--"
                + p.reference().substring(0, Math.min(12, p.reference().length())) + ".jsonl");
    }

    /** The commit of the newest point (by commit time, then file order); null for no point. */
    public static String newestCommit(List<SeriesPoint> points) {
        return points.stream()
                .reduce((a, b) -> b.time().isBefore(a.time()) ? a : b)
                .map(SeriesPoint::commit)
                .orElse(null);
    }

    private static SeriesPoint parse(Path file, int line, String text) {
        String where = file + ":" + line + ": ";
        JsonNode n;
        try {
            n = LINES.readTree(text);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw new InputException(
                    where + "not a JSON line: " + m.lines().findFirst().orElse(""));
        }
        if (n == null
                || !n.isObject()
                || !SeriesPoint.SCHEMA.equals(n.path("schema").asText(null))) {
            throw new InputException(where + "not a series point (schema " + SeriesPoint.SCHEMA + ")");
        }
        SeriesPoint p;
        try {
            p = LINES.treeToValue(n, SeriesPoint.class);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw new InputException(
                    where + "not a series point: " + m.lines().findFirst().orElse(""));
        }
        for (String[] f : new String[][] {
            {"row", p.row()}, {"machine", p.machine()}, {"reference", p.reference()}, {"commitTime", p.commitTime()}
        }) {
            if (f[1] == null || f[1].isBlank()) {
                throw new InputException(where + "no " + f[0]);
            }
        }
        if (p.commit() == null || !COMMIT.matcher(p.commit()).matches()) {
            throw new InputException(where + "commit '" + p.commit() + "' is not 40 hex digits");
        }
        try {
            Instant.parse(p.commitTime());
        } catch (DateTimeParseException e) {
            throw new InputException(where + "commitTime '" + p.commitTime() + "' is not an ISO-8601 instant");
        }
        if (!Double.isFinite(p.estimate())) {
            throw new InputException(where + "estimate " + p.estimate() + " is not a finite number");
        }
        return p;
    }

    /**
     * One machine and one reference jar: a history mixing two is two series, and comparing across them is meaningless.
     */
    static void checkOneSeries(List<SeriesPoint> points, String where) {
        SeriesPoint first = points.getFirst();
        for (SeriesPoint p : points) {
            if (!p.machine().equals(first.machine())) {
                throw new InputException(where + ": mixes machines ('" + first.machine() + "' and '" + p.machine()
                        + "'): keep one series file per machine");
            }
            if (!p.reference().equals(first.reference())) {
                throw new InputException(where + ": mixes reference jars (SHA-256 "
                        + first.reference()
                                .substring(0, Math.min(12, first.reference().length())) + "... and "
                        + p.reference().substring(0, Math.min(12, p.reference().length()))
                        + "...): keep one series file per reference jar");
            }
        }
    }
}
