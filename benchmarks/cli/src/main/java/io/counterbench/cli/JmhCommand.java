package io.counterbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Hands its arguments to JMH's own command line, for one-off runs of single benchmarks. */
@Command(name = "jmh",
        description = {"Run JMH directly with its own options (e.g. 'jmh -- AddBenchmark -t 2 -f 1').",
            "Use 'jmh -- -h' for JMH's help and 'jmh -- -l' to list the benchmarks."})
final class JmhCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "JMH-ARGS", description = "Arguments for JMH (put them after --).")
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
