package io.counterbench.topology;

import io.counterbench.inputs.Limits;
import java.util.BitSet;

/** Linux CPU list syntax, as in sysfs and taskset: "0-3,8,10-11". */
public final class CpuList {
    private CpuList() {}

    /** Parses a CPU list; an empty or blank string is an empty set. */
    public static int[] parse(String text) {
        BitSet set = new BitSet();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        for (String part : trimmed.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    set.set(nonNegative(Integer.parseInt(p), text));
                } else {
                    int lo = nonNegative(Integer.parseInt(p.substring(0, dash).strip()), text);
                    int hi = nonNegative(Integer.parseInt(p.substring(dash + 1).strip()), text);
                    if (hi < lo) {
                        throw new IllegalArgumentException(
                                "bad CPU list '" + text + "': range " + p + " runs backwards");
                    }
                    set.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "bad CPU list '" + text + "': '" + p + "' is not a number or a range");
            }
        }
        return set.stream().toArray();
    }

    private static int nonNegative(int v, String text) {
        if (!Limits.CPU_ID.contains(v)) {
            throw new IllegalArgumentException(
                    "bad CPU list '" + text + "': CPU number " + v + " is out of range (" + Limits.CPU_ID.rule() + ")");
        }
        return v;
    }

    /** Formats ascending CPU numbers compactly: [0,1,2,3,8] becomes "0-3,8". */
    public static String format(int[] cpus) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < cpus.length) {
            int j = i;
            while (j + 1 < cpus.length && cpus[j + 1] == cpus[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(cpus[i]);
            if (j > i) {
                sb.append('-').append(cpus[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
