package io.counterbench.inputs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * An IOException in words for a one-line message: "permission denied", "a part of the path is a
 * file, not a folder", never a Java class name. The path is left out (the caller names it).
 */
public final class IoReasons {
    /** The operating system's reasons (strerror) that read badly on their own, reworded. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("not a directory", "a part of the path is a file, not a folder"),
            Map.entry("is a directory", "it is a directory"),
            Map.entry("too many levels of symbolic links", "too many levels of symbolic links (a link loop?)"),
            Map.entry("file name too long", "the name is too long for the file system"),
            Map.entry("read-only file system", "the file system is read-only"),
            Map.entry("no space left on device", "the disk is full"),
            Map.entry("disk quota exceeded", "the disk quota is used up"),
            Map.entry("input/output error", "input/output error (the device or file system failed)"),
            Map.entry("permission denied", "permission denied"),
            Map.entry("operation not permitted", "operation not permitted"),
            Map.entry("no such file or directory", "no such file or folder"),
            Map.entry("no such device or address", "no such device"),
            Map.entry("text file busy", "the file is busy"));

    private IoReasons() {}

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "an input/output error";
        }
        String r = reason.strip();
        String known = WORDS.get(r.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1)
                : r;
    }
}
