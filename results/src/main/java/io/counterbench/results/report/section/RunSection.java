package io.counterbench.results.report.section;

import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunJson;
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
        return run.run() != null;
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        for (RunInput run : runs) {
            Machine m = run.machine();
            out.paragraph("Machine" + (ctx.merged() ? " " + ctx.label(run) : "") + ": "
                    + (m == null ? "unknown (run.json has no environment)" : m.describe()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunInput run : runs) {
            RunJson json = run.run();
            RunJson.Profile p = json.profile();
            String profile = p == null
                    ? ""
                    : (p.name() == null ? "?" : p.name()) + " (" + p.forks() + " fork(s), " + p.measurementIterations()
                            + " x " + p.measurementMillis() + " ms measured)";
            rows.add(List.of(
                    ctx.label(run),
                    run.name(),
                    nonNull(json.label()),
                    nonNull(json.status()),
                    profile,
                    nonNull(json.started()),
                    String.valueOf(json.completed().size()),
                    String.valueOf(json.failed().size()),
                    String.valueOf(run.results().size())));
        }
        out.add(new Block.Table(
                "Runs (status and profile from run.json; results = rows in jmh.json)",
                List.of(
                        "machine",
                        "run",
                        "label",
                        "status",
                        "profile",
                        "started (UTC)",
                        "completed",
                        "failed",
                        "results"),
                List.of(false, false, false, false, false, false, true, true, true),
                rows));
        List<List<String>> measured = new ArrayList<>();
        for (RunInput run : runs) {
            RunJson.Provenance p = run.run().provenance();
            if (p == null) {
                continue;
            }
            String jvm = p.jvm() == null
                    ? ""
                    : nonNull(p.jvm().version()) + " " + nonNull(p.jvm().vendor());
            String flags = p.jvm() == null ? "" : String.join(" ", p.jvm().flags());
            if (p.jars().isEmpty()) {
                measured.add(List.of(ctx.label(run), p.describeCommit(), "", "", jvm.strip(), flags));
            }
            for (RunJson.Jar j : p.jars()) {
                measured.add(List.of(
                        ctx.label(run),
                        p.describeCommit(),
                        j.role() + ": " + fileName(j.path()),
                        shortDigest(j.sha256()),
                        jvm.strip(),
                        flags));
            }
        }
        if (!measured.isEmpty()) {
            out.add(new Block.Table(
                    "What was measured (provenance from run.json: counterbench's commit, every jar's SHA-256, "
                            + "the forks' JVM and flags)",
                    List.of("machine", "commit", "jar", "SHA-256 (first 16)", "JVM", "flags"),
                    List.of(false, false, false, false, false, false),
                    measured));
        }
        List<List<String>> failed = new ArrayList<>();
        for (RunInput run : runs) {
            for (RunJson.Failure f : run.run().failed()) {
                failed.add(List.of(ctx.label(run), f.label(), nonNull(f.error())));
            }
        }
        if (!failed.isEmpty()) {
            out.add(new Block.Table(
                    "Failed benchmark runs: no result, the fork failed (a counter that threw, a crash); the error is "
                            + "the first one JMH printed, jmh.log has the rest",
                    List.of("machine", "benchmark run", "error"),
                    List.of(false, false, false),
                    failed));
        }
        for (RunInput run : runs) {
            run.notes().forEach(out::note);
        }
    }

    private static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String shortDigest(String sha) {
        return sha == null ? "" : sha.length() > 16 ? sha.substring(0, 16) : sha;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
