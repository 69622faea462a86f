package io.counterbench.sim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest error a reader accepts, in counts: a number of counts ("5000"), a size in bytes that
 * counts pages of 4 KiB, as RSS does ("64MB", "1GB", "512KB"), or a fraction of the counter's value
 * ("1%", with the value given).
 *
 * @param counts the limit in counts (Long.MAX_VALUE: none)
 * @param text what it is, for the advice ("64 MB = 16,384 pages of 4 KiB")
 */
public record ErrorLimit(long counts, String text) {
    public static final ErrorLimit NONE = new ErrorLimit(Long.MAX_VALUE, "none");
    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|[kmgt]i?b)?", Pattern.CASE_INSENSITIVE);

    /**
     * @param text the flag's value, or null for no limit
     * @param value the counter's value a fraction applies to, or null
     */
    public static ErrorLimit parse(String text, Long value) {
        if (text == null) {
            if (value != null) {
                throw new IllegalArgumentException("--value applies to a --max-error given as a fraction (1%)");
            }
            return NONE;
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--max-error '" + text
                    + "': give counts (5000), a size in pages of 4 KiB (64MB) "
                    + "or a fraction of the value (1%, with --value)");
        }
        double x = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.equals("%")) {
            if (value == null || value < 1) {
                throw new IllegalArgumentException("--max-error " + text
                        + " is a fraction of the counter's value: give the value "
                        + "with --value N (at least 1)");
            }
            long counts = (long) Math.floor(x / 100 * value);
            return new ErrorLimit(
                    counts, String.format(Locale.ROOT, "%s of %,d = %,d counts", text.strip(), value, counts));
        }
        if (value != null) {
            throw new IllegalArgumentException("--value applies to a --max-error given as a fraction (1%)");
        }
        if (unit.isEmpty()) {
            if (x != Math.floor(x) || x > Long.MAX_VALUE / 2) {
                throw new IllegalArgumentException("--max-error " + text + ": a whole number of counts");
            }
            return new ErrorLimit((long) x, String.format(Locale.ROOT, "%,d counts", (long) x));
        }
        int power = "kmgt".indexOf(unit.charAt(0)) + 1;
        double bytes = x * Math.pow(1024, power);
        long pages = (long) Math.floor(bytes / Units.PAGE_BYTES);
        return new ErrorLimit(pages, String.format(Locale.ROOT, "%s = %,d pages of 4 KiB", text.strip(), pages));
    }
}
