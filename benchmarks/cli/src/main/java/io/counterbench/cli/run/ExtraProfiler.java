package io.counterbench.cli.run;

import java.util.Locale;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * A JMH profiler the user adds to every entry of a run ({@code run --prof NAME[:OPTIONS]}), in
 * JMH's own syntax ({@code gc}, {@code perfnorm}, {@code stack:lines=5}). It is instantiated once
 * here, before anything runs, so a profiler JMH cannot use on this machine (perfnorm without perf
 * events, a mistyped name or option) is refused with JMH's reason instead of failing every fork.
 * async-profiler is not checked here: the run extracts its bundled library and picks its event.
 *
 * @param name    JMH's profiler name or class
 * @param options JMH's option string, "" for none
 */
public record ExtraProfiler(String name, String options) {

    /** The name the run handles itself (--async-profiler), with the bundled library. */
    public static final String ASYNC = "async";

    /** Parses NAME[:OPTIONS]; the name is matched as JMH matches it (its short names are lower case). */
    public static ExtraProfiler parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon).strip();
        String options = colon < 0 ? "" : s.substring(colon + 1).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("--prof '" + spec
                    + "': name a JMH profiler, e.g. gc, stack, perfnorm or async " + "('jmh -- -lprof' lists them)");
        }
        if (!name.contains(".")) {
            name = name.toLowerCase(Locale.ROOT);
        }
        return new ExtraProfiler(name, options);
    }

    /** Whether this is async-profiler, which the run sets up itself. */
    public boolean isAsync() {
        return name.equals(ASYNC);
    }

    /** Whether this is JMH's gc profiler (which the plan adds to allocation benchmarks anyway). */
    public boolean isGc() {
        return name.equals("gc") || name.equals(org.openjdk.jmh.profile.GCProfiler.class.getName());
    }

    /** Refuses a profiler that JMH cannot instantiate on this machine, with JMH's reason in one line. */
    public ExtraProfiler check() {
        if (isAsync()) {
            return this;
        }
        try {
            ProfilerFactory.getProfilerOrException(new ProfilerConfig(name, options));
            return this;
        } catch (ProfilerException e) {
            throw new IllegalArgumentException("--prof " + this + ": " + reason(e));
        }
    }

    private String reason(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String why = deepest.getMessage() == null
                ? deepest.getClass().getSimpleName()
                : deepest.getMessage()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse(deepest.getClass().getSimpleName());
        if (deepest instanceof ClassNotFoundException) {
            return "JMH has no profiler of that name ('jmh -- -lprof' lists them)";
        }
        if (name.startsWith("perf")) {
            return "JMH's " + name + " needs hardware performance events that perf can read, and this machine has none "
                    + "(JMH says: " + why + "; a VM without a virtual PMU, or kernel.perf_event_paranoid too high)";
        }
        return "JMH cannot use this profiler here: " + why;
    }

    @Override
    public String toString() {
        return options.isEmpty() ? name : name + ":" + options;
    }
}
