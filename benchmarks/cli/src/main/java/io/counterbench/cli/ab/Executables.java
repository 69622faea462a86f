package io.counterbench.cli.ab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a command can be started: the one PATH search (taskset for side-by-side pairs, ab calibrate --wrap). */
public final class Executables {
    private Executables() {}

    /** A path (with a '/') to an executable file, or a name found as one in a folder of $PATH. */
    public static boolean found(String command) {
        if (command.contains("/")) {
            return executable(Path.of(command));
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && executable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
