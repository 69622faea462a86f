package io.counterbench.results.run;

import io.counterbench.results.jmh.JmhResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One input of a report or a gate: a run folder (jmh.json, run.json, footprint.json, ...) or a bare
 * JMH JSON file that some other project wrote.
 *
 * @param source what the user named: the folder, or the file
 * @param folder the run folder, null for a bare JMH file
 * @param jmhFile the JMH JSON that was read; null for a report's run folder that holds only latency.json
 * @param machine from run.json, null when there is none (bare file, or a run.json without environment)
 * @param run the folder's run.json, null without one
 * @param notes what a reader should know about this input (incomplete run, failed entries...)
 */
public record RunInput(
        Path source,
        Path folder,
        Path jmhFile,
        List<JmhResult> results,
        Machine machine,
        RunJson run,
        List<String> notes) {

    public RunInput {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /**
     * A file of the run folder, when the input is a folder and an entry of that name exists (of any
     * kind: its reader refuses one that is not a regular file instead of skipping it).
     */
    public Optional<Path> file(String name) {
        if (folder == null) {
            return Optional.empty();
        }
        Path p = folder.resolve(name);
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(p) : Optional.empty();
    }

    /** The folder's (or file's) name, e.g. 20261121T093917Z-vm. */
    public String name() {
        Path p = folder != null ? folder : source;
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }

    /** run.json's status (complete, incomplete, running), null without run.json. */
    public String status() {
        return run == null ? null : run.status();
    }

    public boolean isBareFile() {
        return folder == null;
    }
}
