package io.counterbench.cli.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMH module is found in a tree of either layout (ab builds commits from before the rename). */
class BenchModuleTest {

    @Test
    void theModuleOfEachLayout(@TempDir Path tmp) throws IOException {
        Path before = Files.createDirectories(tmp.resolve("before/benchmarks/jmh"))
                .getParent()
                .getParent();
        Path after = Files.createDirectories(tmp.resolve("after/benchmarks/bench"))
                .getParent()
                .getParent();
        Path none = Files.createDirectories(tmp.resolve("single-module"));
        assertEquals("benchmarks/jmh", BenchModule.dir(before));
        assertEquals(before.resolve("benchmarks/jmh/target/benchmarks.jar"), BenchModule.jar(before));
        assertEquals("benchmarks/bench", BenchModule.dir(after));
        assertEquals(after.resolve("benchmarks/bench/target/benchmarks.jar"), BenchModule.jar(after));
        assertNull(BenchModule.dir(none));
        assertEquals(none.resolve("benchmarks/bench/target/benchmarks.jar"), BenchModule.jar(none));
    }

    @Test
    void thisCheckoutHasTheNewLayout() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("run-bench.sh"))) {
            dir = dir.getParent();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "inside the checkout");
        assertEquals("benchmarks/bench", BenchModule.dir(dir));
    }
}
