package io.counterbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import java.util.ArrayList;
import java.util.List;

/** Machines and runs, from run.json: the machine line (CPU, topology, kernel, JDK), profile and status of each run. */
final class RunSection implements ReportSection {

    @Override
    public String title() {
        return "Machines and runs";
    }

    @Override
    public String inputFile() {
        return RunLoader.RUN_FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.file(RunLoader.RUN_FILE).isPresent();
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        for (RunInput run : runs) {
            Machine m = run.machine();
            out.paragraph("Machine" + (ctx.merged() ? " " + ctx.label(run) : "") + ": " + (m == null ? "unknown (run.json has no environment)" : m.describe()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunInput run : runs) {
            JsonNode json = JmhJson.readTree(run.file(RunLoader.RUN_FILE).orElseThrow());
            JsonNode p = json.path("profile");
            String profile = p.isObject()
                    ? p.path("name").asText("?") + " (" + p.path("forks").asInt() + " fork(s), " + p.path("measurementIterations").asInt() + " x "
                    + p.path("measurementMillis").asInt() + " ms measured)"
                    : "";
            rows.add(List.of(ctx.label(run), run.name(), json.path("status").asText(""), profile, json.path("started").asText(""),
                    String.valueOf(json.path("completed").size()), String.valueOf(json.path("failed").size()),
                    String.valueOf(run.results().size())));
        }
        out.add(new Block.Table("Runs (status and profile from run.json; results = rows in jmh.json)",
                List.of("machine", "run", "status", "profile", "started (UTC)", "completed", "failed", "results"),
                List.of(false, false, false, false, false, true, true, true), rows));
        for (RunInput run : runs) {
            run.notes().forEach(out::note);
        }
    }
}
