package io.counterbench.topology;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * glibc's registered rseq area of the calling thread. glibc 2.35 and later register a
 * {@code struct rseq} for every thread it starts, and the kernel keeps its {@code cpu_id} field
 * (offset 4) equal to the CPU the thread runs on, the value sched_getcpu returns: reading it costs
 * one load. The area lies at the thread pointer plus glibc's {@code __rseq_offset}; on x86-64
 * {@code pthread_self()} returns the thread pointer. Unavailable when glibc did not register rseq
 * ({@code __rseq_size} 0: an older glibc, or the tunable glibc.pthread.rseq=0), on another
 * architecture, or when the area does not read what sched_getcpu says.
 *
 * <p>The address belongs to the thread that asked for it and stays valid only while that thread
 * lives: a caller must read it only from that thread (see io.counterbench.counters.CpuId).
 */
public final class Rseq {
    /** Offset of {@code cpu_id} in struct rseq ({@code cpu_id_start} is at 0). */
    public static final long CPU_ID_OFFSET = 4;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** The whole address space as one segment, so reads through it need no per-thread segment. */
    private static final MemorySegment EVERYTHING;

    private static final MethodHandle PTHREAD_SELF;
    private static final long OFFSET;
    private static final String UNAVAILABLE;

    static {
        MemorySegment everything = null;
        MethodHandle self = null;
        long offset = 0;
        String why = null;
        try {
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            if (!arch.equals("amd64") && !arch.equals("x86_64")) {
                why = "rseq lookup is implemented for x86-64 only (os.arch " + arch + ")";
            } else {
                Linker linker = Linker.nativeLinker();
                var lookup = linker.defaultLookup();
                var size = lookup.find("__rseq_size");
                var off = lookup.find("__rseq_offset");
                var ps = lookup.find("pthread_self");
                if (size.isEmpty() || off.isEmpty() || ps.isEmpty()) {
                    why = "glibc exports no __rseq_size/__rseq_offset (glibc before 2.35, or not glibc)";
                } else if (size.get().reinterpret(4).get(ValueLayout.JAVA_INT, 0) == 0) {
                    why = "glibc did not register rseq (__rseq_size is 0; tunable glibc.pthread.rseq=0?)";
                } else {
                    offset = off.get().reinterpret(8).get(ValueLayout.JAVA_LONG, 0);
                    self = linker.downcallHandle(ps.get(), FunctionDescriptor.of(ValueLayout.JAVA_LONG));
                    everything = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            why = "rseq lookup unavailable: " + e.getMessage();
        }
        EVERYTHING = everything;
        PTHREAD_SELF = self;
        OFFSET = offset;
        UNAVAILABLE = why;
    }

    private Rseq() {}

    /** Why no thread can use rseq here, or null when glibc registered it. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** glibc's {@code __rseq_offset}: the rseq area's distance from the thread pointer (0 when unavailable). */
    public static long offset() {
        return OFFSET;
    }

    /**
     * The address of the calling thread's {@code cpu_id} field, or 0 when rseq is unavailable or the
     * field does not agree with sched_getcpu (checked: the field, sched_getcpu and the field again
     * must agree, retried a few times in case the thread migrates in between). Virtual threads get
     * 0: the area belongs to their carrier, which changes.
     */
    public static long cpuIdAddressOfCurrentThread() {
        if (UNAVAILABLE != null || Thread.currentThread().isVirtual()) {
            return 0;
        }
        long address;
        try {
            address = (long) PTHREAD_SELF.invokeExact() + OFFSET + CPU_ID_OFFSET;
        } catch (Throwable e) {
            return 0;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int before = read(address);
            if (before < 0) {
                return 0; // RSEQ_CPU_ID_UNINITIALIZED (-1) or REGISTRATION_FAILED (-2)
            }
            int kernel = Affinity.currentCpu();
            if (before == kernel && read(address) == kernel) {
                return address;
            }
        }
        return 0;
    }

    /**
     * An opaque load of the int at {@code address} (a {@code cpu_id} address of the calling thread):
     * never cached or hoisted by the JIT, since the kernel changes it behind the thread's back.
     */
    public static int read(long address) {
        return (int) INT.getOpaque(EVERYTHING, address);
    }
}
