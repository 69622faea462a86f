package io.counterbench.cli;

import io.counterbench.results.export.ExportFormat;
import io.counterbench.results.run.RunLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a run's results in a format another tool reads (gate --export does the same for the current run). */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a run's results for another tool.",
            "github-action-benchmark: the custom JSON of benchmark-action/github-action-benchmark. It takes one "
                    + "direction per file, so FILE gets the thrpt rows (tool: customBiggerIsBetter) and "
                    + "FILE-smaller.json the avgt/sample/ss rows (tool: customSmallerIsBetter); each only when it has "
                    + "rows. Names carry the benchmark, every param and the thread count."
        })
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", description = "Export format (default: ${DEFAULT-VALUE}).")
    String format = "github-action-benchmark";

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder or JMH JSON file.")
    Path run;

    @Parameters(index = "1", paramLabel = "FILE", description = "Output file (overwritten; its folder must exist).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat f = ExportFormat.parse(format);
        OutputFile.check(file, "FILE");
        f.checkTarget(file);
        for (Path target : f.targets(file)) {
            OutputFile.notAnInput(target, "FILE", run);
        }
        List<Path> written = f.write(RunLoader.load(run), file);
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(p -> out.println("exported: " + p));
        if (written.isEmpty()) {
            out.println("nothing to export: every score is NaN");
        }
        return ExitCodes.OK;
    }
}
