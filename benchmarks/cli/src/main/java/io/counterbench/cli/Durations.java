package io.counterbench.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as flags give them: "9m", "90s", "1m30s", "1h"; "off" for none. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** The largest budget: a day. */
    static final long MAX_SECONDS = 24 * 3600;

    private Durations() {}

    /** Seconds, or -1 for "off". */
    public static long seconds(String flag, String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("off")) {
            return -1;
        }
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new UsageException(flag + " '" + text + "': expected a duration like 9m, 90s, 1m30s or 1h, or off");
        }
        long s = 3600 * num(m.group(1)) + 60 * num(m.group(2)) + num(m.group(3));
        if (s < 1 || s > MAX_SECONDS) {
            throw new UsageException(flag + " '" + text + "': between 1s and 24h");
        }
        return s;
    }

    private static long num(String g) {
        if (g == null) {
            return 0;
        }
        return g.length() > 7 ? MAX_SECONDS + 1 : Long.parseLong(g);
    }
}
