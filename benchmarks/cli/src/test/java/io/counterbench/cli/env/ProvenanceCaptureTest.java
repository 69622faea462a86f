package io.counterbench.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.run.RunJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance from a scratch git repository: its commit, whether it is dirty, each jar's SHA-256; no git checkout, no commit. */
class ProvenanceCaptureTest {

    @Test
    void theCommitAndDirtyFlagComeFromTheCheckout(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "one");
        git(repo, "add", "a.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        String head = git(repo, "rev-parse", "HEAD").strip();
        Path jar = Files.writeString(repo.resolve("x.jar"), "abc"); // untracked: not dirty
        RunJson.Provenance clean = ProvenanceCapture.capture(
                repo, List.of(new ProvenanceCapture.JarRole("counter-jar", jar)), List.of("-Xint"));
        assertEquals(head, clean.commit());
        assertEquals(Boolean.FALSE, clean.dirty());
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                clean.jars().getFirst().sha256(),
                "SHA-256 of 'abc'");
        assertEquals("counter-jar", clean.jars().getFirst().role());
        assertEquals(List.of("-Xint"), clean.jvm().flags());
        assertTrue(clean.jvm().version() != null && !clean.jvm().version().isEmpty());

        Files.writeString(repo.resolve("a.txt"), "two");
        assertEquals(
                Boolean.TRUE,
                ProvenanceCapture.capture(repo, List.of(), List.of()).dirty());
    }

    @Test
    void outsideACheckoutTheCommitIsUnknownNotGuessed(@TempDir Path dir) {
        RunJson.Provenance p = ProvenanceCapture.capture(dir, List.of(), List.of());
        assertNull(p.commit());
        assertNull(p.dirty());
        assertFalse(p.describeCommit().matches(".*[0-9a-f]{12}.*"), p.describeCommit());
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
