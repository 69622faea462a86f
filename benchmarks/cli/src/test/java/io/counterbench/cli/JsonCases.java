package io.counterbench.cli;

import static io.counterbench.cli.Mutations.pick;
import static io.counterbench.cli.Mutations.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bad result files: mutations of the recorded JMH JSON files and run folders (run.json, jmh.json,
 * footprint.json, simulation.json), given to report, gate (as baseline and as current) and export.
 * A gate case compares against the unchanged fixture, so an input accepted by mistake would pass
 * the gate and show up as exit 0 instead of hiding behind "no matching rows".
 */
final class JsonCases {
    static final String JMH_DIR = "results/src/test/resources/jmh/";
    static final List<String> JMH_FIXTURES = List.of(
            "counterbench-quick.json",
            "real-sample.json",
            "real-single-shot-gc.json",
            "sample-mode-foreign.json",
            "single-shot-nan.json",
            "two-modes.json");
    static final String RUNS_DIR = "results/src/test/resources/runs/";

    private JsonCases() {}

    /** A broken JMH JSON file, alone. */
    static CampaignCase jmh(SplittableRandom r) {
        String fixture = pick(r, JMH_FIXTURES);
        byte[] original = CaseFiles.bytes(CaseFiles.fixture(JMH_DIR + fixture));
        Mutated m = jmhContent(original, r);
        List<CampaignCase.Step> files =
                List.of(CaseFiles.write("good.json", original), CaseFiles.write("r.json", m.content));
        return new CampaignCase(
                "jmh-json",
                fixture + ": " + m.what,
                files,
                resultCommand(r, "{case}/r.json", "{case}/good.json", true));
    }

    /** A run folder with one of its files broken (or replaced by a folder, fifo or link). */
    static CampaignCase runFolder(SplittableRandom r) {
        String fixture = pick(r, List.of("smoke", "with-simulation", "with-drift"));
        List<CampaignCase.Step> files = new ArrayList<>();
        files.add(CaseFiles.copy(CaseFiles.fixture(RUNS_DIR + fixture), "good"));
        files.add(CaseFiles.copy(CaseFiles.fixture(RUNS_DIR + fixture), "run"));
        List<String> kinds = new ArrayList<>(List.of("run.json", "jmh.json", "footprint.json"));
        if (!fixture.equals("smoke")) {
            kinds.add("simulation.json");
        }
        String file = pick(r, kinds);
        byte[] original = CaseFiles.bytes(CaseFiles.fixture(RUNS_DIR + fixture + "/" + file));
        String what;
        if (r.nextInt(6) == 0) {
            String kind =
                    pick(r, List.of("folder", "fifo", "link to /dev/zero", "dangling link", "200 MiB hole", "missing"));
            files.add(CaseFiles.remove("run/" + file));
            files.add(
                    switch (kind) {
                        case "folder" -> CaseFiles.folder("run/" + file);
                        case "fifo" -> CaseFiles.fifo("run/" + file);
                        case "link to /dev/zero" -> CaseFiles.link("run/" + file, "/dev/zero");
                        case "dangling link" -> CaseFiles.link("run/" + file, "{case}/nowhere.json");
                        case "200 MiB hole" -> CaseFiles.sparse("run/" + file, 200L << 20);
                        default -> dir -> {};
                    });
            what = file + " is a " + kind;
            if (kind.equals("missing") && !file.equals("jmh.json")) {
                // a run folder without run.json, footprint.json or simulation.json is fine: its section is skipped
                files.removeLast();
                files.add(CaseFiles.folder("run/" + file));
                what = file + " is a folder";
            }
        } else {
            Mutated m = switch (file) {
                case "jmh.json" -> jmhContent(original, r);
                case "run.json" -> runJson(original, r);
                case "footprint.json" -> footprint(original, r);
                default -> simulation(original, r);
            };
            files.add(CaseFiles.write("run/" + file, m.content));
            what = file + ": " + m.what;
        }
        boolean readByAll = file.equals("jmh.json") || file.equals("run.json");
        return new CampaignCase(
                "run-folder", fixture + "/" + what, files, resultCommand(r, "{case}/run", "{case}/good", readByAll));
    }

