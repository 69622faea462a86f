package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The accuracy every id reports, against numbers computed here (from the kernel's formulas) or by hand. */
class AccuracyNumbersTest {

    static Stream<Arguments> idsAndTopologies() {
        return Stream.of(CounterId.values()).flatMap(id -> TestTopologies.all().map(t -> Arguments.of(id, t)));
    }

    @Test
    void kernelTreeNumbersFromTheIssue() {
        assertEquals(new Accuracy(768, 744), TreeShape.kernel(8).accuracy(32));
        assertEquals(new Accuracy(24576, 23808), TreeShape.kernel(256).accuracy(32));
        assertEquals(49152, TreeShape.kernel(384).accuracy(32).under());
        assertEquals(new Accuracy(49152, 47616), TreeShape.kernel(384).accuracy(32));
        // the same numbers through the counters built for those topologies
        assertEquals(
                new Accuracy(768, 744),
                CounterId.TREE.create(TestTopologies.of(8)).accuracy());
        assertEquals(
                new Accuracy(24576, 23808),
                CounterId.TREE.create(TestTopologies.of(256)).accuracy());
        assertEquals(
                49152, CounterId.TREE.create(TestTopologies.of(384)).accuracy().under());
    }

    @Test
    void kernelMultiplierMatchesTheFormulaForEveryCpuCountUpTo4096() {
        for (int n = 1; n <= 4096; n++) {
            long m = TreeModel.kernelMultiplier(n);
            TreeShape shape = TreeShape.kernel(n);
            assertEquals(m, shape.multiplier(), "multiplier for " + n + " CPUs");
            assertEquals(new Accuracy(32 * m, 31 * m), shape.accuracy(32), "accuracy(32) for " + n + " CPUs");
            assertEquals(new Accuracy(2 * m, m), shape.accuracy(2), "accuracy(2) for " + n + " CPUs");
            assertEquals(
                    TreeModel.ceilLog2(n) == 0 ? 1 : TreeModel.KERNEL_ARITY[TreeModel.ceilLog2(n)].length,
                    shape.levels(),
                    "levels for " + n + " CPUs");
        }
    }

    @Test
    void kernelMultiplierByHand() {
        // order 3, {1,1,1}: 8 + 2x4 + 4x2
        assertEquals(24, TreeModel.kernelMultiplier(8));
        // 250 CPUs: order 8, {3,3,2}: 256 + 8x32 + 64x4
        assertEquals(768, TreeModel.kernelMultiplier(250));
        // 4096 CPUs: order 12, {3,3,3,3}: 4096 x 4
        assertEquals(4 * 4096, TreeModel.kernelMultiplier(4096));
        assertEquals(0, TreeModel.kernelMultiplier(1));
        assertEquals(2, TreeModel.kernelMultiplier(2));
        // 3 CPUs round up to 4: {1,1}: 4 + 2x2
        assertEquals(8, TreeModel.kernelMultiplier(3));
    }

    @Test
    void topologyTreeMultipliersByHand() {
        // linear: one level, the root over every CPU
        assertEquals(2, TreeShape.topology(TestTopologies.of(2)).multiplier());
        assertEquals(3, TreeShape.topology(TestTopologies.of(3)).multiplier());
        assertEquals(250, TreeShape.topology(TestTopologies.of(250)).multiplier());
        // 8: PUs, cores (x2), dies (x2, one per package): 8 + 2x4 + 4x2
        assertEquals(24, TreeShape.topology(TestTopologies.of(8)).multiplier());
        // 256: PUs, 128 cores (x2), 16 LLCs (x8), 4 nodes (x4), 2 dies (x2), root over 2:
        // 256 + 2x128 + 16x16 + 64x4 + 128x2
        assertEquals(1280, TreeShape.topology(TestTopologies.of(256)).multiplier());
        // 384: nodes of 6 LLCs take order 3: 384 + 2x192 + 16x24 + 128x4 + 256x2
        assertEquals(2176, TreeShape.topology(TestTopologies.of(384)).multiplier());
        // 1024: nodes of 16 LLCs take order 4: 1024 + 2x512 + 16x64 + 256x4 + 512x2
        assertEquals(5120, TreeShape.topology(TestTopologies.of(1024)).multiplier());
        assertEquals(0, TreeShape.topology(TestTopologies.of(1)).multiplier());
    }

    @ParameterizedTest
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void topologyTreeMatchesTheModel(Topology t) {
        TreeModel model = TreeModel.topology(t);
        TreeShape shape = TreeShape.topology(t);
        assertEquals(model.multiplier(), shape.multiplier());
        assertEquals(model.levels(), shape.levels());
        assertEquals(
                new Accuracy(32 * model.multiplier(), 31 * model.multiplier()),
                CounterId.TREE_TOPO.create(t).accuracy());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("idsAndTopologies")
    void defaultAccuracyOfEveryId(CounterId id, Topology t) {
        int n = t.puCount();
        Counter c = id.create(t);
        Accuracy expected = switch (id) {
            case ATOMIC, ADDER, JCTOOLS -> Accuracy.EXACT;
            // nothing cached yet: the bound grows with the deltas each task adds
            case PER_THREAD -> Accuracy.EXACT;
            case PER_NODE -> new Accuracy(31L * TestTopologies.nodes(n), 31L * TestTopologies.nodes(n));
            case FLAT -> {
                long batch = Math.max(32, 2L * n);
                yield new Accuracy((batch - 1) * n, (batch - 1) * n);
            }
            case TREE ->
                n == 1
                        ? Accuracy.EXACT
                        : new Accuracy(32 * TreeModel.kernelMultiplier(n), 31 * TreeModel.kernelMultiplier(n));
            case TREE_TOPO -> {
                long m = TreeModel.topology(t).multiplier();
                yield new Accuracy(32 * m, 31 * m);
            }
        };
        assertEquals(expected, c.accuracy());
        assertEquals(id, c.id());
    }

    @Test
    void flatNumbersFromTheStory() {
        // the 250-CPU box: batch 500, 499 x 250 either way
        assertEquals(
                new Accuracy(124_750, 124_750),
                CounterId.FLAT.create(TestTopologies.of(250)).accuracy());
        assertEquals(500, CounterId.FLAT.factory(TestTopologies.of(250), 0).batch());
        // small boxes keep batch 32
        assertEquals(32, CounterId.FLAT.factory(TestTopologies.of(8), 0).batch());
        assertEquals(
                new Accuracy(31 * 8, 31 * 8),
                CounterId.FLAT.create(TestTopologies.of(8)).accuracy());
        // an explicit batch replaces the default
        assertEquals(
                new Accuracy(63 * 384, 63 * 384),
                CounterId.FLAT.factory(TestTopologies.of(384), 64).create().accuracy());
        assertEquals(
                new Accuracy(63 * 4, 63 * 4),
                CounterId.PER_NODE.factory(TestTopologies.of(8), 64).create().accuracy());
    }

    @ParameterizedTest
    @EnumSource(
            value = CounterId.class,
            names = {"TREE", "TREE_TOPO"})
    void explicitBatchScalesTheTreeBound(CounterId id) {
        Topology t = TestTopologies.of(256);
        long m = TreeModel.of(id, t).multiplier();
        for (long batch : new long[] {2, 4, 64, 1024}) {
            assertEquals(
                    new Accuracy(batch * m, (batch - 1) * m),
                    id.factory(t, batch).create().accuracy());
        }
    }

    @Test
    void perThreadBoundFollowsTheLargestDeltaOfEachTask() {
        Counter c = CounterId.PER_THREAD.create(TestTopologies.of(8));
        c.add(0, 0, 1);
        assertEquals(new Accuracy(63, 63), c.accuracy());
        c.add(0, 0, -10);
        c.add(0, 1, 4);
        c.add(0, 200, 3);
        assertEquals(new Accuracy(63 * 17, 63 * 17), c.accuracy());
        assertEquals(new Accuracy(7 * 10, 7 * 10), perThreadWithBatch(8, 10).accuracy());
    }

    private static Counter perThreadWithBatch(long batch, long delta) {
        Counter c = CounterId.PER_THREAD.factory(TestTopologies.of(2), batch).create();
        c.add(1, 3, delta);
        return c;
    }

    @ParameterizedTest
    @MethodSource("io.counterbench.counters.TestTopologies#all")
    void treeBoundsCoverWhatIsReachable(Topology t) {
        for (CounterId id : new CounterId[] {CounterId.TREE, CounterId.TREE_TOPO}) {
            TreeShape shape = id.factory(t, 0).shape();
            long reachable = shape.reachableUnder(32, t.cpus());
            assertEquals(TreeModel.of(id, t).reachableUnder(32), reachable, id + " on " + t.name());
            assertTrue(reachable <= shape.accuracy(32).under(), id + " on " + t.name());
        }
    }
}
