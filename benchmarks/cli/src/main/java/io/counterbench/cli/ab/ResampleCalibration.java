package io.counterbench.cli.ab;

import io.counterbench.results.gate.AbFolder;
import io.counterbench.results.gate.GateOptions;
import io.counterbench.results.gate.Resampling;
import io.counterbench.results.util.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * ab calibrate --resample DIR: the gate's calibration on recorded pairs, nothing run. DIR is an ab
 * run folder, or a folder of them (a calibration folder's runs/, runs/ab): every ab run folder
 * found directly in it. Each compared row gets its label-swap null rate at its actual level, its
 * flag rate with known slowdowns added, and the check of its reported MDE ({@link Resampling}).
 */
public final class ResampleCalibration {
    private ResampleCalibration() {}

    /** The ab run folders a DIR names: itself, or its children (and a calibration folder's runs/ children). */
    public static List<Path> folders(Path dir) {
        if (AbFolder.isAbFolder(dir)) {
            return List.of(dir);
        }
        Path base = Files.isDirectory(dir.resolve("runs")) ? dir.resolve("runs") : dir;
        if (!Files.isDirectory(base)) {
            throw InputException.of(dir, "no such folder");
        }
        try (Stream<Path> s = Files.list(base)) {
            List<Path> out = s.filter(AbFolder::isAbFolder).sorted().toList();
            if (out.isEmpty()) {
                throw InputException.of(dir, "not an ab run folder, and no ab run folder (with pairs.json) in it");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    /** Calibrates every folder and returns the Markdown; writes it to {@code out} when not null. */
    public static String run(
            List<Path> dirs,
            GateOptions options,
            int resamples,
            List<Double> shifts,
            long seed,
            Path out,
            String command) {
        List<Resampling.Row> rows = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path f : folders(dir)) {
                AbFolder ab = AbFolder.load(f);
                rows.addAll(Resampling.run(
                        f.getFileName().toString(),
                        ab.baseline(),
                        ab.current(),
                        options,
                        ab.layouts(),
                        resamples,
                        shifts,
                        seed));
            }
        }
        String md = Resampling.markdown(rows, options, resamples, shifts, command);
        if (out != null) {
            try {
                Files.writeString(out, md, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        return md;
    }
}
