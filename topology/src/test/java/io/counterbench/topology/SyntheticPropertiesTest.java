package io.counterbench.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of random valid synthetic strings. */
class SyntheticPropertiesTest {

    /** A random valid string: a random subset of the levels in order, small counts, pu last. */
    record Shape(String outer, int puCount, boolean split, int product, boolean hasCore) {
        String text() {
            return (outer + " pu:" + puCount + (split ? " numbering:smt-split" : "")).strip();
        }
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 4);
        Arbitrary<List<Integer>> counts = count.list().ofSize(6);
        Arbitrary<List<Boolean>> present = Arbitraries.of(true, false).list().ofSize(5);
        Arbitrary<Boolean> split = Arbitraries.of(true, false);
        return Combinators.combine(counts, present, split).as((c, p, s) -> {
            String[] names = {"pack", "die", "numa", "l3", "core"};
            List<String> tokens = new ArrayList<>();
            int product = 1;
            for (int i = 0; i < names.length; i++) {
                if (p.get(i)) {
                    tokens.add(names[i] + ":" + c.get(i));
                    product *= c.get(i);
                }
            }
            product *= c.get(5);
            return new Shape(String.join(" ", tokens), c.get(5), s, product, p.get(4));
        });
    }

    @Property
    void puCountIsTheProductOfTheCounts(@ForAll("shapes") Shape shape) {
        assertEquals(shape.product(), SyntheticSource.parse(shape.text()).puCount(), shape.text());
    }

    @Property
    void numberingIsAPermutationOfZeroToN(@ForAll("shapes") Shape shape) {
        Topology t = SyntheticSource.parse(shape.text());
        assertArrayEquals(IntStream.range(0, shape.product()).toArray(), t.cpus(), shape.text());
    }

    @Property
    void smtSplitSiblingsAreHalfTheMachineApart(@ForAll("shapes") Shape shape) {
        String text = new Shape(shape.outer(), 2, true, 0, shape.hasCore()).text();
        Topology t = SyntheticSource.parse(text);
        int n = t.puCount();
        for (int c = 0; c < n; c++) {
            int[] expected =
                    shape.hasCore() ? (c < n / 2 ? new int[] {c, c + n / 2} : new int[] {c - n / 2, c}) : new int[] {c};
            assertArrayEquals(expected, t.siblings(c, Level.CORE), text + " cpu " + c);
        }
    }

    @Property
    void canonicalFormParsesToTheSameTopology(@ForAll("shapes") Shape shape) {
        Topology t = SyntheticSource.parse(shape.text());
        Topology again = SyntheticSource.parse(t.name());
        for (Level level : Level.values()) {
            assertEquals(t.domainCount(level), again.domainCount(level), t.name());
        }
    }
}
