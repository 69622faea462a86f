package io.counterbench.sim;

import io.counterbench.results.report.write.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The advice as Markdown: the workload and limit, one table of every counter in ranked order (each
 * cost cell tagged with its source: M measured on the target, P predicted by the cost model, >= a
 * lower bound, n/a none), the recommendation and runner-up with the reason, then the source of
 * every figure, counter by counter.
 */
public final class AdviceText {
    private AdviceText() {}

    public static String render(Advisor.Advice a) {
        Advisor.Workload w = a.workload();
        boolean pages = a.limitText() != null && a.limitText().contains(" pages of 4 KiB");
        StringBuilder b = new StringBuilder("## counterbench advise: ")
                .append(a.topology().name())
                .append(" (")
                .append(a.topology().puCount())
                .append(" CPUs)\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Workload: %d update thread(s), %s pattern, %s by each; error limit %s.%n%n",
                w.threads(),
                w.pattern(),
                new ReadMix(w.read(), w.updatesPerRead()).label(),
                a.limitText()));
        var t = Block.Table.numbers(
                "rank",
                "counter",
                "ns per update",
                "ns per read",
                "ns per update with reads",
                "bound (analytic)",
                "worst (simulated)",
                "memory",
                "meets limit");
        int rank = 0;
        for (Advisor.Row r : a.rows()) {
            t.row(
                    r.meets() ? Integer.toString(++rank) : "-",
                    r.counter().id(),
                    cell(
                            r.measuredUpdate().known() ? r.measuredUpdate() : r.update(),
                            r.measuredUpdate().known()),
                    cell(r.read(), false),
                    cell(r.cost(), r.measuredMix().known())
                            + (r.measuredMix().known() && r.mix().known() ? " (" + cell(r.mix(), false) + ")" : ""),
                    error(r.bound(), pages),
                    error(r.simulatedWorst(), pages),
                    r.memory().bytes() < 0
                            ? "n/a"
                            : String.format(Locale.ROOT, "%,d B", r.memory().bytes()),
                    r.meets() ? "yes" : "no");
        }
        b.append(t.render()).append('\n');
        b.append("M: measured on the target machine; P: predicted by the cost model; a..b: between a and b (line "
                + "moves at a class without a latency figure priced at 0 and at the profile's slowest class); >=: a "
                + "lower bound only; n/a: no figure (the sources below say why). Unranked rows (-) do not meet the "
                + "limit.\n\n");
        if (a.recommended() != null) {
            b.append("**Recommended: ").append(a.recommended().counter().id()).append("**");
            if (a.runnerUp() != null) {
                b.append(" (runner-up: ").append(a.runnerUp().counter().id()).append(")");
            }
            b.append(". ");
        } else {
            b.append("**No recommendation.** ");
        }
        b.append(a.reason()).append("\n\n");
        b.append("Sources:\n");
        for (String s : a.sources()) {
            b.append("- ").append(s).append('\n');
        }
        for (Advisor.Row r : a.rows()) {
            List<String> parts = new ArrayList<>();
            parts.add("update: "
                    + (r.measuredUpdate().known() ? "M " + r.measuredUpdate().source() + "; P " : "")
                    + r.update().source());
            parts.add("read: " + r.read().source());
            if (r.measuredMix().known()) {
                parts.add("mix: M " + r.measuredMix().source());
            }
            parts.add("memory: " + r.memory().source());
            b.append("- ")
                    .append(r.counter().id())
                    .append(": ")
                    .append(String.join("; ", parts))
                    .append('\n');
        }
        return b.toString();
    }

    private static String cell(Advisor.Figure f, boolean measured) {
        if (!f.known()) {
            return "n/a";
        }
        if (measured || f.complete()) {
            return (measured ? "M " : "P ") + ns(f);
        }
        if (!f.bounded()) {
            return "P >= " + ns(f);
        }
        return ns(f).equals(ns(f.upper())) ? "P " + ns(f) : "P " + ns(f) + ".." + ns(f.upper());
    }

    private static String ns(Advisor.Figure f) {
        return ns(f.ns());
    }

    private static String ns(double ns) {
        return String.format(Locale.ROOT, ns < 10 ? "%.2f" : ns < 1000 ? "%.1f" : "%,.0f", ns);
    }

    private static String error(long counts, boolean pages) {
        return pages
                ? String.format(Locale.ROOT, "%,d (%s)", counts, Units.mbText(counts))
                : String.format(Locale.ROOT, "%,d", counts);
    }
}
