package io.counterbench.results.ab;

import io.counterbench.results.InputException;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunJson;
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
            throw InputException.of(folder, "no pair of forks finished (" + pairs.pairs().size() + " tried" + firstError(pairs)
                    + "): nothing to compare");
        }
        Path runFile = folder.resolve(RunJson.FILE);
        RunJson run = Files.isRegularFile(runFile) ? RunJson.read(runFile) : null;
        Machine machine = run == null ? null : Machine.fromRunJson(run);
        List<String> notes = new ArrayList<>();
        long dropped = pairs.pairs().stream().filter(p -> p.dropped() != null).count();
        if (dropped > 0) {
            notes.add(dropped + " pair(s) rerun because other work kept the machine busy while they ran (pairs.json: dropped)");
        }
        if (!"complete".equals(pairs.status())) {
            long failed = pairs.pairs().stream().filter(p -> !p.finished()).count();
            notes.add("run " + pairs.status() + (pairs.reason() == null ? "" : " (" + pairs.reason() + ")") + ": " + pairs.completePairs()
                    + " of " + pairs.rows().size() * (long) pairs.pairsPerRow() + " pairs finished" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        RunInput b = side(folder, PairsJson.BASELINE_JMH, machine, run, notes);
        RunInput c = side(folder, PairsJson.CURRENT_JMH, machine, run, List.of());
        return new AbFolder(folder, pairs, b, c);
    }

    private static RunInput side(Path folder, String file, Machine machine, RunJson run, List<String> notes) {
        Path f = folder.resolve(file);
        List<JmhResult> results = JmhJson.read(f);
        return new RunInput(f, folder, f, results, machine, run, notes);
    }

    private static String firstError(PairsJson p) {
        return p.pairs().stream().filter(x -> !x.finished() && x.error() != null).map(x -> "; first error: " + x.error()).findFirst().orElse("");
    }
}
