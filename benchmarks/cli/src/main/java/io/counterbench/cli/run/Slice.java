package io.counterbench.cli.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Part of a profile: the benchmarks whose "Class.method" {@code pattern} finds, with @Param values
 * narrowed to {@code params} (parameters not named keep the profile's or the code's values), or
 * left out of the profile altogether ({@code skip}). The plan checks every slice against JMH's
 * benchmark list, so a slice that names a benchmark or parameter that does not exist fails its tests.
 * One name is not a parameter: {@value #THREADS} narrows the thread counts ("1", "cpus" for the
 * machine's CPU count), unless the user chose them with --threads.
 */
public record Slice(Pattern pattern, Map<String, List<String>> params, boolean skip) {

    public Slice {
        params = new LinkedHashMap<>(params);
    }

    /** The benchmarks {@code regex} finds, with parameters narrowed: "counter", "tree,flat", "cpu", "lookup". */
    static Slice of(String regex, String... nameValues) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.put(nameValues[i], List.of(nameValues[i + 1].split(",")));
        }
        return new Slice(Pattern.compile(regex), p, false);
    }

    /** The benchmarks {@code regex} finds are not in the profile. */
    static Slice skip(String regex) {
        return new Slice(Pattern.compile(regex), Map.of(), true);
    }

    /** The pseudo-parameter that narrows thread counts. */
    static final String THREADS = "threads";

    /** This slice's thread counts for a machine of {@code cpus} CPUs, or {@code otherwise} when it names none. */
    List<Integer> threads(List<Integer> otherwise, int cpus) {
        List<String> t = params.get(THREADS);
        if (t == null) {
            return otherwise;
        }
        return t.stream()
                .map(v -> v.equals("cpus") ? Math.max(1, cpus) : Integer.parseInt(v))
                .distinct()
                .toList();
    }

    boolean matches(String qualifiedName) {
        return pattern.matcher(qualifiedName).find();
    }
}
