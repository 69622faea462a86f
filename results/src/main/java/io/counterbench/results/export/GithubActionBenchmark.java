package io.counterbench.results.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.run.RunInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * github-action-benchmark's custom format: an array of {name, unit, value, range, extra}. The
 * name carries the benchmark, every parameter and the thread count (plus the mode for time modes
 * other than avgt), so that each row is its own line on the tool's charts. Rows whose score is
 * NaN are left out (JSON has no NaN).
 */
public final class GithubActionBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GithubActionBenchmark() {}

    /** Refuses a FILE whose folder does not exist (or is not a folder), before anything is written. */
    public static void checkFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + file + ": the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist")
                    + " (export does not create folders)");
        }
    }

    /** FILE for throughput (bigger is better), FILE-smaller.json for time modes (smaller is better). */
    public static Path smallerFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String smaller = dot <= 0 ? name + "-smaller" : name.substring(0, dot) + "-smaller" + name.substring(dot);
        return file.resolveSibling(smaller);
    }

    /**
     * Writes FILE and FILE-smaller.json (each only when it has rows); returns what it wrote. The
     * folder must exist: a mistyped path is refused (IllegalArgumentException), not created.
     */
    public static List<Path> write(RunInput run, Path file) {
        checkFolder(file);
        ArrayNode bigger = MAPPER.createArrayNode();
        ArrayNode smaller = MAPPER.createArrayNode();
        for (JmhResult r : run.results()) {
            if (!Double.isFinite(r.primary().score())) {
                continue;
            }
            (r.mode().higherIsBetter() ? bigger : smaller).add(entry(r, run));
        }
        List<Path> written = new ArrayList<>();
        try {
            if (!bigger.isEmpty()) {
                io.counterbench.results.util.AtomicFile.write(file, MAPPER.writeValueAsBytes(bigger));
                written.add(file);
            }
            if (!smaller.isEmpty()) {
                Path s = smallerFile(file);
                io.counterbench.results.util.AtomicFile.write(s, MAPPER.writeValueAsBytes(smaller));
                written.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + io.counterbench.inputs.IoReasons.of(e), e);
        }
        return written;
    }

    static ObjectNode entry(JmhResult r, RunInput run) {
        ObjectNode n = MAPPER.createObjectNode();
        String name = r.label(false);
        if (!r.mode().higherIsBetter() && r.mode() != Mode.AVERAGE_TIME) {
            name += " mode=" + r.mode().shortName();
        }
        n.put("name", name);
        n.put("unit", r.primary().unit());
        n.put("value", r.primary().score());
        if (Double.isFinite(r.primary().error())) {
            n.put("range", String.format(Locale.ROOT, "± %s", trim(r.primary().error())));
        }
        List<String> extra = new ArrayList<>();
        extra.add("mode: " + r.mode().shortName()
                + (r.mode().higherIsBetter() ? " (higher is better)" : " (lower is better)"));
        extra.add("samples: " + r.primary().samples().length + " (" + r.forks() + " fork(s))");
        if (r.secondary("accuracy.worst") != null) {
            extra.add("accuracy: worst " + trim(r.secondaryScore("accuracy.worst")) + " counts, bound "
                    + trim(r.secondaryScore("accuracy.bound")) + ", violations "
                    + trim(r.secondaryScore("accuracy.violations")));
        }
        if (r.secondary("gc.alloc.rate.norm") != null) {
            extra.add("alloc: " + trim(r.secondaryScore("gc.alloc.rate.norm")) + " B/op");
        }
        if (run.machine() != null) {
            extra.add("machine: " + run.machine().describe());
        }
        n.put("extra", String.join("\n", extra));
        return n;
    }

    private static String trim(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
