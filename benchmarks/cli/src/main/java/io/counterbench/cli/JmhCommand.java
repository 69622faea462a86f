package io.counterbench.cli;

import io.counterbench.bench.AccuracyProfiler;
import io.counterbench.counters.CounterTypes;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Hands its arguments to JMH's own command line, for one-off runs of single benchmarks, with three
 * differences from {@code java -jar benchmarks.jar}: counter ids in {@code -p counter=...} are
 * checked as everywhere else before anything runs, the accuracy profiler is attached unless asked
 * not to, and a benchmark that fails makes the command exit 1 (JMH itself exits 0).
 */
@Command(
        name = "jmh",
        mixinStandardHelpOptions = true,
        description = {
            "Run JMH directly with its own options, e.g. 'jmh -- UpdateBenchmark.inc -p counter=tree -t 2 -f 1'.",
            "Counter ids in -p counter=ID[,ID...] are checked like --counters elsewhere (with --counter-jar's); the "
                    + "accuracy profiler (accuracy.* secondary metrics) is attached unless --no-accuracy; exit 1 when "
                    + "a benchmark failed.",
            "Use 'jmh -- -h' for JMH's help, 'jmh -- -l' to list the benchmarks and 'jmh -- -lprof' for its profilers."
        })
final class JmhCommand implements Callable<Integer> {
    static final String ACCURACY = AccuracyProfiler.class.getName();

    @Option(names = "--no-accuracy", description = "Do not attach the accuracy profiler.")
    boolean noAccuracy;

    @Mixin
    CounterJarOption counterJars;

    @Parameters(arity = "0..*", paramLabel = "JMH-ARGS", description = "Arguments for JMH (put them after --).")
    List<String> args = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageException("JMH cannot parse its arguments: " + Main.oneLine(e));
        }
        if (jmh.shouldHelp()) {
            jmh.showHelp();
            return ExitCodes.OK;
        }
        if (jmh.shouldListProfilers()) {
            jmh.listProfilers();
            return ExitCodes.OK;
        }
        if (jmh.shouldListResultFormats()) {
            jmh.listResultFormats();
            return ExitCodes.OK;
        }
        JmhOutput output = new JmhOutput(out, jmh.verbosity().orElse(VerboseMode.NORMAL));
        if (jmh.shouldList() || jmh.shouldListWithParams()) {
            new Runner(jmh, output).list();
            out.flush();
            return ExitCodes.OK;
        }
        counterJars.load();
        jmh.getParameter("counter").orElse(List.of()).forEach(JmhCommand::checkCounter);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh);
        List<String> forkArgs = CounterTypes.forkJvmArgs();
        if (!forkArgs.isEmpty()) {
            // the forks load the same jars; JMH takes one jvmArgsAppend list, so the user's come first
            List<String> append =
                    new java.util.ArrayList<>(jmh.getJvmArgsAppend().orElse(List.of()));
            append.addAll(forkArgs);
            options.jvmArgsAppend(append.toArray(String[]::new));
        }
        boolean hasAccuracy =
                jmh.getProfilers().stream().anyMatch(p -> p.getKlass().equals(ACCURACY));
        if (!noAccuracy && !hasAccuracy) {
            options.addProfiler(AccuracyProfiler.class);
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build(), output).run();
        } catch (RunnerException e) {
            out.flush();
            throw new CheckFailedException("a benchmark failed and -foe stopped the run: " + rootCause(e));
        } finally {
            out.flush();
        }
        if (output.failures() > 0) {
            throw new CheckFailedException(output.failures() + " of the benchmarks JMH started failed ("
                    + results.size() + " finished with a result); JMH's output above says why");
        }
        return ExitCodes.OK;
    }

    /** A value of -p counter=...: an id as --counters takes it (JMH splits the list at commas). */
    private static void checkCounter(String value) {
        try {
            CounterTypes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("-p counter=" + value + ": " + e.getMessage());
        }
    }

    private static String rootCause(Throwable t) {
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String m = deepest.getMessage();
        return m == null
                ? deepest.getClass().getSimpleName()
                : m.lines().findFirst().orElse("").strip();
    }
}
