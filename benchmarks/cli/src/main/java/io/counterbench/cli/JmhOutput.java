package io.counterbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH's own console output, printed to the command's writer, that also counts the benchmarks that
 * started and never ended with a result: with fail-on-error off JMH reports such a failure only as
 * text and goes on, so this count is how the passthrough knows to exit non-zero.
 */
final class JmhOutput implements OutputFormat {
    private final OutputFormat jmh;
    private int started;
    private int ended;

    JmhOutput(PrintWriter out, VerboseMode mode) {
        this.jmh = OutputFormatFactory.createFormatInstance(
                new PrintStream(new WriterOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8), mode);
    }

    /** Benchmarks (one parameter set each) that started but ended without a result. */
    int failures() {
        return started - ended;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        jmh.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (result != null) {
            ended++;
        }
        jmh.endBenchmark(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        jmh.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(
            BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        jmh.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        jmh.endRun(result);
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.close();
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
