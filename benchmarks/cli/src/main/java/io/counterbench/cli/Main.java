package io.counterbench.cli;

import io.counterbench.cli.ab.AbCommand;
import io.counterbench.cli.ab.GateCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line interface behind run-bench.sh. Exit codes: 0 success, 1 a check failed (a gate
 * regression, a violated bound), 2 unusable input (bad flags, files, topologies), with one line on
 * stderr naming the problem; --verbose adds the stack trace.
 */
@Command(
        name = "run-bench.sh",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "counterbench: throughput and accuracy of scalable counters on real and simulated many-core machines.",
            ""
        },
        subcommands = {
            RunCommand.class,
            AdviseCommand.class,
            AbCommand.class,
            ReportCommand.class,
            GateCommand.class,
            ExportCommand.class,
            TopologyCommand.class,
            FootprintCommand.class,
            JmhCommand.class,
            SimulateCommand.class,
            SoakCommand.class,
            LatencyCommand.class,
            TrendCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "run-bench.sh itself also answers:",
            "  test       the test suite (Maven verify)",
            "  build      build the jars now (any command does when sources changed)",
            "  format     format every Java file (palantir-java-format; the test suite checks it)",
            "",
            "Every command answers --help, and so does './run-bench.sh help COMMAND'.",
            "Exit codes: 0 ok, 1 a check failed, 2 bad input.",
            ""
        })
public final class Main implements Runnable {

    @Option(names = "--verbose", description = "Print stack traces with errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Interrupts.cleanUpAttachFile();
        StdoutStream stdout = new StdoutStream();
        PrintWriter out = stdout.writer();
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        if (stdout.failure() != null) {
            // a PrintWriter swallows write errors: 'footprint > /dev/full' must not exit 0
            err.println("error: cannot write to standard output: " + stdout.failure());
            code = code == ExitCodes.OK ? ExitCodes.BAD_INPUT : code;
        }
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cl);
        cl.setExecutionStrategy(parsed -> {
            refuseUnmatched(parsed);
            ListFlags.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + parameterError(ex) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            if (verbose) {
                ex.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageException
                    || ex instanceof IllegalArgumentException
                    || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException) {
                err.println("error: " + oneLine(ex));
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof CheckFailedException) {
                err.println("check failed: " + oneLine(ex));
                return ExitCodes.CHECK_FAILED;
            }
            err.println("internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a bug (every input is bounded before it is used): say so in one line, the stack when asked
            err.println("internal error: " + (e instanceof StackOverflowError ? "stack overflow" : "out of memory")
                    + " (a bug in counterbench; rerun with --verbose for where)");
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * picocli's message, but a mistyped command or option gets a "did you mean" with picocli's
     * nearest names, and an unknown command is called that rather than an "unmatched argument".
     */
    static String parameterError(CommandLine.ParameterException ex) {
        java.util.regex.Matcher help = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.")
                .matcher(String.valueOf(ex.getMessage()));
        if (help.matches()) {
            // 'help NAME' with a NAME that is no command (picocli's HelpCommand reports it on the parent)
            List<String> commands = new java.util.ArrayList<>(
                    ex.getCommandLine().getSubcommands().keySet());
            commands.addAll(SCRIPT_COMMANDS);
            return "unknown command '" + help.group(1) + "'" + didYouMean(Suggestions.nearest(help.group(1), commands));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
            if (!first.startsWith("-")
                    && !spec.subcommands().isEmpty()
                    && spec.positionalParameters().isEmpty()) {
                List<String> commands =
                        new java.util.ArrayList<>(spec.subcommands().keySet());
                commands.addAll(SCRIPT_COMMANDS);
                return "unknown command '" + first + "'" + didYouMean(Suggestions.nearest(first, commands));
            }
            if (first.startsWith("-")) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                String removed = REMOVED_OPTIONS.get(spec.qualifiedName(" ") + " " + name);
                if (removed != null) {
                    return name + " was removed: " + removed;
                }
                String hint =
                        didYouMean(Suggestions.nearest(name, spec.optionsMap().keySet()));
                return oneLine(ex) + hint;
            }
        }
        return oneLine(ex);
    }

    /**
     * picocli skips its check for unmatched arguments when --help is among them, so 'soka --help'
     * would print the top help and exit 0: refuse what no command matched, as without --help.
     */
    static void refuseUnmatched(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            CommandLine c = p.commandSpec().commandLine();
            if (!p.unmatched().isEmpty() && !c.isUnmatchedArgumentsAllowed()) {
                throw new CommandLine.UnmatchedArgumentException(c, p.unmatched());
            }
        }
    }

    /** Options that were removed, by "command --option", with what to use instead. */
    static final java.util.Map<String, String> REMOVED_OPTIONS = removedOptions();

    private static java.util.Map<String, String> removedOptions() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        m.put("run-bench.sh gate --export", "export the run with './run-bench.sh export RUN FILE'");
        m.put("run-bench.sh ab --calibrate", "calibrate with './run-bench.sh ab calibrate' (see its --help)");
        for (String o : List.of(
                "--aa-runs",
                "--knob-runs",
                "--levels",
                "--knob-counters",
                "--tabulate",
                "--resample",
                "--resamples",
                "--wrap")) {
            m.put("run-bench.sh ab " + o, "it is an option of './run-bench.sh ab calibrate' now");
        }
        return java.util.Map.copyOf(m);
    }

    /** Commands run-bench.sh answers itself, offered as suggestions too. */
    static final List<String> SCRIPT_COMMANDS = List.of("test", "build", "format");

    private static String didYouMean(List<String> names) {
        return names.isEmpty()
                ? ""
                : " (did you mean " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or ")) + "?)";
    }

    /** The message on one line: line breaks become spaces, other control characters '?', none empty. */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t instanceof IllegalArgumentException
                    ? "bad input"
                    : t.getClass().getSimpleName();
        }
        return m.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?").strip();
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"counterbench " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
