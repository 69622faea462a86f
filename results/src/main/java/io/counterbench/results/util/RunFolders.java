package io.counterbench.results.util;

import io.counterbench.inputs.IoReasons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Run folders: runs/&lt;utc-time&gt;-&lt;host&gt;/, never reused. Two runs started in the same
 * second get "-2", "-3"... because each folder is claimed with an atomic createDirectory.
 */
public final class RunFolders {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Where run data goes when no --out is given: folders under runs/ at the project root, apart
     * from the code modules and kept out of git (.gitignore). Each default folder is named here once.
     */
    public static final String RUNS = "runs";
    /** ab's run folders. */
    public static final String AB = RUNS + "/ab";
    /** ab calibration series. */
    public static final String CALIBRATION = RUNS + "/calibration";
    /** Reports that merge several runs. */
    public static final String REPORTS = RUNS + "/reports";

    private RunFolders() {}

    /** The project root: the system property counterbench.home (set by run-bench.sh), else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("counterbench.home", "."))
                .toAbsolutePath()
                .normalize();
    }

    /** {@link #RUNS} under the project root: where run, simulate and latency create their run folders. */
    public static Path defaultRoot() {
        return underHome(RUNS);
    }

    /** One of the default folders named above ({@link #AB}, {@link #REPORTS}...) under the project root. */
    public static Path underHome(String folder) {
        return home().resolve(folder);
    }

    /** Claims a new, empty run folder under {@code root} for a run starting at {@code start}. */
    public static Path create(Path root, Instant start) {
        return createNamed(root, STAMP.format(start) + "-" + hostName());
    }

    /** Claims a new, empty folder {@code root/base} (then base-2, base-3...), e.g. runs/reports/UTC-merge. */
    public static Path createNamed(Path root, String base) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + root + ": " + reason(e), e);
        }
        for (int i = 1; ; i++) {
            Path p = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder " + p + ": " + reason(e), e);
            }
        }
    }

    /**
     * An output folder the user named: created if missing; it must be a writable directory.
     * Files already in it are never overwritten (see {@link #newFile}).
     */
    public static Path named(Path dir) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out '" + dir + "' names no folder (give one, e.g. --out runs/mine; '.' is the current folder)");
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + " cannot be created: " + reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is not writable" + readOnly(dir));
        }
        return dir;
    }

    /**
     * What {@link #named} would refuse without creating anything (for a dry run): an empty path, a
     * path that exists and is not a folder, or one below a file.
     */
    public static Path checkNamed(Path dir) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out '" + dir + "' names no folder (give one, e.g. --out runs/mine; '.' is the current folder)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is not writable" + readOnly(dir));
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException(
                            "--out " + dir + " cannot be created: " + p + " is a file, not a folder");
                }
                if (!Files.exists(dir) && !Files.isWritable(p)) {
                    throw new IllegalArgumentException(
                            "--out " + dir + " cannot be created: " + p + " is not writable" + readOnly(p));
                }
                break;
            }
        }
        return dir;
    }

    /**
     * A folder the work will write in, checked before the work starts: created if missing, and a
     * file can be made in it (a read-only mount, a full quota or missing permission are named now,
     * not after minutes of measuring).
     */
    public static Path writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".counterbench-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write in " + dir + ": " + reason(e), e);
        }
        return dir;
    }

    private static String readOnly(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly() ? " (a read-only file system)" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A path for {@code name} in {@code folder} that does not exist yet: name itself, else
     * name-2.ext, name-3.ext... so nothing earlier is overwritten.
     */
    public static Path newFile(Path folder, String name) {
        Path p = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(stem + "-" + i + ext);
        }
        return p;
    }

    /** This machine's short host name, safe for a folder name. */
    public static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
        }
        int dot = h.indexOf('.');
        if (dot > 0) {
            h = h.substring(0, dot);
        }
        String safe = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return safe.isEmpty() ? "localhost" : safe;
    }

    static String reason(IOException e) {
        return IoReasons.of(e);
    }
}
