package io.counterbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.bench.CounterParam;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterLayout;
import io.counterbench.results.report.chart.CounterStyle;
import io.counterbench.sim.Coherence;
import io.counterbench.sim.CounterModel;
import io.counterbench.sim.CpuMap;
import io.counterbench.topology.TopologySources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * A built-in counter is registered once, in {@link CounterId}; what cannot derive from it (JMH's
 * constant {@code @Param} list, the chart style) is checked here, and so is what derives from its
 * layout (the simulator's model). The README's layout section lists the files a new counter touches.
 */
class CounterRegistrationTest {

    /** JMH's one list of counter ids ({@link CounterParam}). */
    static List<String> paramIds() throws NoSuchFieldException {
        return List.of(CounterParam.class
                .getField("counter")
                .getAnnotation(Param.class)
                .value());
    }

    /** The places a built-in id is missing from, in words; empty when it is registered everywhere. */
    static List<String> missing(String id) throws NoSuchFieldException {
        List<String> out = new ArrayList<>();
        CounterId builtIn = CounterId.lookup(id);
        if (builtIn == null) {
            out.add("a CounterId constant");
        } else if (!builtIn.id().equals(id)) {
            out.add("CounterId's id (" + builtIn.id() + ")");
        }
        if (!paramIds().contains(id)) {
            out.add("CounterParam's @Param list");
        }
        if (!CounterStyle.known(id)) {
            out.add("a CounterStyle entry");
        }
        return out;
    }

    @Test
    void everyBuiltInIsRegisteredEverywhere() throws NoSuchFieldException {
        for (CounterId id : CounterId.values()) {
            assertEquals(List.of(), missing(id.id()), id.id());
        }
    }

    @Test
    void theParamListIsExactlyTheBuiltInsInTheirOrder() throws NoSuchFieldException {
        assertEquals(Arrays.stream(CounterId.values()).map(CounterId::id).toList(), paramIds());
    }

    /** The check can fail: an id registered nowhere is missing from every place. */
    @Test
    void anUnregisteredIdIsMissingEverywhere() throws NoSuchFieldException {
        assertEquals(
                List.of("a CounterId constant", "CounterParam's @Param list", "a CounterStyle entry"),
                missing("no-such-counter"));
        assertEquals(
                List.of("CounterId's id (tree-topo)", "CounterParam's @Param list"),
                missing("TREE_TOPO"),
                "a constant name is not the id the lists hold");
    }

    @Test
    void builtInsHaveDistinctStyles() {
        var styles = new HashSet<CounterStyle>();
        for (CounterId id : CounterId.values()) {
            assertTrue(styles.add(CounterStyle.of(id.id())), id.id() + " shares a style");
        }
    }

    /** Each layout's model sees exactly the lines it declares: a coherence model unless opaque. */
    @Test
    void everyBuiltInHasTheSimulatorModelOfItsLayout() {
        CpuMap map = CpuMap.of(TopologySources.load("pack:2 numa:2 core:4 pu:2"));
        for (CounterId id : CounterId.values()) {
            CounterModel model = CounterModel.of(id);
            assertEquals(id.layout().name(), model.name(), id.id());
            Coherence c = model.coherence(map, 3, id.factory(map.topology(), 0));
            if (id.layout() == CounterLayout.OPAQUE) {
                assertNull(c, id.id());
            } else {
                assertNotNull(c, id.id());
            }
            Long reachable = model.reachableUnder(id.factory(map.topology(), 0), map);
            assertEquals(id.layout() == CounterLayout.TREE, reachable != null, id.id());
            assertEquals(id.layout() == CounterLayout.TASK_CACHES, model.boundGrowsWithDeltas(), id.id());
        }
        assertNotEquals(CounterModel.OPAQUE, CounterModel.of(CounterId.ATOMIC), "atomic's one line is seen");
    }
}
