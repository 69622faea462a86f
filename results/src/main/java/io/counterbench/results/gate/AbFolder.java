package io.counterbench.results.gate;

import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunJson;
import io.counterbench.results.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ab run folder read back: pairs.json, run.json and the two JMH files whose forks pair up, as
 * two {@link RunInput}s of the same machine for {@link io.counterbench.results.gate.Gate#paired}.
 */
public record AbFolder(Path folder, PairsJson pairs, RunInput baseline, RunInput current) {

    public static boolean isAbFolder(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(PairsJson.FILE));
    }

    public static AbFolder load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw InputException.of(folder, "no such ab run folder");
        }
        Path pairsFile = folder.resolve(PairsJson.FILE);
        if (!Files.isRegularFile(pairsFile)) {
            throw InputException.of(folder, "not an ab run folder: no " + PairsJson.FILE);
        }
        PairsJson pairs = PairsJson.read(pairsFile);
        if (pairs.completePairs() == 0) {
            throw InputException.of(
                    folder,
                    "no pair of forks finished (" + pairs.pairs().size() + " tried" + firstError(pairs)
                            + "): nothing to compare");
        }
        Path runFile = folder.resolve(RunJson.FILE);
        RunJson run = Files.isRegularFile(runFile) ? RunJson.read(runFile) : null;
        Machine machine = run == null ? null : Machine.fromRunJson(run);
        List<String> notes = new ArrayList<>();
        long dropped = pairs.pairs().stream().filter(p -> p.dropped() != null).count();
        if (dropped > 0) {
            notes.add(dropped
                    + " pair(s) rerun because other work kept the machine busy while they ran (pairs.json: dropped)");
        }
        if (!"complete".equals(pairs.status())) {
            long failed = pairs.pairs().stream().filter(p -> !p.finished()).count();
            notes.add("run " + pairs.status() + (pairs.reason() == null ? "" : " (" + pairs.reason() + ")") + ": "
                    + pairs.completePairs() + " of " + pairs.rows().size() * (long) pairs.pairsPerRow()
                    + " pairs finished" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        RunInput b = side(folder, PairsJson.BASELINE_JMH, machine, run, notes);
        RunInput c = side(folder, PairsJson.CURRENT_JMH, machine, run, List.of());
        consistent(folder, pairs, PairsJson.BASELINE_JMH, "baseline");
        consistent(folder, pairs, PairsJson.CURRENT_JMH, "current");
        return new AbFolder(folder, pairs, b, c);
    }

    /** Pairs the plan asked for (rows x pairs per row). */
    public long plannedPairs() {
        return pairs.rows().size() * (long) pairs.pairsPerRow();
    }

    /**
     * A run that stopped short of its plan (interrupted, killed, stopped by an error: pairs.json is not
     * "complete"): such a folder can show a regression, never a pass. (An adaptive run that settled a row
     * early, or whose budget ended, is complete: the gate itself says which rows stayed open.)
     */
    public boolean partial() {
        return !"complete".equals(pairs.status());
    }

    /** "5 of 24 pairs finished". */
    public String progress() {
        return pairs.completePairs() + " of " + plannedPairs() + " pairs finished";
    }

    /**
     * Checks that a merged JMH file holds exactly the finished pairs of pairs.json: one result per
     * row that has any, with one fork per finished pair, and (where forks/ is there) each fork the
     * one its pair's own fork file recorded. A file from another run, or one cut short, is refused.
     */
    private static void consistent(Path folder, PairsJson pairs, String file, String side) {
        Path f = folder.resolve(file);
        com.fasterxml.jackson.databind.JsonNode merged = JmhJson.readTree(f);
        java.util.TreeMap<Integer, List<PairsJson.Pair>> byRow = new java.util.TreeMap<>();
        for (PairsJson.Pair p : pairs.pairs()) {
            if (p.complete()) {
                byRow.computeIfAbsent(p.row(), k -> new ArrayList<>()).add(p);
            }
        }
        if (merged.size() != byRow.size()) {
            throw InputException.of(
                    f,
                    "holds " + merged.size() + " rows but " + PairsJson.FILE
                            + " has finished pairs in " + byRow.size()
                            + ": the files are not of one run (or one was cut short)");
        }
        int i = 0;
        for (var e : byRow.entrySet()) {
            List<PairsJson.Pair> done = new ArrayList<>(e.getValue());
            done.sort(java.util.Comparator.comparingInt(PairsJson.Pair::pair));
            com.fasterxml.jackson.databind.JsonNode raw =
                    merged.get(i++).path("primaryMetric").path("rawData");
            if (raw.size() != done.size()) {
                throw InputException.of(
                        f,
                        "row " + (e.getKey() + 1) + " holds " + raw.size() + " forks but "
                                + PairsJson.FILE + " says "
                                + done.size() + " of its pairs finished: the files are not of one run");
            }
            for (int k = 0; k < done.size(); k++) {
                PairsJson.Pair p = done.get(k);
                Path fork = folder.resolve("forks")
                        .resolve(String.format(
                                java.util.Locale.ROOT,
                                "r%02d-p%02d%s-%s.json",
                                p.row(),
                                p.pair(),
                                // attempt 0: a record from before attempts were kept
                                p.attempt() <= 1 ? "" : "-a" + p.attempt(),
                                side));
                if (!Files.isRegularFile(fork)) {
                    continue; // forks/ is optional (a folder copied without it): the counts above still hold
                }
                com.fasterxml.jackson.databind.JsonNode own = JmhJson.readTree(fork)
                        .path(0)
                        .path("primaryMetric")
                        .path("rawData")
                        .path(0);
                if (!own.equals(raw.get(k))) {
                    throw InputException.of(
                            f,
                            "row " + (e.getKey() + 1) + ", pair " + (p.pair() + 1) + ": the "
                                    + side + " fork differs from "
                                    + fork.getFileName() + ": the files are not of one run");
                }
            }
        }
    }

    private static RunInput side(Path folder, String file, Machine machine, RunJson run, List<String> notes) {
        Path f = folder.resolve(file);
        List<JmhResult> results = JmhJson.read(f);
        return new RunInput(f, folder, f, results, machine, run, notes);
    }

    /**
     * Each baseline result's pair layout: the pair id of each fork position (pairIds in the merged file, or
     * else the row's complete pairs in pair order, as ab writes them), how each pair ran, and the planned looks.
     * Rows of the JMH files follow pairs.json's rows, those without a complete pair left out.
     */
    public java.util.Map<JmhResult, io.counterbench.results.gate.PairLayout> layouts() {
        java.util.Map<JmhResult, io.counterbench.results.gate.PairLayout> out = new java.util.IdentityHashMap<>();
        List<PairsJson.Row> rows = pairs.rows().stream()
                .filter(r -> !pairs.used(r.index()).isEmpty())
                .toList();
        List<JmhResult> results = baseline.results();
        com.fasterxml.jackson.databind.JsonNode tree = JmhJson.readTree(baseline.jmhFile());
        int[] looks = pairs.looks().stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < results.size() && i < rows.size(); i++) {
            PairsJson.Row row = rows.get(i);
            java.util.Map<Integer, PairsJson.Pair> used = new java.util.LinkedHashMap<>();
            pairs.used(row.index()).forEach(p -> used.put(p.pair(), p));
            com.fasterxml.jackson.databind.JsonNode written = tree.path(i).get(ForkMerge.PAIR_IDS);
            int forks = results.get(i).primary().forks().size();
            int[] ids;
            if (written != null && written.isArray() && written.size() == forks) {
                ids = new int[forks];
                for (int k = 0; k < forks; k++) {
                    ids[k] = written.get(k).asInt();
                }
            } else {
                ids = used.keySet().stream()
                        .mapToInt(Integer::intValue)
                        .limit(forks)
                        .toArray();
            }
            if (ids.length != forks) {
                continue; // pairs.json and the JMH file disagree: the gate pairs by position
            }
            String[] order = new String[forks];
            for (int k = 0; k < forks; k++) {
                PairsJson.Pair p = used.get(ids[k]);
                order[k] = order(p);
            }
            out.put(
                    results.get(i),
                    new io.counterbench.results.gate.PairLayout(
                            row.index(), ids, order, looks, "complete".equals(pairs.status())));
        }
        return out;
    }

    /**
     * How a pair ran, as the gate's tests read it: "baseline" or "current" (back to back, who went first);
     * "together:baseline" or "together:current" (side by side, whose fork had the lower CPUs); "together" when the
     * CPUs were not recorded.
     */
    static String order(PairsJson.Pair p) {
        if (p == null || p.first() == null) {
            return "together";
        }
        if (!"together".equals(p.first())) {
            return p.first();
        }
        int b = firstCpu(p.baselineCpus());
        int c = firstCpu(p.currentCpus());
        return b < 0 || c < 0 || b == c ? "together" : b < c ? "together:baseline" : "together:current";
    }

    /** The lowest CPU of a list such as "0", "0-3" or "4,6" (taskset's syntax); -1 when absent or unreadable. */
    private static int firstCpu(String cpus) {
        try {
            int[] set = cpus == null ? new int[0] : io.counterbench.topology.CpuList.parse(cpus);
            return set.length == 0 ? -1 : set[0];
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Gates the folder's pairs, matched by pair id, with its planned looks. */
    public io.counterbench.results.gate.GateResult gate(io.counterbench.results.gate.GateOptions options) {
        io.counterbench.results.gate.GateResult g =
                io.counterbench.results.gate.Gate.paired(baseline, current, options, layouts());
        return partial() ? g.partial(progress() + " (run " + pairs.status() + ")") : g;
    }

    /**
     * The rows (pairs.json indexes) the gate settles now: every compared member regressed (or failed an accuracy
     * check), passed or improved. An adaptive ab run stops giving them pairs.
     */
    public java.util.Set<Integer> settled(io.counterbench.results.gate.GateOptions options) {
        io.counterbench.results.gate.GateResult g = gate(options);
        java.util.Map<JmhResult, io.counterbench.results.gate.PairLayout> layouts = layouts();
        java.util.Map<Integer, Boolean> rows = new java.util.TreeMap<>();
        for (io.counterbench.results.gate.RowComparison r : g.rows()) {
            io.counterbench.results.gate.PairLayout l = r.baseline() == null ? null : layouts.get(r.baseline());
            if (l == null || r.effect() == null) {
                continue;
            }
            boolean decided = r.outcome() != io.counterbench.results.gate.Outcome.INCONCLUSIVE;
            rows.merge(l.row(), decided, Boolean::logicalAnd);
        }
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        rows.forEach((row, decided) -> {
            if (decided) {
                out.add(row);
            }
        });
        return out;
    }

    private static String firstError(PairsJson p) {
        return p.pairs().stream()
                .filter(x -> !x.finished() && x.error() != null)
                .map(x -> "; first error: " + x.error())
                .findFirst()
                .orElse("");
    }
}
