package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.counterbench.results.Json;
import io.counterbench.results.report.Block;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario's simulations one after another, naming each in the progress line. */
final class Runs {
    private Runs() {}

    static List<SimResult> run(String scenario, List<SimSpec> specs, Progress progress) {
        List<SimResult> out = new ArrayList<>();
        for (SimSpec s : specs) {
            progress.phase(scenario + ": " + s.id().id() + ", " + s.label());
            out.add(Engine.run(s, progress));
        }
        return out;
    }

    /** The results as rows, each with its drift over time (compact: {@value DriftTrace#POINTS} points at most). */
    static ArrayNode json(List<SimResult> results) {
        ArrayNode rows = Json.array();
        results.forEach(r -> rows.add(ResultJson.withDrift(r)));
        return rows;
    }

    /** The coherence table: slow-path writes and line moves per million operations, "n/a" where unobservable. */
    static Block.Table.Rows coherenceTable(List<SimResult> results, boolean withLabel) {
        Block.Table.Rows t = withLabel
                ? Block.Table.numbers(
                        "run", "counter", "carries+flushes", "other core", "other LLC", "other node", "other package")
                : Block.Table.numbers(
                        "counter", "carries+flushes", "other core", "other LLC", "other node", "other package");
        for (SimResult r : results) {
            CoherenceStats c = r.coherence();
            List<Object> cells = new ArrayList<>();
            if (withLabel) {
                cells.add(r.spec().label());
            }
            cells.add(r.spec().id().id());
            if (c == null) {
                cells.addAll(List.of("n/a", "n/a", "n/a", "n/a", "n/a"));
            } else {
                cells.add(Units.decimal(c.upperWritesPerMop(), 0));
                cells.add(Units.decimal(c.otherCorePerMop(), 0));
                cells.add(Units.decimal(c.otherLlcPerMop(), 0));
                cells.add(Units.decimal(c.otherNodePerMop(), 0));
                cells.add(Units.decimal(c.otherPackagePerMop(), 0));
            }
            t.row(cells.toArray());
        }
        return t;
    }

    static final String COHERENCE_NOTE =
            "Coherence model, per million operations: slow-path writes (tree carries, flushes into a total), "
                    + "and writes that found their cache line last written by a CPU in another core / LLC / NUMA node / package "
                    + "(cumulative: a cross-package move counts in every column).";
}
