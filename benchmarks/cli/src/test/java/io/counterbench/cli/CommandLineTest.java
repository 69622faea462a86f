package io.counterbench.cli;

import static io.counterbench.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.cli.run.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line a newcomer meets: --help everywhere, help COMMAND, "did you mean", the same names as the README. */
class CommandLineTest {

    /** Every subcommand the CLI has, read from picocli's model: one added later is covered without an edit here. */
    static Stream<String> subcommands() {
        return new CommandLine(new Main()).getSubcommands().keySet().stream();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("subcommands")
    void everySubcommandAnswersHelp(String command) {
        Cli.Run o = run(command, "--help");
        o.assertOk();
        assertTrue(o.out().contains("Usage: run-bench.sh " + command), o.out());
        assertEquals("", o.err());
    }

    /**
     * picocli formats descriptions with String.format: a bare '%' ("95% interval") makes it print a
     * "[picocli WARN] Could not format" line on System.err (not the command's writer) above the help.
     */
    @Test
    void noHelpTextMakesPicocliWarn() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        List<String> checked = new java.util.ArrayList<>();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(new CommandLine(new Main())));
            while (!todo.isEmpty()) {
                CommandLine c = todo.pop();
                c.getUsageMessage();
                checked.add(c.getCommandSpec().qualifiedName());
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertTrue(checked.contains("run-bench.sh ab calibrate"), checked.toString());
    }

    @ParameterizedTest(name = "help {0}")
    @MethodSource("subcommands")
    void helpCommandAnswersForEverySubcommand(String command) {
        Cli.Run o = run("help", command);
        o.assertOk();
        assertTrue(o.out().contains("Usage: run-bench.sh " + command), o.out());
    }

    @Test
    void rootHelpNamesTheCommandsTheScriptAnswersItself() {
        Cli.Run o = run("--help");
        o.assertOk();
        for (String c : Main.SCRIPT_COMMANDS) {
            assertTrue(o.out().contains("  " + c + " "), c + " in " + o.out());
        }
        assertTrue(o.out().endsWith(System.lineSeparator()), "help ends with a line break");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"rn:run", "simulat:simulate", "soka:soak", "tets:test", "raport:report", "topolgy:topology"})
    void aMistypedCommandGetsDidYouMean(String typedAndMeant) {
        String[] t = typedAndMeant.split(":");
        Cli.Run o = run(t[0]);
        o.assertOneLineError("unknown command '" + t[0] + "' (did you mean '" + t[1] + "'");
    }

    @Test
    void helpForAMistypedCommandGetsDidYouMean() {
        run("help", "rn").assertOneLineError("unknown command 'rn' (did you mean 'run'?)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help", "-h", "--version"})
    void aMistypedCommandWithHelpGetsDidYouMeanNotTheTopHelp(String flag) {
        // picocli leaves unmatched arguments unchecked when help is asked for: 'soka --help' printed the top help, exit
        // 0
        run("soka", flag).assertOneLineError("unknown command 'soka' (did you mean 'soak'?)");
        run(flag, "soka").assertOneLineError("unknown command 'soka' (did you mean 'soak'?)");
        run("run", "--dryrun", flag).assertOneLineError("did you mean '--dry-run'");
    }

    @Test
    void helpOfAKnownCommandStillWorks() {
        Cli.Run o = run("soak", "--help");
        o.assertOk();
        assertTrue(o.out().contains("soak"), o.out());
        run("--help").assertOk();
    }

    @Test
    void anUnrelatedWordGetsNoGuess() {
        Cli.Run o = run("benchmarkify");
        o.assertOneLineError("unknown command 'benchmarkify'");
        assertFalse(o.err().contains("did you mean"), o.err());
    }

    @Test
    void aMistypedOptionGetsDidYouMean() {
        run("run", "--dryrun").assertOneLineError("did you mean '--dry-run'");
        run("soak", "--minuts", "1").assertOneLineError("did you mean '--minutes'");
    }

    @Test
    void editDistanceCountsASwapOnce() {
        assertEquals(1, Suggestions.distance("soka", "soak"));
        assertEquals(1, Suggestions.distance("rn", "run"));
        assertEquals(3, Suggestions.distance("", "run"));
        assertEquals(List.of("run"), Suggestions.nearest("RUn", List.of("report", "run", "gate")));
    }

    @Test
    void runHelpListsEveryProfile() {
        String help = run("run", "--help").out();
        String labels = Arrays.stream(Profile.values()).map(Profile::label).collect(Collectors.joining("|"));
        assertTrue(help.contains("--profile=" + labels), labels + " in " + help);
    }

    @Test
    void readmeNamesEveryProfile() throws Exception {
        // the README's profile table is generated (DocNumbersTest); its run example names the profiles as --help does
        String readme = Files.readString(RunBenchScript.find().resolveSibling("README.md"));
        String labels = Arrays.stream(Profile.values()).map(Profile::label).collect(Collectors.joining("|"));
        assertTrue(readme.contains("--profile " + labels), labels + " in the README");
    }

    @Test
    void presetNamesMatchInAnyCase() {
        Cli.Run o = run("run", "--dry-run", "--profile", "smoke", "--topology", "EPYC-9654-2s");
        o.assertOk();
        assertTrue(o.out().contains("topology epyc-9654-2s (384 CPUs"), o.out());
        Cli.Run host = run(
                "run", "--dry-run", "--profile", "smoke", "--topology", "Host", "--benchmarks", "UpdateBenchmark.inc");
        host.assertOk();
        assertTrue(host.out().contains("on this machine"), host.out());
    }

    @ParameterizedTest(name = "run-bench.sh {0}")
    @ValueSource(strings = {"help test", "help build", "test --help", "build --help"})
    void theScriptAnswersHelpForItsOwnCommands(String args) throws Exception {
        Path script = RunBenchScript.find();
        RunBenchScript.Result r = RunBenchScript.run(script, script.getParent(), Map.of(), args.split(" "));
        assertEquals(0, r.code(), r.output());
        assertTrue(
                r.output()
                        .startsWith("Usage: ./run-bench.sh "
                                + args.replace("help ", "").replace(" --help", "")),
                r.output());
    }
}
