package io.counterbench.sim;

import java.util.List;

/** The scenarios by name, in the order a full run plays them; custom, update and mix-384 run only when named. */
final class Scenarios {
    static final List<Scenario> ALL = List.of(
            new RssScenario(),
            new HopScenario(),
            new OomScenario(),
            new ScaleScenario(),
            new CustomScenario(),
            new UpdateScenario(),
            new MixScenario());
    static final List<String> DEFAULT =
            List.of(RssScenario.NAME, HopScenario.NAME, OomScenario.NAME, ScaleScenario.NAME);

    private Scenarios() {}

    static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    static Scenario byName(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown scenario '" + name + "' (known: " + String.join(", ", names()) + ", or all)"));
    }
}
