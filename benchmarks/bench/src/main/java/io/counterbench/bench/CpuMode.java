package io.counterbench.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a benchmark writer tells the counter its CPU (the JMH param {@code cpu}):
 * <ul>
 *   <li>{@code lookup}: {@code add(delta)}; the counter finds the CPU itself, as any Java caller's
 *       add does (the headline rows);</li>
 *   <li>{@code handle}: {@code add(CpuId, delta)} with the thread's kept {@link io.counterbench.counters.CpuId};</li>
 *   <li>{@code known}: {@code add(cpu, task, delta)} with the CPU the thread is pinned to: the
 *       kernel's this_cpu_* case, a lower bound no Java caller gets.</li>
 * </ul>
 * Counters that keep no per-CPU state (atomic, adder, jctools) run the same code in all three.
 */
public enum CpuMode {
    LOOKUP,
    HANDLE,
    KNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CpuMode parse(String text) {
        for (CpuMode m : values()) {
            if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown cpu mode '" + text + "' (known: "
                + Arrays.stream(values()).map(CpuMode::label).collect(Collectors.joining(", ")) + ")");
    }
}
