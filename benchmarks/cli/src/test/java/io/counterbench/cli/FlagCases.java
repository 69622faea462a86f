package io.counterbench.cli;

import static io.counterbench.cli.Mutations.pick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Bad values for every flag of every command, read from the CLI's own model so a new flag is
 * covered (or fails {@link BadInputCampaignTest}'s coverage check) without a list to keep up:
 * by type (not a number, a fraction, too large, an empty list item, a folder for a file...) and,
 * where a flag has a range or a vocabulary, just outside it. Each command line is otherwise
 * valid and cheap, so the one bad value is what must be refused.
 */
final class FlagCases {
    /** Commands left out: jmh hands its arguments to JMH's own command line verbatim. */
    static final List<String> SKIPPED = List.of("jmh", "help");

    /** The rest of a command line for each command: valid, and quick if the bad value were (wrongly) accepted. */
    static final Map<String, List<String>> BASE = new LinkedHashMap<>();

    static {
        BASE.put(
                "run",
                List.of(
                        "run",
                        "--profile",
                        "smoke",
                        "--benchmarks",
                        "UpdateBenchmark.inc",
                        "--counters",
                        "atomic",
                        "--threads",
                        "1",
                        "--placement",
                        "compact",
                        "--dry-run"));
        BASE.put("report", List.of("report", "{shared}/good-run", "--out", "{case}/out"));
        BASE.put(
                "gate",
                List.of(
                        "gate",
                        "--baseline",
                        "{shared}/good-run",
                        "--current",
                        "{shared}/good-run",
                        "--summary",
                        "{case}/summary.md"));
        BASE.put("export", List.of("export", "{shared}/good-run", "{case}/out.json"));
        BASE.put("topology", List.of("topology", "--topology", "small-8", "--threads", "2"));
        BASE.put("footprint", List.of("footprint", "--no-layout", "--cpus", "2", "--counters", "atomic"));
        BASE.put(
                "simulate",
                List.of(
                        "simulate",
                        "custom",
                        "--quick",
                        "--ops",
                        "1000",
                        "--counters",
                        "atomic",
                        "--out",
                        "{case}/out"));
        BASE.put(
                "ab",
                List.of(
                        "ab",
                        "--baseline",
                        "{shared}/bench.jar",
                        "--current",
                        "{shared}/bench.jar",
                        "--profile",
                        "ci",
                        "--benchmarks",
                        "UpdateBenchmark.inc$",
                        "--counters",
                        "adder",
                        "--threads",
                        "1",
                        "--cache",
                        "{case}/cache",
                        "--dry-run"));
        BASE.put(
                "ab calibrate",
                List.of(
                        "ab",
                        "calibrate",
                        "--baseline",
                        "{shared}/bench.jar",
                        "--profile",
                        "ci",
                        "--benchmarks",
                        "UpdateBenchmark.inc$",
                        "--counters",
                        "adder",
                        "--threads",
                        "1",
                        "--cache",
                        "{case}/cache",
                        "--aa-runs",
                        "1",
                        "--knob-runs",
                        "1",
                        "--dry-run"));
        BASE.put(
                "soak",
                List.of(
                        "soak",
                        "--minutes",
                        "0.002",
                        "--interval-ms",
                        "100",
                        "--threads",
                        "1",
                        "--counters",
                        "atomic"));
        BASE.put("trend", List.of("trend", "{shared}/history.jsonl"));
        BASE.put(
                "advise",
                List.of(
                        "advise",
                        "--topology",
                        "small-2",
                        "--threads",
                        "1",
                        "--counters",
                        "atomic",
                        "--ops",
                        "1000",
                        "--updates-per-read",
                        "10"));
        BASE.put(
                "latency",
                List.of(
                        "latency",
                        "--samples",
                        "1",
                        "--round-trips",
                        "10",
                        "--pairs",
                        "1",
                        "--no-report",
                        "--no-progress",
                        "--out",
                        "{case}/out"));
    }

    /** Values outside each ranged flag's range, and names outside each vocabulary. */
    private static final Map<String, List<String>> SPECIFIC = Map.ofEntries(
            Map.entry("run --threads", List.of("0", "-1", "65537", "2147483647", "1,0", "1,65537")),
            Map.entry("run --counters", List.of("nope", "tree,nope", "TREE_TOPOS")),
            Map.entry("run --placement", List.of("nope", "compact,nope", "hop")),
            Map.entry("run --profile", List.of("huge", "", "QUICKER")),
            Map.entry("run --topology", List.of("nope", "", "pack:0 pu:1", "{case}/missing.xml")),
            Map.entry("run --benchmarks", List.of("(", "[a-", "NoSuchBenchmark", "*")),
            Map.entry(
                    "run --out",
                    List.of("", "{shared}/a-file", "{shared}/a-file/sub", "/proc/counterbench-cannot-be-here")),
            Map.entry(
                    "report --out",
                    List.of("", "{shared}/a-file", "{shared}/a-file/sub", "/proc/counterbench-cannot-be-here")),
            Map.entry("gate --threshold", List.of("lots", "-5%", "", "5%%", "1e3", "NaN", "1001%", "0x10")),
            Map.entry("gate --detect", List.of("lots", "-5%", "", "1001%")),
            Map.entry("gate --ab", List.of("", "{case}/missing", "{shared}/a-file", "{shared}/dir")),
            Map.entry("gate --alpha", List.of("0", "1", "-0.5", "2", "NaN", "x")),
            Map.entry("gate --normalize-by", List.of("", " ", "nope")),
            Map.entry("gate --summary", List.of("", "{shared}/dir", "{shared}/a-file/summary.md")),
            Map.entry("gate --baseline", List.of("", "{case}/missing.json", "{shared}/dir")),
            Map.entry("gate --current", List.of("", "{case}/missing.json", "{shared}/dir")),
            Map.entry("export --format", List.of("nope", "", "GITHUB")),
            Map.entry("topology --threads", List.of("0", "-2", "65537")),
            Map.entry("topology --topology", List.of("", "nope", "pu:0", "{case}/missing.xml")),
            Map.entry("footprint --cpus", List.of("0", "-1", "65537", "2,0")),
            Map.entry("footprint --counters", List.of("nope", "atomic,nope")),
            Map.entry("simulate --tasks", List.of("0", "-1", "1048577")),
            Map.entry("simulate --ops", List.of("0", "-1", "1000000000001")),
            Map.entry("simulate --every", List.of("0", "-1")),
            Map.entry("simulate --migrate-probability", List.of("-0.1", "1.5", "NaN")),
            Map.entry("simulate --pages", List.of("0", "-1", "1099511627777")),
            Map.entry("simulate --batch", List.of("-1", "1")),
            Map.entry("simulate --workload", List.of("nope", "")),
            Map.entry("simulate --migrate", List.of("nope", "")),
            Map.entry("simulate --topology", List.of("", "nope", "pu:0")),
            Map.entry("simulate --counters", List.of("nope", "atomic,nope")),
            Map.entry("simulate --out", List.of("", "{shared}/a-file", "{shared}/a-file/sub")),
            Map.entry("soak --threads", List.of("0", "-1", "65537", "2147483647")),
            Map.entry("soak --minutes", List.of("0", "-1", "10081", "NaN")),
            Map.entry("soak --interval-ms", List.of("0", "9", "3600001", "-1")),
            Map.entry("soak --counters", List.of("nope", "atomic,nope")),
            Map.entry("run --prof", List.of("", "nope", "stack:nope=1", ":gc")),
            Map.entry(
                    "run --counter-jar", List.of("{case}/missing.jar", "{shared}/dir", "{shared}/a-file", "/dev/zero")),
            Map.entry(
                    "soak --counter-jar",
                    List.of("{case}/missing.jar", "{shared}/dir", "{shared}/a-file", "/dev/zero")),
            Map.entry(
                    "simulate --counter-jar",
                    List.of("{case}/missing.jar", "{shared}/dir", "{shared}/a-file", "/dev/zero")),
            Map.entry(
                    "ab --counter-jar", List.of("{case}/missing.jar", "{shared}/dir", "{shared}/a-file", "/dev/zero")),
            Map.entry("simulate --latency", List.of("", "{case}/missing.json", "{shared}/dir", "{shared}/a-file")),
            Map.entry("simulate --fast-path", List.of("", "{case}/missing.json", "{shared}/dir", "{shared}/a-file")),
            Map.entry("simulate --threads", List.of("0", "-1", "65537")),
            Map.entry("latency --samples", List.of("0", "-1", "1001")),
            Map.entry("latency --round-trips", List.of("0", "-1", "10000001")),
            Map.entry("latency --pairs", List.of("0", "-1", "100000001")),
            Map.entry("latency --cpus", List.of("", "x", "0", "0,99999", "3-1", "0,-1")),
            Map.entry("latency --topology", List.of("", "nope", "pu:0", "{case}/missing.xml")),
            Map.entry("latency --out", List.of("", "{shared}/a-file", "{shared}/a-file/sub")),
            Map.entry(
                    "ab --baseline",
                    List.of("", "no-such-revision-xyz", "-x", "{case}/missing.jar", "{shared}/a-file", "{shared}/dir")),
            Map.entry(
                    "ab --current",
                    List.of("", "no-such-revision-xyz", "{case}/missing.jar", "{shared}/a-file", "{shared}/dir")),
            Map.entry("ab --profile", List.of("huge", "", "QUICKER")),
            Map.entry("ab --benchmarks", List.of("(", "[a-", "NoSuchBenchmark")),
            Map.entry("ab --counters", List.of("nope", "adder,nope")),
            Map.entry("ab --threads", List.of("0", "-1", "65537", "1,0")),
            Map.entry("ab --pairs", List.of("0", "-1")),
            Map.entry("ab --budget", List.of("", "nope", "0s", "25h", "9x", "-1m", "99999999h")),
            Map.entry("ab --inconclusive", List.of("", "maybe", "PASSED")),
            Map.entry("ab calibrate --resample", List.of("", "{case}/missing", "{shared}/a-file", "{shared}/dir")),
            Map.entry("ab calibrate --resamples", List.of("0", "9", "-1", "1000001")),
            Map.entry("gate --inconclusive", List.of("", "maybe", "PASSED")),
            Map.entry("ab --threshold", List.of("lots", "-5%", "", "1001%")),
            Map.entry("ab --detect", List.of("lots", "-5%", "", "1001%")),
            Map.entry("ab --alpha", List.of("0", "1", "-0.5", "2")),
            Map.entry("ab --slowdown", List.of("tree", "tree:0", "tree:101", "nope:5", ":5", "tree:x")),
            Map.entry("ab --rerun-above", List.of("-1", "-0.5")),
            Map.entry("ab --summary", List.of("", "{shared}/dir", "{shared}/a-file/summary.md")),
            Map.entry("ab --out", List.of("", "{shared}/a-file", "{shared}/a-file/sub")),
            Map.entry("ab calibrate --aa-runs", List.of("-1")),
            Map.entry("ab calibrate --knob-runs", List.of("-1")),
            Map.entry("ab calibrate --levels", List.of("0", "-2", "101")),
            Map.entry("ab calibrate --knob-counters", List.of("nope", "tree,nope")),
            Map.entry("ab calibrate --wrap", List.of("", " ", "no-such-command-xyz", "{shared}/a-file")),
            Map.entry("ab --fork-score", List.of("", "median", "BEST2")),
            Map.entry("ab --side-by-side", List.of("", "both", "yes")),
            Map.entry("gate --fork-score", List.of("", "median", "worst")),
            Map.entry("trend --record", List.of("", "{case}/missing", "{shared}/a-file", "{shared}/dir")),
            Map.entry("trend --commit", List.of("", "main", "xyz")),
            Map.entry("trend --commit-time", List.of("", "yesterday", "2026-13-01T00:00:00Z")),
            Map.entry("trend --since", List.of("", "main", "0000000", "-x")),
            Map.entry("trend --threshold", List.of("lots", "-5%", "", "1001%")),
            Map.entry("trend --significance", List.of("0", "1", "-0.5", "NaN")),
            Map.entry("trend --permutations", List.of("0", "-1", "100001")),
            Map.entry("trend --summary", List.of("", "{shared}/dir", "{shared}/a-file/summary.md")),
            Map.entry("trend --report", List.of("", "{shared}/a-file", "{shared}/a-file/sub")),
            Map.entry("advise --topology", List.of("", "nope", "pu:0", "{case}/missing.xml")),
            Map.entry("advise --threads", List.of("0", "-1", "65537")),
            Map.entry("advise --updates-per-read", List.of("0", "-1")),
            Map.entry("advise --read", List.of("", "nope", "exact")),
            Map.entry("advise --max-error", List.of("", "ten", "-5", "1%", "64XB", "1e3")),
            Map.entry("advise --value", List.of("0", "-1")),
            Map.entry("advise --run", List.of("", "{case}/missing", "{shared}/a-file", "{shared}/dir")),
            Map.entry("advise --latency", List.of("", "{case}/missing.json", "{shared}/dir", "{shared}/a-file")),
            Map.entry("advise --counters", List.of("nope", "atomic,nope")),
            Map.entry("advise --pattern", List.of("", "nope")),
            Map.entry("advise --pages", List.of("0", "-1", "1099511627777")),
            Map.entry("advise --ops", List.of("0", "999", "100000001")),
            Map.entry("ab calibrate --tabulate", List.of("", "{case}/missing", "{shared}/a-file", "{shared}/dir")),
            Map.entry("run --label", List.of("", " ", "x".repeat(65), "v1\tnew", "-v1")),
            Map.entry("ab --baseline-counter-jar", List.of("{case}/missing.jar", "{shared}/a-file", "{shared}/dir")),
            Map.entry("ab --current-counter-jar", List.of("{case}/missing.jar", "{shared}/a-file", "{shared}/dir")),
            Map.entry("ab --repo", List.of("", "{case}/missing", "{shared}/dir")),
            Map.entry("ab --build", List.of("", " ", "make")),
            Map.entry("ab --jar", List.of("", "/abs.jar", "../up.jar")));

    private FlagCases() {}

    /** Every (command, option) the campaign covers: each non-help option of each command but the skipped ones. */
    static List<String[]> options() {
        List<String[]> out = new ArrayList<>();
        CommandLine root = new CommandLine(new Main());
        for (OptionSpec o : root.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                out.add(new String[] {"", o.longestName()});
            }
        }
        for (Map.Entry<String, CommandLine> c : root.getSubcommands().entrySet()) {
            if (SKIPPED.contains(c.getKey())) {
                continue;
            }
            for (OptionSpec o : c.getValue().getCommandSpec().options()) {
                if (!o.usageHelp() && !o.versionHelp()) {
                    out.add(new String[] {c.getKey(), o.longestName()});
                }
            }
            for (Map.Entry<String, CommandLine> sub :
                    c.getValue().getSubcommands().entrySet()) {
                for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                    if (!o.usageHelp() && !o.versionHelp()) {
                        out.add(new String[] {c.getKey() + " " + sub.getKey(), o.longestName()});
                    }
                }
            }
        }
        return out;
    }

    private static final List<String[]> OPTIONS = options();

    /** The k-th flag case: options in turn (so a few hundred cases cover them all), values at random. */
    static CampaignCase flag(SplittableRandom r, int k) {
        if (k % 13 == 12) {
            return whole(r);
        }
        String[] pick = OPTIONS.get((k - k / 13) % OPTIONS.size());
        String command = pick[0].isEmpty() ? pick(r, List.copyOf(BASE.keySet())) : pick[0];
        OptionSpec o = spec(command, pick[1]);
        List<String> values = new ArrayList<>(generic(o));
        // ab calibrate's flags shared with ab (AbFlags) take ab's values unless they have their own
        values.addAll(SPECIFIC.getOrDefault(
                command + " " + pick[1],
                SPECIFIC.getOrDefault(command.replace("ab calibrate", "ab") + " " + pick[1], List.of())));
        String bad = pick(r, values);
        List<String> args = new ArrayList<>(without(BASE.get(command), pick[1], o));
        if (command.equals("run") && pick[1].equals("--out")) {
            args.remove("--dry-run"); // a dry run only checks what it can without creating the folder
        }
        if (o.arity().max() == 0) {
            args.add(pick[1] + "=" + bad);
        } else {
            args.add(pick[1]);
            args.add(bad);
        }
        return new CampaignCase("flags", command + " " + pick[1] + " '" + bad + "'", List.of(), args);
    }

    /** Values wrong for the option's type whatever its meaning. */
    static List<String> generic(OptionSpec o) {
        Class<?> t = o.auxiliaryTypes().length > 0 && o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
        List<String> v = new ArrayList<>();
        if (o.arity().max() == 0) {
            return List.of("maybe", "", "yes", "1");
        }
        if (!o.splitRegex().isEmpty()) {
            v.addAll(List.of(",", ",,", " , ", "a,,b"));
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            v.addAll(List.of("x", "1.5", "", " ", "99999999999999999999", "0x10", "NaN", "\u0663", "1e3"));
        } else if (t == double.class || t == Double.class) {
            v.addAll(List.of("x", "", "Infinity", "1e400", "0x1p3"));
            if (o.splitRegex().isEmpty()) {
                v.add("1,5"); // two numbers where one is expected (a list flag takes it)
            }
        } else if (t == Path.class) {
            v.addAll(List.of("{case}/nul\u0000"));
        }
        return v;
    }

    /** The base command line without the option (and its value), so the option appears once. */
    private static List<String> without(List<String> base, String option, OptionSpec o) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).equals(option)) {
                i += o.arity().max() == 0 ? 0 : 1;
                continue;
            }
            out.add(base.get(i));
        }
        return out;
    }

    private static OptionSpec spec(String command, String name) {
        CommandLine root = new CommandLine(new Main());
        CommandLine c = root;
        for (String word : command.split(" ")) {
            c = c.getSubcommands().get(word);
        }
        OptionSpec o = c.getCommandSpec().findOption(name);
        return o != null ? o : root.getCommandSpec().findOption(name);
    }

    /** Command lines wrong as a whole: unknown commands and flags, missing operands. */
    private static CampaignCase whole(SplittableRandom r) {
        List<String> args = pick(
                r,
                List.of(
                        List.of("nope"),
                        List.of("--no-such-flag"),
                        List.of("report"),
                        List.of("export", "{shared}/good-run"),
                        List.of("gate", "--current", "{shared}/good-run"),
                        List.of("gate", "--baseline", "{shared}/good-run"),
                        List.of("report", "{shared}/good-run", "--out"),
                        List.of("topology", "--threads"),
                        List.of("run", "--no-such-flag", "--dry-run"),
                        List.of("simulate", "--tasks", "4", "--quick", "--out", "{case}/out"),
                        List.of("simulate", "nope", "--quick", "--out", "{case}/out"),
                        List.of("simulate", "", "--quick", "--out", "{case}/out"),
                        List.of("export", "--format"),
                        List.of("soak", "--seed", "x"),
                        List.of("export", "{shared}/good-run", ""),
                        List.of("export", "{shared}/good-run", "{shared}/dir"),
                        List.of("export", "{shared}/good-run", "{shared}/a-file/x.json"),
                        List.of("export", "{shared}/good-run", "{case}/nul\u0000.json")));
        return new CampaignCase("flags", "command line " + args, List.of(), args);
    }
}
