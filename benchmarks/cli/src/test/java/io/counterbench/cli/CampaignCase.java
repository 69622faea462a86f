package io.counterbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One input of the bad-input campaign: the files it needs in its own folder, and the command line
 * (where "{case}" is that folder and "{shared}" the campaign's folder of good inputs).
 *
 * @param family which generator made it (hwloc-xml, jmh-json, run-folder, flags...)
 * @param what the mutation, in words, for a failure report
 */
record CampaignCase(String family, String what, List<Step> files, List<String> args) {

    /** Makes one file (or fifo, link, folder) in the case's folder. */
    @FunctionalInterface
    interface Step {
        void make(Path caseDir) throws IOException;
    }

    CampaignCase {
        files = List.copyOf(files);
        args = List.copyOf(args);
    }

    /** The command line with the placeholders filled in. */
    List<String> resolve(Path caseDir, Path shared) {
        return args.stream()
                .map(a -> a.replace("{case}", caseDir.toString()).replace("{shared}", shared.toString()))
                .toList();
    }

    /** Whether a subprocess can take it: an argument with a NUL byte cannot be passed to exec. */
    boolean subprocessOk() {
        return args.stream().noneMatch(a -> a.indexOf('\0') >= 0);
    }

    /** What makes two cases the same. */
    String key() {
        return family + " | " + what + " | " + args;
    }

    @Override
    public String toString() {
        return family + ": " + what + " :: "
                + String.join(" ", args.stream().map(CampaignCase::show).toList());
    }

    private static String show(String a) {
        String s = a.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
        s = s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + " chars)" : s;
        return s.isEmpty() || s.contains(" ") ? "'" + s + "'" : s;
    }
}
