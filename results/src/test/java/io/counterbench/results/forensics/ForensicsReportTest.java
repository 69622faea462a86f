package io.counterbench.results.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import io.counterbench.results.Reports;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.run.RunLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stability section on a recorded run folder (runs/stability: 20 forks each of tree and adder
 * at cpu=lookup, isolated on CPU 0; the JIT logs of tree's forks 1 and 6 kept, trimmed to the stub).
 */
class ForensicsReportTest {

    static JmhResult row(RunInput run, String counter) {
        return run.results().stream()
                .filter(r -> counter.equals(r.param("counter")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void forksCarryTheirScoresAddressesAndJitLogs() {
        RunInput run = RunLoader.load(Fixtures.resource("runs/stability"));
        JmhResult tree = row(run, "tree");
        assertTrue(ForkForensics.has(tree));
        List<ForkForensics> forks = ForkForensics.of(tree, run.folder().resolve("forensics"));
        assertEquals(20, forks.size());
        ForkForensics first = forks.getFirst();
        assertEquals(23734, first.pid());
        assertEquals(95.74, first.best(), 0.01);
        assertEquals(1992L, first.addresses().get("counter.slot"));
        assertEquals(4068L, first.addresses().get("rseq.cpu_id"));
        assertTrue(first.moved().isEmpty(), "no collection moved anything: " + first.moved());
        assertEquals(0, first.gc());
        assertNotNull(first.jit(), first.jitProblem());
        assertEquals(3, first.jit().c2Compiles());
        assertEquals(List.of("TreeCounter::propagate: too big"), first.jit().notInlined());
        ForkForensics sixth = forks.get(5);
        assertNotNull(sixth.jit(), sixth.jitProblem());
        assertEquals(first.jit().inlineDigest(), sixth.jit().inlineDigest(), "a slow and a fast fork inlined alike");
        assertNull(forks.get(1).jit());
        assertEquals("no jit-pid23951.log", forks.get(1).jitProblem());
    }

    @Test
    void reportShowsEachForkBesideItsCandidates(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/stability", tmp, "run");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("## Stability forensics"), md);
        assertTrue(
                md.contains(
                        "### UpdateBenchmark.inc counter=tree cpu=lookup placement=compact topology=host threads=1"),
                md);
        assertTrue(md.contains("Fork scores max/min 1.254"), md);
        assertTrue(
                md.contains(
                        "| fork | best (ops/us) | mean (ops/us) | GCs | JIT ms | C2 | not entrant | last C2 (ms) | inlining |"),
                md);
        assertTrue(md.contains("| 1 | 95.74 | 93.61 | 0 | 4 | 3 | 1 |"), md);
        assertTrue(md.contains("TreeCounter::propagate: too big | 560 (48) |"), md);
        assertTrue(md.contains("| 2 | 97.67 | 97.15 | 0 | 4 |  |  |  | no jit-pid23951.log |"), md);
    }

    @Test
    void runsWithoutForensicsHaveNoSuchSection(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy("runs/smoke", tmp, "run");
        Reports.write(List.of(run), run);
        String md = Files.readString(run.resolve("report.md"));
        assertFalse(md.contains("Stability forensics"), md);
    }
}
