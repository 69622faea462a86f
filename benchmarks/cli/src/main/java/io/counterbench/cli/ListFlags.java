package io.counterbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one check of every list flag (and of empty switch values) ({@code --counters a,b}, {@code --threads 1,2}, {@code
 * --cpus},
 * {@code --placement}, on every command): a value must name at least one item and no item may be
 * empty, so {@code --counters ,} or {@code --threads 1,,2} are refused instead of parsing to an
 * empty list (which silently meant "none" or "all").
 */
final class ListFlags {
    private ListFlags() {}

    /**
     * Throws a ParameterException (exit 2, one line) for the first list flag with an empty item,
     * and for a switch given an empty value ({@code --dry-run=}, which picocli would take as set).
     */
    static void check(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec o : p.matchedOptions()) {
                if (o.arity().max() == 0) {
                    for (String name : o.names()) {
                        if (parsed.originalArgs().contains(name + "=")) {
                            throw new CommandLine.ParameterException(
                                    p.commandSpec().commandLine(),
                                    "'" + name + "=': a switch takes no empty value" + " (write " + name + " alone, or "
                                            + name + "=true or =false)");
                        }
                    }
                }
                if (o.splitRegex().isEmpty()) {
                    continue;
                }
                for (String raw : o.originalStringValues()) {
                    for (String item : raw.split(o.splitRegex(), -1)) {
                        if (item.isBlank()) {
                            throw new CommandLine.ParameterException(
                                    p.commandSpec().commandLine(),
                                    o.longestName() + " '" + raw
                                            + "': "
                                            + (raw.replaceAll(o.splitRegex(), "")
                                                            .isBlank()
                                                    ? "names no item"
                                                    : "has an empty item")
                                            + " (write " + o.paramLabel() + ")");
                        }
                    }
                }
            }
        }
    }
}
