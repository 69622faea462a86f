package io.counterbench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return json(results, r -> null);
    }

    /** The rows, each with the short published figure {@code published} gives it (none where it gives null). */
    static ArrayNode json(List<SimResult> results, Function<SimResult, String> published) {
        ArrayNode rows = Json.array();
        for (SimResult r : results) {
            ObjectNode o = ResultJson.withDrift(r);
            String p = published.apply(r);
            if (p != null) {
                o.put("published", p);
            }
            rows.add(o);
        }
        return rows;
    }

    /**
     * The coherence table of the results as the console prints it; {@code labelHeader} as in {@link
     * SimTables#coherence}.
     */
    static String coherence(List<SimResult> results, String labelHeader) {
        ObjectNode scenario = Json.object();
        scenario.set("rows", json(results));
        return coherence(new SimTables(Units.PAGE_BYTES).coherence(scenario, labelHeader));
    }

    /** The coherence table (the report's, {@link SimTables#coherence}) as the console prints it: caption, table. */
    static String coherence(Block.Table t) {
        return t.caption() + "\n\n" + MarkdownWriter.padded(t);
    }
}
