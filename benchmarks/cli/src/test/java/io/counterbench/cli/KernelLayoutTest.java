package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.counterbench.counters.TreeShape;
import io.counterbench.results.report.KernelLayout;
import org.junit.jupiter.api.Test;

/**
 * The report draws the kernel layout's bytes from its own copy of the kernel tree's structure
 * (the results module does not depend on counters); this checks that copy against the counters'
 * TreeShape for every CPU count of the kernel's table.
 */
class KernelLayoutTest {

    @Test
    void theReportsTreeItemsAreTheCountersKernelTreeItems() {
        for (int n = 1; n <= 1 << 20; n = n < 4_096 ? n + 1 : n * 2) {
            TreeShape shape = TreeShape.kernel(n);
            int order = 32 - Integer.numberOfLeadingZeros(n - 1);
            long items = 0;
            if (n > 1) {
                items = 1; // the root
                for (int l = 1; l < shape.levels(); l++) {
                    items += 1L << (order - shape.shift(l));
                }
            }
            assertEquals(items, KernelLayout.treeItems(n), "N=" + n + ": " + shape.description());
        }
        assertEquals(37, KernelLayout.treeItems(256), "32 + 4 items and a root at 256 CPUs");
        assertEquals(2_048 + 37 * 64, KernelLayout.tree(256));
    }
}
