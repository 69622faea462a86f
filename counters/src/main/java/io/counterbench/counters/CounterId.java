package io.counterbench.counters;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every counter implementation, by id: the one registration of a built-in counter, which builds it
 * and declares its {@link CounterLayout}. Adding one is its class and a constant here, plus its id in
 * the benchmarks' one {@code @Param} list and its chart style (the README's layout section lists the
 * files; a test fails when one is missing).
 */
public enum CounterId implements CounterType {
    /** AtomicLong: exact, every writer on one line. */
    ATOMIC("atomic", "AtomicLong", CounterLayout.ONE_LINE) {
        @Override
        long kernelLayoutBytes(CounterFactory f) {
            return 8;
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new AtomicCounter(f.topology().cpuIdLimit());
        }
    },
    /** LongAdder: exact, striped by thread probe. */
    ADDER("adder", "LongAdder", CounterLayout.OPAQUE) {
        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new AdderCounter(f.topology().cpuIdLimit());
        }
    },
    /** JCTools' FixedSizeStripedLongCounter, one stripe per CPU. */
    JCTOOLS("jctools", "JCTools striped counter", CounterLayout.OPAQUE) {
        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new JctoolsCounter(f.topology().puCount(), f.topology().cpuIdLimit());
        }
    },
    /** Per-task caches flushed every {@code batch} events (default 64), as Linux before 6.2. */
    PER_THREAD("per-thread", "per-thread cache, flushed every 64 events", CounterLayout.TASK_CACHES) {
        @Override
        long defaultBatch(Topology t) {
            return 64;
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new PerThreadCounter(f.batch(), f.topology().cpuIdLimit(), f.observer());
        }
    },
    /** One slot per NUMA node, flushed at +-batch (default 32) into a total. */
    PER_NODE("per-node", "per-NUMA-node slots, batch 32", CounterLayout.NODE_SLOTS) {
        @Override
        long defaultBatch(Topology t) {
            return 32;
        }

        @Override
        int regions(Topology t) {
            return t.domainCount(Level.NUMA);
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new BatchedCounter(this, lease, f.nodeOf(), regions(f.topology()), f.batch(), f.observer());
        }
    },
    /** Linux percpu_counter: per-CPU slots, batch max(32, 2N), flushed into a total. */
    FLAT("flat", "percpu_counter, batch max(32, 2N)", CounterLayout.CPU_SLOTS) {
        @Override
        long defaultBatch(Topology t) {
            return Math.max(32, 2L * t.puCount());
        }

        @Override
        int regions(Topology t) {
            return t.cpuIdLimit();
        }

        @Override
        long kernelLayoutBytes(CounterFactory f) {
            return 8L * regions(f.topology());
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new BatchedCounter(this, lease, f.identity(), regions(f.topology()), f.batch(), f.observer());
        }
    },
    /** HPCC with the kernel's arity table, batch 32 by default (RSS_STAT_BATCH_SIZE). */
    TREE("tree", "hierarchical per-CPU tree (kernel arity)", CounterLayout.TREE) {
        @Override
        long defaultBatch(Topology t) {
            return 32;
        }

        @Override
        boolean needsPowerOfTwoBatch() {
            return true;
        }

        @Override
        TreeShape shape(Topology t) {
            return TreeShape.kernel(t.cpuIdLimit());
        }

        @Override
        int regions(Topology t) {
            return t.cpuIdLimit();
        }

        @Override
        long kernelLayoutBytes(CounterFactory f) {
            return treeKernelLayoutBytes(f.shape());
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new TreeCounter(this, f.shape(), f.batch(), lease, f.observer());
        }
    },
    /** HPCC whose levels follow the topology's domains (SMT, core, LLC, node, package). */
    TREE_TOPO("tree-topo", "hierarchical per-CPU tree (topology levels)", CounterLayout.TREE) {
        @Override
        long defaultBatch(Topology t) {
            return 32;
        }

        @Override
        boolean needsPowerOfTwoBatch() {
            return true;
        }

        @Override
        TreeShape shape(Topology t) {
            return TreeShape.topology(t);
        }

        @Override
        int regions(Topology t) {
            return t.cpuIdLimit();
        }

        @Override
        long kernelLayoutBytes(CounterFactory f) {
            return treeKernelLayoutBytes(f.shape());
        }

        @Override
        Counter build(CounterFactory f, SlotLease lease) {
            return new TreeCounter(this, f.shape(), f.batch(), lease, f.observer());
        }
    };

    private final String id;
    private final String description;
    private final CounterLayout layout;

    CounterId(String id, String description, CounterLayout layout) {
        this.id = id;
        this.description = description;
        this.layout = layout;
    }

    /** The id users type: "tree-topo". */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    /** Which lines its adds write and its reads visit (the simulator models it by this). */
    public CounterLayout layout() {
        return layout;
    }

    @Override
    public boolean builtIn() {
        return true;
    }

    /** A factory for counters of this id on {@code topology}; {@code batch} 0 picks the default. */
    @Override
    public CounterFactory factory(Topology topology, long batch) {
        return new CounterFactory(this, topology, batch);
    }

    /** One counter with the default batch. */
    public Counter create(Topology topology) {
        return factory(topology, 0).create();
    }

    long defaultBatch(Topology t) {
        return 0;
    }

    boolean needsPowerOfTwoBatch() {
        return false;
    }

    TreeShape shape(Topology t) {
        return null;
    }

    /** Per-CPU (or per-node) regions a counter takes one arena slot in, or 0 when it has no per-CPU slots. */
    int regions(Topology t) {
        return 0;
    }

    /**
     * Bytes the kernel's layout of this structure needs for one counter, or -1 where the kernel has
     * no such structure: 8 per per-CPU slot, plus one 64-byte line per tree item.
     */
    long kernelLayoutBytes(CounterFactory f) {
        return -1;
    }

    static long treeKernelLayoutBytes(TreeShape shape) {
        return 8L * shape.cpuSlots() + 64L * shape.itemCount();
    }

    /** One counter; {@code lease} is its arena slot when {@link #regions} is not 0, else null. */
    abstract Counter build(CounterFactory f, SlotLease lease);

    /** Parses an id ("tree-topo") or a constant name ("TREE_TOPO"), case-insensitively. */
    public static CounterId parse(String text) {
        CounterId c = lookup(text);
        if (c != null) {
            return c;
        }
        throw new IllegalArgumentException("unknown counter id '" + text + "' (known: "
                + Arrays.stream(values()).map(CounterId::id).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The built-in an id ("tree-topo") or a constant name ("TREE_TOPO") names, ignoring case and
     * surrounding blanks, or null: the one place a typed counter id is matched against the built-ins.
     */
    public static CounterId lookup(String text) {
        String t = text.strip();
        for (CounterId c : values()) {
            if (c.id.equalsIgnoreCase(t) || c.name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
