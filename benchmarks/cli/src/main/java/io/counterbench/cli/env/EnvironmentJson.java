package io.counterbench.cli.env;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The run.json form of an {@link Environment} and a {@link ProcStat.Delta}, as Jackson trees:
 * <pre>
 * {"cpuModel": "...", "cpus": {"available": 64, "online": "0-63", "onlineCount": 64}, "kernel": "...",
 *  "os": {"name": "Linux", "arch": "amd64"},
 *  "jdk": {"version": ..., "vmName": ..., "vmVersion": ..., "vendor": ...}, "jvmArgs": [...], "gc": "G1 (...)",
 *  "governor": "performance", "virtualMachine": false, "jmhVersion": "1.37", "host": "...",
 *  "loadAverage": [0.1, 0.2, 0.3], "memoryBytes": 137438953472,
 *  "procStat": {"available": true, "jiffies": {...}, "percent": {...}, "perCpuBusyPercent": [...],
 *               "noisyVm": false, "warnings": [...], "note": "..."}}
 * </pre>
 * Percentages are rounded to two decimals.
 */
public final class EnvironmentJson {

    /** The explanation every procStat object carries. */
    public static final String PROC_STAT_NOTE =
            "user excludes guest time (guest reported separately); steal > 1% means a noisy VM";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EnvironmentJson() {}

    /** The environment fields plus {@code "procStat"}: the object run.json keeps under "environment". */
    public static ObjectNode toJson(Environment env, ProcStat.Delta delta) {
        ObjectNode root = environment(env);
        root.set("procStat", procStat(delta));
        return root;
    }

    /** The environment alone (no procStat). */
    public static ObjectNode environment(Environment env) {
        Objects.requireNonNull(env, "env");
        ObjectNode o = F.objectNode();
        o.put("cpuModel", env.cpuModel());
        ObjectNode cpus = o.putObject("cpus");
        cpus.put("available", env.availableProcessors());
        cpus.put("online", env.onlineCpus());
        cpus.put("onlineCount", env.onlineCpuCount());
        o.put("kernel", env.kernel());
        ObjectNode os = o.putObject("os");
        os.put("name", env.osName());
        os.put("arch", env.osArch());
        ObjectNode jdk = o.putObject("jdk");
        jdk.put("version", env.jdk().version());
        jdk.put("vmName", env.jdk().vmName());
        jdk.put("vmVersion", env.jdk().vmVersion());
        jdk.put("vendor", env.jdk().vendor());
        ArrayNode args = o.putArray("jvmArgs");
        env.jvmArgs().forEach(args::add);
        o.put("gc", env.gc());
        o.put("governor", env.governor());
        o.put("virtualMachine", env.virtualMachine());
        o.put("jmhVersion", env.jmhVersion());
        o.put("host", env.host());
        ArrayNode load = o.putArray("loadAverage");
        env.loadAverage().forEach(load::add);
        o.put("memoryBytes", env.memoryBytes());
        return o;
    }

    /** The object run.json keeps under "procStat". */
    public static ObjectNode procStat(ProcStat.Delta d) {
        Objects.requireNonNull(d, "delta");
        ObjectNode o = F.objectNode();
        o.put("available", d.available());
        if (d.available()) {
            ObjectNode j = o.putObject("jiffies");
            j.put("user", d.user());
            j.put("nice", d.nice());
            j.put("system", d.system());
            j.put("idle", d.idle());
            j.put("iowait", d.iowait());
            j.put("irq", d.irq());
            j.put("softirq", d.softirq());
            j.put("steal", d.steal());
            j.put("guest", d.guest());
            j.put("guestNice", d.guestNice());
            j.put("total", d.total());
            ObjectNode p = o.putObject("percent");
            p.put("user", round(d.userPercent()));
            p.put("nice", round(d.nicePercent()));
            p.put("system", round(d.systemPercent()));
            p.put("iowait", round(d.iowaitPercent()));
            p.put("irq", round(d.irqPercent()));
            p.put("softirq", round(d.softirqPercent()));
            p.put("steal", round(d.stealPercent()));
            p.put("guest", round(d.guestPercent()));
            p.put("guestNice", round(d.guestNicePercent()));
            p.put("idle", round(d.idlePercent()));
            ArrayNode busy = o.putArray("perCpuBusyPercent");
            for (ProcStat.CpuBusy b : d.perCpuBusy()) {
                busy.addObject().put("cpu", b.cpu()).put("busy", round(b.busyPercent()));
            }
            o.put("noisyVm", d.noisyVm());
        }
        ArrayNode warnings = o.putArray("warnings");
        d.warnings().forEach(warnings::add);
        o.put("note", PROC_STAT_NOTE);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
