package io.counterbench.topology;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The calling thread's CPU and CPU affinity, through FFM downcalls to glibc: sched_getcpu,
 * sched_getaffinity and sched_setaffinity (pid 0 = the calling thread). Needs
 * {@code --enable-native-access=ALL-UNNAMED}. Where the calls are unavailable (not Linux),
 * {@link #currentCpu()} returns a stable per-thread pseudo CPU and pinning is unsupported.
 * Pinning applies to the carrier of a virtual thread: pin platform threads only.
 */
public final class Affinity {
    /** Bytes of the cpu_set_t handed to the kernel: 8192 CPUs, more than any NR_CPUS in use. */
    private static final int MASK_BYTES = 1024;
    /** Largest mask tried when the kernel says EINVAL (its nr_cpu_ids exceeds the mask). */
    private static final int MAX_MASK_BYTES = 1 << 17;

    private static final int EINVAL = 22;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle GETCPU =
            downcall("sched_getcpu", FunctionDescriptor.of(ValueLayout.JAVA_INT), Linker.Option.critical(false));
    private static final FunctionDescriptor AFFINITY = FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
    private static final MethodHandle GETAFFINITY =
            downcall("sched_getaffinity", AFFINITY, Linker.Option.captureCallState("errno"));
    private static final MethodHandle SETAFFINITY =
            downcall("sched_setaffinity", AFFINITY, Linker.Option.captureCallState("errno"));
    private static final int FALLBACK_CPUS = Runtime.getRuntime().availableProcessors();

    private Affinity() {}

    /** Whether the native calls are available (Linux with glibc or musl). */
    public static boolean available() {
        return GETCPU != null && GETAFFINITY != null && SETAFFINITY != null;
    }

    /**
     * The CPU the calling thread runs on now (sched_getcpu, a vDSO call of a few ns); without the
     * native call, a pseudo CPU that is stable per thread: thread id modulo the processor count.
     */
    public static int currentCpu() {
        if (GETCPU != null) {
            try {
                int cpu = (int) GETCPU.invokeExact();
                if (cpu >= 0) {
                    return cpu;
                }
            } catch (Throwable e) {
                throw new IllegalStateException("sched_getcpu failed", e);
            }
        }
        return (int) (Thread.currentThread().threadId() % FALLBACK_CPUS);
    }

    /** The CPUs the calling thread may run on now (sched_getaffinity), ascending. */
    public static int[] allowedCpus() {
        return affinityOf(0);
    }

    /**
     * The CPUs the process may use: those of its initial thread, which the JVM leaves alone, so
     * this is the set the process was started with (taskset, cgroup cpuset), whatever the calling
     * thread has been pinned to since. {@link #pin} accepts exactly these CPUs.
     */
    public static int[] processCpus() {
        return affinityOf((int) ProcessHandle.current().pid());
    }

    private static int[] affinityOf(int pid) {
        if (GETAFFINITY == null) {
            int[] all = new int[FALLBACK_CPUS];
            Arrays.setAll(all, i -> i);
            return all;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            for (int bytes = MASK_BYTES; ; bytes *= 2) {
                MemorySegment mask = arena.allocate(bytes, 8);
                int rc = (int) GETAFFINITY.invokeExact(state, pid, (long) bytes, mask);
                if (rc == 0) {
                    return BitSet.valueOf(mask.asByteBuffer()).stream().toArray();
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINVAL || bytes >= MAX_MASK_BYTES) {
                    throw new IllegalStateException("sched_getaffinity(" + pid + ") failed: errno " + errno);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sched_getaffinity failed", e);
        }
    }

    /**
     * Pins the calling thread to one CPU. A CPU that does not exist here or that the process may not
     * use ({@link #processCpus()}) gives an IllegalArgumentException naming it and the allowed list.
     */
    public static void pin(int cpu) {
        int[] allowed = processCpus();
        if (Arrays.binarySearch(allowed, cpu) < 0) {
            String why = exists(cpu) ? "is not in the CPUs this process may use" : "does not exist on this machine";
            throw new IllegalArgumentException(
                    "cannot pin to CPU " + cpu + ": it " + why + " (allowed: " + CpuList.format(allowed) + ")");
        }
        setAffinity(new int[] {cpu});
    }

    /**
     * Lets the calling thread run on the given CPUs again, typically the {@link #allowedCpus()} saved
     * before pinning; each must be one the process may use.
     */
    public static void unpin(int[] cpus) {
        if (cpus.length == 0) {
            throw new IllegalArgumentException("cannot set an empty CPU affinity");
        }
        int[] allowed = processCpus();
        for (int cpu : cpus) {
            if (Arrays.binarySearch(allowed, cpu) < 0) {
                throw new IllegalArgumentException("cannot let the thread run on CPU " + cpu
                        + ": the process may not use it (allowed: " + CpuList.format(allowed) + ")");
            }
        }
        setAffinity(cpus);
    }

    private static void setAffinity(int[] cpus) {
        if (SETAFFINITY == null) {
            throw new UnsupportedOperationException(
                    "thread pinning needs Linux sched_setaffinity, which is unavailable here");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment mask = arena.allocate(MASK_BYTES, 8);
            for (int cpu : cpus) {
                if (cpu < 0 || cpu >= MASK_BYTES * 8) {
                    throw new IllegalArgumentException("CPU " + cpu + " is outside 0.." + (MASK_BYTES * 8 - 1));
                }
                long word = mask.getAtIndex(ValueLayout.JAVA_LONG, cpu / 64);
                mask.setAtIndex(ValueLayout.JAVA_LONG, cpu / 64, word | 1L << (cpu % 64));
            }
            int rc = (int) SETAFFINITY.invokeExact(state, 0, (long) MASK_BYTES, mask);
            if (rc != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new IllegalArgumentException("sched_setaffinity to CPUs " + CpuList.format(sorted(cpus))
                        + " failed: errno " + errno + (errno == EINVAL ? " (EINVAL: none of them is usable)" : "")
                        + (errno == 1 ? " (EPERM)" : ""));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sched_setaffinity failed", e);
        }
    }

    private static int[] sorted(int[] cpus) {
        return Arrays.stream(cpus).sorted().distinct().toArray();
    }

    /** Whether the CPU is present on this machine per /sys/devices/system/cpu/present (true if unknown). */
    private static boolean exists(int cpu) {
        if (cpu < 0) {
            return false;
        }
        try {
            int[] present = CpuList.parse(Files.readString(Path.of("/sys/devices/system/cpu/present")));
            return Arrays.binarySearch(present, cpu) >= 0;
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        try {
            return LINKER.defaultLookup()
                    .find(name)
                    .map(addr -> LINKER.downcallHandle(addr, fd, options))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
