package io.counterbench.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Flag values in words: picocli's own converters say "'x' is not an int" or "not a boolean", or
 * quote a Java exception for a path with a NUL byte; these say what a user can act on. Numbers
 * are ASCII digits only ("NaN", "Infinity" and hex are refused).
 */
final class Converters {
    private Converters() {}

    static void register(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> ints = s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
        CommandLine.ITypeConverter<Long> longs = s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE);
        CommandLine.ITypeConverter<Double> doubles = Converters::decimal;
        cl.registerConverter(Integer.class, ints);
        cl.registerConverter(int.class, ints);
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(long.class, longs);
        cl.registerConverter(Double.class, doubles);
        cl.registerConverter(double.class, doubles);
        cl.registerConverter(Path.class, Converters::path);
        cl.registerConverter(Boolean.class, Converters::bool);
        cl.registerConverter(boolean.class, Converters::bool);
    }

    static boolean bool(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TypeConversionException("'" + s + "' is neither true nor false");
        };
    }

    static long whole(String s, long min, long max) {
        String t = s.strip();
        if (!t.matches("[-+]?[0-9]+")) {
            throw new TypeConversionException("'" + s + "' is not a whole number");
        }
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // too large: reported below
        }
        throw new TypeConversionException("'" + s + "' is out of range (" + min + " to " + max + ")");
    }

    static double decimal(String s) {
        String t = s.strip();
        if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new TypeConversionException("'" + s + "' is not a number");
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw new TypeConversionException("'" + s + "' is too large");
        }
        return v;
    }

    static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + s + "' is not a usable path (" + e.getReason() + ")");
        }
    }
}
