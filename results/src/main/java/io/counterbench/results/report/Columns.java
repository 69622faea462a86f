package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which parameters vary within a set of rows, and the order their values appear in. */
public final class Columns {
    public static final String ACCURACY_WORST = "accuracy.worst";
    public static final String BOUND = "accuracy.bound";
    public static final String BOUND_UNDER = "accuracy.bound.under";
    public static final String BOUND_OVER = "accuracy.bound.over";
    public static final String VIOLATIONS = "accuracy.violations";
    public static final String LOST = "accuracy.lost";
    public static final String INFLIGHT = "accuracy.inflight.worst";
    public static final String ALLOC = "gc.alloc.rate.norm";

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public Columns(List<ResultRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        if (rows.stream().anyMatch(r -> r.result().param("counter") != null)) {
            names.add("counter");
        }
        rows.forEach(r -> names.addAll(r.result().params().keySet()));
        for (String n : names) {
            List<String> vs = new ArrayList<>();
            for (ResultRow r : rows) {
                String v = r.result().param(n);
                String key = v == null ? "" : v;
                if (!vs.contains(key)) {
                    vs.add(key);
                }
            }
            values.put(n, vs);
        }
    }

    List<String> names() {
        return List.copyOf(values.keySet());
    }

    public List<String> varying() {
        return values.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** "topology=host placement=compact" for the parameters with one value only. */
    public String constants() {
        List<String> c = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v.size() == 1 && !v.getFirst().isEmpty()) {
                c.add(k + "=" + JmhResult.displayValue(k, v.getFirst()));
            }
        });
        return String.join(" ", c);
    }

    /** Orders values of one parameter: numbers numerically, everything else in order of appearance. */
    public Comparator<ResultRow> order(String name) {
        List<String> vs = values.get(name);
        boolean numeric = vs.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
        return Comparator.comparingDouble(r -> {
            String v = r.result().param(name);
            String key = v == null ? "" : v;
            return numeric ? Double.parseDouble(key) : vs.indexOf(key);
        });
    }

    /**
     * Secondary metrics that are members of a @Group benchmark (JMH writes one per group method:
     * no dot in the name, the primary's unit), as roles in a stable order.
     */
    public static List<String> groupRoles(List<ResultRow> rows) {
        Set<String> roles = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            groupMembers(r.result()).forEach(m -> roles.add(role(m)));
        }
        return roles.stream().sorted().toList();
    }

    /** The group members of one row, by their JMH names. */
    public static List<String> groupMembers(io.counterbench.results.jmh.JmhResult r) {
        return r.groupMembers();
    }

    /**
     * A group member's role: methods named read* are "reader", write* "writer" (the suite's
     * ReaderWriterBenchmark: readApproximate / writeA, readPrecise / writeP); any other keeps its name.
     */
    public static String role(String member) {
        if (member.startsWith("read")) {
            return "reader";
        }
        if (member.startsWith("write")) {
            return "writer";
        }
        return member;
    }

    /** True when the rows are @Group rows: JMH's primary score is then the sum over the members. */
    public static boolean grouped(List<ResultRow> rows) {
        return !rows.isEmpty()
                && rows.stream().allMatch(r -> !groupMembers(r.result()).isEmpty());
    }

    public static boolean any(List<ResultRow> rows, String metric) {
        return rows.stream().anyMatch(r -> r.result().secondary(metric) != null);
    }
}
