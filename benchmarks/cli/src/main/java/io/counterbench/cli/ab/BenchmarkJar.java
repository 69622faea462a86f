package io.counterbench.cli.ab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * A built benchmarks.jar as ab sees it: JMH's own benchmark list inside it (META-INF/BenchmarkList,
 * read without loading any class of the jar), which must list benchmarks of io.counterbench.bench,
 * and whether it has the accuracy profiler. What a jar lists decides which rows two versions have
 * in common.
 */
public record BenchmarkJar(Path path, Map<String, Method> methods, boolean accuracyProfiler) {
    static final String PACKAGE = io.counterbench.cli.run.Plan.PACKAGE + ".";
    static final String PROFILER = "io/counterbench/bench/AccuracyProfiler.class";

    /**
     * One benchmark method (or @Group) of the jar.
     *
     * @param params @Param name to the values the jar's code declares
     * @param groupThreads @GroupThreads per member, null when not a group
     */
    public record Method(String qualifiedName, Map<String, List<String>> params, int[] groupThreads) {}

    /**
     * Reads and checks {@code jar}; anything that is not a counterbench benchmarks.jar is an IllegalArgumentException
     * with one line.
     */
    public static BenchmarkJar read(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(option + " " + jar + ": no such file");
        }
        List<BenchmarkListEntry> entries;
        boolean profiler;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry list = zip.getEntry(
                    BenchmarkList.BENCHMARK_LIST.startsWith("/")
                            ? BenchmarkList.BENCHMARK_LIST.substring(1)
                            : BenchmarkList.BENCHMARK_LIST);
            if (list == null) {
                throw new IllegalArgumentException(
                        option + " " + jar + " is not a counterbench benchmarks.jar: it has no JMH benchmark list ("
                                + BenchmarkList.BENCHMARK_LIST + ")");
            }
            try (InputStream in = zip.getInputStream(list)) {
                entries = BenchmarkList.readBenchmarkList(in);
            }
            profiler = zip.getEntry(PROFILER) != null;
        } catch (ZipException e) {
            throw new IllegalArgumentException(
                    option + " " + jar + " is not a counterbench benchmarks.jar: not a jar (zip) file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(option + " " + jar
                    + " is not a counterbench benchmarks.jar: cannot read its benchmark list (" + e.getMessage() + ")");
        }
        Map<String, Method> methods = new LinkedHashMap<>();
        for (BenchmarkListEntry e : entries) {
            if (!e.getUserClassQName().startsWith(PACKAGE)) {
                continue;
            }
            String qname = e.getUserClassQName();
            String simple = qname.substring(PACKAGE.length());
            String name = e.getUsername().substring(qname.length() + 1);
            Map<String, List<String>> params = new LinkedHashMap<>();
            e.getParams().orElse(Map.of()).forEach((k, v) -> params.put(k, Arrays.asList(v)));
            List<String> labels = List.copyOf(e.getThreadGroupLabels().orElse(List.of(name)));
            int[] groups = labels.size() > 1 ? e.getThreadGroups().clone() : null;
            methods.putIfAbsent(simple + "." + name, new Method(simple + "." + name, params, groups));
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(
                    option + " " + jar + " is not a counterbench benchmarks.jar: its JMH benchmarks are not "
                            + PACKAGE.substring(0, PACKAGE.length() - 1) + "'s");
        }
        return new BenchmarkJar(jar, Map.copyOf(methods), profiler);
    }

    /**
     * True when the jar has {@code method} ("UpdateBenchmark.inc") with exactly these parameter names
     * and each value among its declared ones; a {@code counter} value among {@code contributed} (ids a
     * --counter-jar adds, which no jar declares as a @Param value) counts as declared by any method
     * that takes a counter.
     */
    public boolean has(String method, Map<String, String> params, java.util.Set<String> contributed) {
        Method m = methods.get(method);
        if (m == null || !m.params().keySet().equals(params.keySet())) {
            return false;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getKey().equals("counter") && contributed.contains(p.getValue())) {
                continue;
            }
            if (!m.params().get(p.getKey()).contains(p.getValue())) {
                return false;
            }
        }
        return true;
    }
}
