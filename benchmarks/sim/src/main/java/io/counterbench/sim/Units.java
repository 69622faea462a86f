package io.counterbench.sim;

import java.util.Locale;

/** Pages to megabytes for tables: pages of 4 KiB, MB of 2^20 bytes (so 49152 pages = 192 MB). */
final class Units {
    static final long PAGE_BYTES = 4096;
    private static final double MB = 1 << 20;

    private Units() {}

    static double mb(double pages) {
        return pages * PAGE_BYTES / MB;
    }

    /** "192.0 MB", "1.25 MB" (two decimals below 10 MB), "0 MB". */
    static String mbText(double pages) {
        double mb = mb(pages);
        if (mb == 0) {
            return "0 MB";
        }
        return String.format(Locale.ROOT, Math.abs(mb) < 10 ? "%.2f MB" : "%.1f MB", mb);
    }

    /** A count with thousands separators: "49,152". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String decimal(double x, int digits) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%,." + digits + "f", x);
    }

    /** "31.2 M" operations per second. */
    static String millions(double x) {
        return String.format(Locale.ROOT, "%.1f M", x / 1e6);
    }
}