    /** report, gate (either side) or export on {@code bad}; only report when the file is one only report reads. */
    static List<String> resultCommand(SplittableRandom r, String bad, String good, boolean everyCommand) {
        int c = everyCommand ? r.nextInt(4) : 0;
        return switch (c) {
            case 0 -> List.of("report", bad, "--out", "{case}/out");
            case 1 -> List.of("gate", "--baseline", bad, "--current", good);
            case 2 -> List.of("gate", "--baseline", good, "--current", bad, "--summary", "{case}/summary.md");
            default -> List.of("export", bad, "{case}/out.json");
        };
    }

    record Mutated(byte[] content, String what) {}

    static Mutated jmhContent(byte[] original, SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            return whole(original, r, "]");
        }
        JsonNode root = Mutations.tree(original);
        int i = r.nextInt(root.size());
        ObjectNode row = (ObjectNode) root.get(i);
        String p = "" + i;
        String what;
        switch (r.nextInt(13)) {
            case 0 ->
                what = set(
                        root,
                        p + ".threads",
                        pick(r, List.of("-3", "0", "2.5", "\"x\"", "1e10", "65537", "true", "[]", "{}", "\"-1\"")));
            case 1 -> what = set(root, p + ".forks", pick(r, List.of("-1", "2.5", "\"x\"", "1000000", "[]")));
            case 2 -> what = set(root, p + ".mode", pick(r, List.of("\"nope\"", "5", "\"\"", "null", "[]")));
            case 3 -> what = set(root, p + ".benchmark", pick(r, List.of("\"\"", "5", "null", "[]", "\"  \"")));
            case 4 -> what = set(root, p + ".primaryMetric", pick(r, List.of("[]", "\"x\"", "5", "null")));
            case 5 ->
                what = set(
                        root,
                        p + ".primaryMetric.score",
                        pick(
                                r,
                                List.of(
                                        "-1",
                                        "\"+INF\"",
                                        "\"-INF\"",
                                        "\"Infinity\"",
                                        "\"x\"",
                                        "true",
                                        "{}",
                                        "[]",
                                        "1e999",
                                        "-0.5")));
            case 6 ->
                what = set(root, p + ".primaryMetric.scoreError", pick(r, List.of("-1", "\"x\"", "\"+INF\"", "[]")));
            case 7 ->
                what = set(
                        root,
                        p + ".primaryMetric.rawData",
                        pick(r, List.of("\"x\"", "[[\"a\"]]", "[[-1.0]]", "[1]", "[[\"+INF\"]]", "[[1, {}]]", "{}")));
            case 8 -> {
                ((ObjectNode) row.get("primaryMetric")).remove("rawData");
                what = set(
                        root,
                        p + ".primaryMetric.rawDataHistogram",
                        pick(
                                r,
                                List.of(
                                        "\"x\"",
                                        "[[[[1]]]]",
                                        "[[[[1,-1]]]]",
                                        "[[[[1,2.5]]]]",
                                        "[[[[\"a\",1]]]]",
                                        "[[[[-5,3]]]]",
                                        "[[[[1,2,3]]]]",
                                        "[[5]]",
                                        "[[[5]]]",
                                        "[[[[\"NaN\",4]]]]")));
            }
            case 9 -> {
                if (!row.has("secondaryMetrics") || row.get("secondaryMetrics").isNull()) {
                    row.putObject("secondaryMetrics");
                }
                what = r.nextBoolean()
                        ? set(root, p + ".secondaryMetrics", pick(r, List.of("5", "\"x\"", "[]")))
                        : set(
                                root,
                                p + ".secondaryMetrics.campaign\u00b7metric",
                                pick(
                                        r,
                                        List.of(
                                                "5",
                                                "{\"score\":\"+INF\"}",
                                                "{\"score\":\"x\"}",
                                                "{}",
                                                "{\"score\":1,\"rawData\":\"x\"}",
                                                "{\"score\":1,\"rawData\":[[\"-INF\"]]}")));
            }
            case 10 -> what = set(root, p + ".params", pick(r, List.of("5", "[]", "\"x\"")));
            case 11 -> what = set(root, p + ".threadGroups", pick(r, List.of("\"x\"", "[-1]", "[2.5]", "5", "[1e12]")));
            default ->
                what = set(
                                root,
                                p + ".params",
                                Mutations.nested(r.nextInt(120, 400)).replace("1", "{\"a\":1}"))
                        .replaceAll("\\[{3,}.*", "values nested past JSON's limit");
        }
        return new Mutated(Mutations.bytes(root), "result " + (i + 1) + " " + what);
    }

    static Mutated runJson(byte[] original, SplittableRandom r) {
        if (r.nextInt(5) == 0) {
            return whole(original, r, "}");
        }
        JsonNode root = Mutations.tree(original);
        String what = switch (r.nextInt(13)) {
            case 0 -> set(root, "schema", pick(r, List.of("\"x\"", "5", "null", "\"counterbench-run\"")));
            case 1 -> set(root, "status", pick(r, List.of("5", "[]", "{}", "true")));
            case 2 -> set(root, "environment", pick(r, List.of("\"x\"", "5", "[]")));
            case 3 -> set(root, "environment.cpus", pick(r, List.of("\"x\"", "5", "[]")));
            case 4 ->
                set(
                        root,
                        "environment.cpus." + pick(r, List.of("available", "onlineCount")),
                        pick(r, List.of("0", "-2", "2.5", "\"x\"", "70000", "true", "{}")));
            case 5 -> set(root, "environment.virtualMachine", pick(r, List.of("\"yes\"", "5", "[]")));
            case 6 ->
                set(
                        root,
                        "environment." + pick(r, List.of("cpuModel", "kernel", "gc", "governor", "host")),
                        pick(r, List.of("5", "{}", "[]", "true")));
            case 7 -> set(root, "hostTopology", pick(r, List.of("\"x\"", "5", "[]")));
            case 8 -> set(root, "hostTopology.counts", pick(r, List.of("\"x\"", "5", "[]")));
            case 9 ->
                set(
                        root,
                        "hostTopology.counts." + pick(r, List.of("pu", "core", "pack", "machine")),
                        pick(r, List.of("0", "-1", "\"x\"", "2.5", "70000", "null")));
            case 10 -> set(root, "profile", pick(r, List.of("\"x\"", "5", "[]")));
            case 11 ->
                set(
                        root,
                        "profile." + pick(r, List.of("forks", "measurementIterations", "warmupMillis")),
                        pick(r, List.of("-1", "\"x\"", "2.5", "1e12")));
            default ->
                set(root, pick(r, List.of("completed", "failed", "missing")), pick(r, List.of("\"x\"", "5", "{}")));
        };
        return new Mutated(Mutations.bytes(root), what);
    }

    static Mutated footprint(byte[] original, SplittableRandom r) {
        if (r.nextInt(5) == 0) {
            return whole(original, r, "}");
        }
        JsonNode root = Mutations.tree(original);
        int i = r.nextInt(root.get("rows").size());
        String row = "rows." + i;
        String what = switch (r.nextInt(6)) {
            case 0 -> set(root, "rows", pick(r, List.of("\"x\"", "5", "{}", "null")));
            case 1 -> set(root, row + ".cpus", pick(r, List.of("0", "-1", "2.5", "\"x\"", "70000", "null")));
            case 2 -> set(root, row + ".oneBytes", pick(r, List.of("-1", "\"x\"", "2.5", "1e300", "null")));
            case 3 -> set(root, row + ".counter", pick(r, List.of("5", "\"\"", "null", "[]")));
            case 4 ->
                set(
                        root,
                        row + "." + pick(r, List.of("groupOf4Bytes", "sharedConfigBytes")),
                        pick(r, List.of("-1", "\"x\"", "0.5")));
            default -> set(root, row, pick(r, List.of("5", "\"x\"", "[]")));
        };
        return new Mutated(Mutations.bytes(root), what);
    }

    static Mutated simulation(byte[] original, SplittableRandom r) {
        if (r.nextInt(5) == 0) {
            return whole(original, r, "}");
        }
        JsonNode root = Mutations.tree(original);
        int s = r.nextInt(root.get("scenarios").size());
        String drift = drifted(root);
        if (drift != null && r.nextInt(3) == 0) {
            String what = switch (r.nextInt(5)) {
                case 0 -> set(root, drift + ".ops_per_point", pick(r, List.of("0", "-1", "\"x\"", "2.5")));
                case 1 -> set(root, drift + "." + pick(r, List.of("min", "max")), pick(r, List.of("\"x\"", "5", "{}")));
                case 2 ->
                    set(
                            root,
                            drift + "." + pick(r, List.of("min", "max")) + ".0",
                            pick(r, List.of("\"x\"", "2.5", "[]", "1e300", "null")));
                case 3 -> set(root, drift + ".last_point_ops", pick(r, List.of("-1", "\"x\"")));
                default -> set(root, drift, pick(r, List.of("5", "\"x\"", "[]")));
            };
            return new Mutated(Mutations.bytes(root), what);
        }
        String what = switch (r.nextInt(8)) {
            case 0 -> set(root, "scenarios", pick(r, List.of("\"x\"", "5", "{}", "null")));
            case 1 -> set(root, "scenarios." + s, pick(r, List.of("5", "\"x\"", "[]")));
            case 2 -> set(root, "scenarios." + s + ".rows", pick(r, List.of("\"x\"", "5", "{}")));
            case 3 ->
                root.get("scenarios").get(s).path("rows").isEmpty()
                        ? set(root, "scenarios." + s + ".rows", "5")
                        : set(root, "scenarios." + s + ".rows.0", pick(r, List.of("5", "\"x\"", "[]")));
            case 4 ->
                set(
                        root,
                        "checks.failures",
                        pick(r, List.of("-1", "\"x\"", "2.5", "{}", "true"))); // a list is an older file's form
            case 5 -> set(root, "timing.speed", pick(r, List.of("\"x\"", "5", "{}")));
            case 6 -> set(root, "page_size_bytes", pick(r, List.of("0", "-4096", "\"x\"", "1.5")));
            default -> set(root, "scenarios." + s + ".published", pick(r, List.of("\"x\"", "5", "[]")));
        };
        return new Mutated(Mutations.bytes(root), what);
    }

    /** The path of the first row's drift trace ("scenarios.0.rows.0.drift"), or null when the file has none. */
    private static String drifted(JsonNode root) {
        for (int s = 0; s < root.get("scenarios").size(); s++) {
            JsonNode rows = root.get("scenarios").get(s).path("rows");
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).path("drift").isObject()) {
                    return "scenarios." + s + ".rows." + i + ".drift";
                }
            }
        }
        return null;
    }

    /** Mutations of the whole document: truncated, empty, another shape, trailing content, not UTF-8, a key twice. */
    static Mutated whole(byte[] original, SplittableRandom r, String last) {
        String text = new String(original, StandardCharsets.UTF_8);
        return switch (r.nextInt(8)) {
            case 0 -> {
                byte[] t = Mutations.truncate(original, last, r);
                yield new Mutated(t, "truncated to " + t.length + " bytes");
            }
            case 1 ->
                new Mutated(
                        pick(r, List.of("", " \n\t ", "\uFEFF")).getBytes(StandardCharsets.UTF_8), "empty or blank");
            case 2 -> {
                String shape = pick(
                        r,
                        List.of(
                                "null",
                                "5",
                                "\"x\"",
                                "true",
                                last.equals("]") ? "{}" : "[]",
                                last.equals("]") ? "[]" : "[{}]",
                                last.equals("]") ? "[1]" : "\"counterbench-run/1\"",
                                last.equals("]") ? "[null]" : "{\"rows\":5}"));
                yield new Mutated(shape.getBytes(StandardCharsets.UTF_8), "the document is " + shape);
            }
            case 3 ->
                new Mutated(
                        (text + pick(r, List.of(" x", "]", "}", ",", " {}"))).getBytes(StandardCharsets.UTF_8),
                        "content after the end");
            case 4 -> new Mutated(Mutations.notUtf8(original, 1, r), "bytes that are not UTF-8");
            case 5 -> {
                int brace = text.indexOf('{');
                int colon = text.indexOf(':', brace);
                String key = text.substring(brace + 1, colon).strip();
                yield new Mutated(
                        (text.substring(0, brace + 1) + key + ": 1, " + text.substring(brace + 1))
                                .getBytes(StandardCharsets.UTF_8),
                        "key " + key + " twice in one object");
            }
            case 6 -> {
                int at = r.nextInt(1, text.length() - 1);
                yield new Mutated(
                        (text.substring(0, at) + "\u0000" + text.substring(at)).getBytes(StandardCharsets.UTF_8),
                        "a NUL byte");
            }
            default ->
                new Mutated(
                        Mutations.nested(r.nextInt(101, 2000)).getBytes(StandardCharsets.UTF_8),
                        "arrays nested past the limit");
        };
    }

    /** Sets a field to a JSON value given as text; returns the change in words. */
    private static String set(JsonNode root, String path, String json) {
        Mutations.set(root, path, json.equals("null") ? value("null") : value(json));
        return path + " = " + json;
    }
}
