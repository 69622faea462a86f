package io.counterbench.results.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JIT log reader on an excerpt of a recorded fork's log (tree, cpu=lookup; see the fixtures' README). */
class JitLogTest {
    static final String INC = "io.counterbench.bench.UpdateBenchmark.inc";

    static String recorded() throws Exception {
        return Files.readString(Fixtures.resource("forensics/jit-tree-lookup.log"));
    }

    @Test
    void readsTheStubsC2CompilationsDeoptsAndInliningTree() throws Exception {
        JitLog j = JitLog.of(recorded(), INC);
        // C2 compiled the stub three times: OSR 1114 (made not entrant: uncommon trap), OSR 1363 and the normal 1364
        assertEquals(3, j.c2Compiles());
        assertEquals(1, j.deopts());
        assertEquals(6941, j.lastC2Millis(), "the normal compilation, which later iterations run");
        assertEquals(8, j.inlineDigest().length());
        assertEquals(List.of("TreeCounter::propagate: too big"), j.notInlined());
    }

    @Test
    void anotherInliningDecisionGivesAnotherDigest() throws Exception {
        String log = recorded();
        String changed = log.replace(
                "TreeCounter::propagate (190 bytes)   failed to inline: too big",
                "TreeCounter::propagate (190 bytes)   inline (hot)");
        assertNotEquals(log, changed);
        JitLog a = JitLog.of(log, INC);
        JitLog b = JitLog.of(changed, INC);
        assertNotEquals(a.inlineDigest(), b.inlineDigest());
        assertTrue(b.notInlined().isEmpty(), b.notInlined().toString());
    }

    @Test
    void profileCountsDoNotChangeTheDigest() throws Exception {
        String log = recorded();
        String counts = log.replace("(22813/22813 counts)", "(9/9 counts)");
        assertNotEquals(log, counts);
        assertEquals(JitLog.of(log, INC).inlineDigest(), JitLog.of(counts, INC).inlineDigest());
    }

    @Test
    void anotherBenchmarksStubIsNotCounted() throws Exception {
        JitLog j = JitLog.of(recorded(), "io.counterbench.bench.UpdateBenchmark.random");
        assertEquals(0, j.c2Compiles());
        assertEquals(0, j.deopts());
        assertEquals(-1, j.lastC2Millis());
        assertEquals("", j.inlineDigest());
    }

    @Test
    void stubNames() {
        String stub = "io.counterbench.bench.jmh_generated.UpdateBenchmark_inc_jmhTest::inc_thrpt_jmhStub";
        assertTrue(JitLog.isStub(stub, INC));
        assertTrue(!JitLog.isStub(stub, "io.counterbench.bench.MixBenchmark.inc"));
        assertTrue(!JitLog.isStub("io.counterbench.bench.UpdateBenchmark::inc", INC));
    }
}
