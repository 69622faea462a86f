package io.counterbench.cli.run;

import io.counterbench.bench.MeasuresAllocation;
import io.counterbench.bench.TakesRemainingThreads;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarks a run can plan, read from JMH's own list (META-INF/BenchmarkList, written by its
 * annotation processor): every method or @Group, with its @Param values, its @Threads, its group
 * layout, and the two hints the plan reads from our annotations ({@link TakesRemainingThreads},
 * {@link MeasuresAllocation}). A benchmark added to the code is in the plan without further edits.
 */
public final class BenchmarkCatalog {
    private final List<Method> methods;

    /**
     * One JMH benchmark: a method, or a @Group of methods.
     *
     * @param className    simple class name, e.g. UpdateBenchmark
     * @param name         the method, or the group's name
     * @param params       @Param name to its values, in name order (empty: no parameters)
     * @param fixedThreads the class's or method's @Threads, or 0 when the run decides
     * @param groupThreads @GroupThreads of each member (null: not a group)
     * @param remainder    index of the member that takes the remaining threads, or -1
     * @param allocation   whether the plan adds JMH's gc profiler
     */
    public record Method(
            String className,
            String name,
            Map<String, List<String>> params,
            int fixedThreads,
            int[] groupThreads,
            int remainder,
            boolean allocation) {
        /** "UpdateBenchmark.inc", what --benchmarks and the profiles' patterns match. */
        public String qualifiedName() {
            return className + "." + name;
        }

        public boolean isGroup() {
            return groupThreads != null;
        }
    }

    private BenchmarkCatalog(List<Method> methods) {
        this.methods = List.copyOf(methods);
    }

    /** The benchmarks of io.counterbench.bench on the class path, in JMH's list order. */
    public static BenchmarkCatalog load() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Collection<BenchmarkListEntry> entries = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT), List.of());
        List<Method> out = new ArrayList<>();
        entries.stream()
                .filter(e -> e.getUserClassQName().startsWith(Plan.PACKAGE + "."))
                .sorted(Comparator.comparing(BenchmarkListEntry::getUserClassQName)
                        .thenComparing(BenchmarkListEntry::getUsername))
                .forEach(e -> out.add(method(e)));
        if (out.isEmpty()) {
            throw new IllegalStateException(
                    "JMH's benchmark list (META-INF/BenchmarkList) has no benchmark of " + Plan.PACKAGE);
        }
        return new BenchmarkCatalog(out);
    }

    /** A catalog of hand-made entries (tests). */
    static BenchmarkCatalog of(List<Method> methods) {
        return new BenchmarkCatalog(methods);
    }

    public List<Method> methods() {
        return methods;
    }

    private static Method method(BenchmarkListEntry e) {
        String qname = e.getUserClassQName();
        String simple = qname.substring(qname.lastIndexOf('.') + 1);
        String name = e.getUsername().substring(qname.length() + 1);
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, String[]> raw = e.getParams().orElse(Map.of());
        new TreeMap<>(raw).forEach((k, v) -> params.put(k, List.of(v)));
        int fixed = e.getThreads().orElse(0);
        Class<?> cls;
        try {
            cls = Class.forName(qname, false, BenchmarkCatalog.class.getClassLoader());
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException("JMH lists " + qname + " but it is not on the class path", ex);
        }
        List<String> labels = new ArrayList<>(e.getThreadGroupLabels().orElse(List.of(name)));
        int[] groups = null;
        int remainder = -1;
        if (labels.size() > 1) {
            groups = e.getThreadGroups().clone();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                boolean takes = Arrays.stream(cls.getMethods())
                        .anyMatch(m -> m.getName().equals(label) && m.isAnnotationPresent(TakesRemainingThreads.class));
                if (takes) {
                    remainder = i;
                }
            }
        }
        return new Method(
                simple, name, params, fixed, groups, remainder, cls.isAnnotationPresent(MeasuresAllocation.class));
    }
}
