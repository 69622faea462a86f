package io.counterbench.cli;

import io.counterbench.results.util.RunFolders;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --out DIR of the commands that create a new run folder in it (run, ab). */
public final class RunFolderOption {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder in which the run folder is created (default: " + RunFolders.RUNS + "; ab: "
                    + RunFolders.AB + ", " + "ab calibrate: " + RunFolders.CALIBRATION + ").")
    Path out;

    /** Checks a given folder's name before anything runs. */
    public void check() {
        if (out != null) {
            RunFolders.checkNamed(out);
        }
    }

    /** The folder that gets the run folder: --out, or {@code byDefault}. */
    public Path root(Path byDefault) {
        return out == null ? byDefault : RunFolders.named(out);
    }
}
