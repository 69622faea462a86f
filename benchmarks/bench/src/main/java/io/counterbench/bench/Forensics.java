package io.counterbench.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Candidate causes of a fork's speed, noted by the benchmarks' setup in the fork itself and
 * reported by {@link ForensicsProfiler} after every iteration: where the hot objects lie (their
 * addresses modulo 4096, from which modulo 64 follows), so that a fork's score can be set beside
 * its memory layout. Off unless the fork was started with {@code -Dcounterbench.forensics=true}
 * (run --profile stability does that); then the objects are kept here and their addresses read
 * again after every iteration, so a move by the collector shows as a change within the fork.
 *
 * <p>Addresses of heap objects come from JOL ({@code VM.current().addressOf}); a slot inside an
 * array is the array's address plus the element's offset. Nothing here runs in a measured loop.
 */
public final class Forensics {
    /** True in a fork started for the stability experiment. */
    public static final boolean ON = Boolean.getBoolean("counterbench.forensics");

    /** Name to what it names: an object (whose address is read each time) or a fixed off-heap address (a Long). */
    private static final Map<String, Object> NOTED = new LinkedHashMap<>();
    /** Name to an array and the index of the slot the fork updates in it. */
    private static final Map<String, Object[]> SLOTS = new LinkedHashMap<>();

    private Forensics() {}

    /**
     * The address knob of the stability experiment: with {@code -Dcounterbench.forensics.shift=BYTES}
     * (a multiple of 8, at least 16) a filler of that many bytes, allocated just before the counter,
     * so that the counter and (the fork's first counter) its arena chunk lie BYTES further on in the
     * allocation buffer; null without the property. The recorded addresses show where they landed.
     */
    public static Object shift() {
        String text = System.getProperty("counterbench.forensics.shift");
        if (text == null) {
            return null;
        }
        int bytes = Integer.parseInt(text.strip());
        if (bytes < 16 || bytes % 8 != 0) {
            throw new IllegalArgumentException(
                    "counterbench.forensics.shift=" + text + ": a multiple of 8 bytes, at least 16");
        }
        return new byte[bytes - 16]; // a byte[] of n elements takes 16 + n bytes (8-byte aligned)
    }

    /** Keeps {@code o} under {@code name} (null is ignored); its address is read after every iteration. */
    public static synchronized void object(String name, Object o) {
        if (ON && o != null) {
            NOTED.put(name, o);
        }
    }

    /** A fixed native address (the rseq area's cpu_id, say). */
    public static synchronized void address(String name, long address) {
        if (ON && address != 0) {
            NOTED.put(name, new NativeAddress(address));
        }
    }

    /** Element {@code index} of {@code array} (a long[]), the slot a writer updates. */
    public static synchronized void slot(String name, long[] array, int index) {
        if (ON && array != null && index >= 0 && index < array.length) {
            SLOTS.put(name, new Object[] {array, index});
        }
    }

    /**
     * A counter, its reference fields one level down (its chunk, its slot array, its caches) and,
     * for per-CPU counters laid out in an arena (flat, tree, per-node), the slot of region
     * {@code region} (a CPU; through the int[] field slotOf where the counter has one): the array field
     * named level0 or slots plus the int field named base.
     */
    public static synchronized void counter(String name, Object counter, int region) {
        if (!ON || counter == null) {
            return;
        }
        object(name, counter);
        Object inner = unwrap(counter);
        if (inner != counter) {
            object(name + ".inner", inner);
        }
        long[] arena = null;
        int base = -1;
        int[] slotOf = null;
        for (Class<?> k = inner.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object v = read(f, inner);
                if (v == null) {
                    continue;
                }
                if (!f.getType().isPrimitive()) {
                    if (!(v instanceof String) && !(v instanceof Enum<?>)) {
                        object(name + "." + f.getName(), v);
                    }
                    if (v instanceof long[] a
                            && (f.getName().equals("level0") || f.getName().equals("slots"))) {
                        arena = a;
                    }
                    if (v instanceof int[] m && f.getName().equals("slotOf")) {
                        slotOf = m; // flat and per-node: CPU to region
                    }
                } else if (f.getName().equals("base") && v instanceof Integer b) {
                    base = b;
                }
            }
        }
        int r = Math.max(0, region);
        if (slotOf != null) {
            r = r < slotOf.length ? slotOf[r] : 0;
        }
        if (arena != null && base >= 0) {
            slot(name + ".slot", arena, base + r * regionStride());
        }
    }

    /** The counter a fault-injection or library wrapper holds, if any (one field of the same interface). */
    private static Object unwrap(Object counter) {
        for (Field f : counter.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && f.getType() == io.counterbench.counters.Counter.class) {
                Object v = read(f, counter);
                if (v != null) {
                    return v;
                }
            }
        }
        return counter;
    }

    private static int regionStride() {
        try {
            Field f = io.counterbench.counters.PerCpuArena.class.getDeclaredField("REGION_STRIDE");
            f.setAccessible(true);
            return f.getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("PerCpuArena.REGION_STRIDE not readable: " + e, e);
        }
    }

    /** A field's value, or null when it cannot be read (a JDK class's private field, say). */
    static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Every noted name with its address now (objects may have moved since the last call). */
    static synchronized Map<String, Long> addresses() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (NOTED.isEmpty() && SLOTS.isEmpty()) {
            return out;
        }
        org.openjdk.jol.vm.VirtualMachine vm = org.openjdk.jol.vm.VM.current();
        NOTED.forEach((name, o) -> out.put(name, o instanceof NativeAddress n ? n.address : vm.addressOf(o)));
        long longsBase = (vm.arrayHeaderSize() + 7) & ~7L; // a long[]'s first element is 8-byte aligned
        SLOTS.forEach((name, s) -> out.put(name, vm.addressOf(s[0]) + longsBase + 8L * (Integer) s[1]));
        return out;
    }

    /** Forgets everything noted (a new trial in the same fork starts afresh). */
    static synchronized void clear() {
        NOTED.clear();
        SLOTS.clear();
    }

    private record NativeAddress(long address) {}
}
