package io.counterbench.sim;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterBuilder;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.results.util.Progress;
import java.util.SplittableRandom;

/**
 * Runs one {@link SimSpec}: single-threaded, deterministic for its seed, against the real counter
 * code through {@code add(cpu, task, delta)}. After every operation it compares approximate() with
 * an exact shadow value (approximate() is O(1) for the batched counters, so this is exact and cheap)
 * and checks the deviation against accuracy(); every {@value #CHECK_EVERY} operations, at every
 * process exit and at the end it also checks precise() against the shadow. The loop allocates
 * nothing.
 */
final class Engine {
    static final int CHECK_EVERY = 1 << 16;

    private Engine() {}

    static SimResult run(SimSpec s, Progress progress) {
        SplittableRandom root = new SplittableRandom(s.seed());
        SplittableRandom schedulerRng = root.split();
        SplittableRandom workloadRng = root.split();
        // a built-in through its factory (observed by the coherence model); a contributed type through its own
        CounterFactory base =
                s.id() instanceof CounterId builtIn ? builtIn.factory(s.map().topology(), s.batch()) : null;
        Coherence coherence = Coherence.forCounter(s.id(), s.map(), s.tasks(), base);
        CounterFactory factory = base == null ? null : base.observedBy(coherence);
        CounterBuilder make = factory != null ? factory : s.id().factory(s.map().topology(), s.batch());
        long batch = factory != null ? factory.batch() : s.batch();
        Scheduler scheduler = new Scheduler(s.map(), s.tasks(), s.migration(), schedulerRng);
        Workload workload = MixWorkload.of(
                s.workload().create(new WorkloadSetup(s.map(), factory, s.tasks(), s.ops(), s.pages(), workloadRng)),
                s.reads(),
                s.tasks());
        Counter counter = make.create();
        Accuracy accuracy = counter.accuracy();
        long under = accuracy.under();
        long over = accuracy.over();
        CounterModel model = CounterModel.of(s.id());
        boolean growingBound = model.boundGrowsWithDeltas();
        long[] largestDelta = new long[s.tasks()];
        long widestUnder = under;
        long widestOver = over;

        long exact = 0;
        long minDev = 0;
        long maxDev = 0;
        double sumAbs = 0;
        long violations = 0;
        String firstViolation = null;
        long checks = 0;
        long mismatches = 0;
        long exits = 0;
        long worstExit = 0;
        long ops = 0;
        long sinceProgress = 0;
        DriftTrace drift = new DriftTrace(s.ops());
        Op op = new Op();
        long start = System.nanoTime();
        while (workload.next(op, exact)) {
            int task = op.task;
            if (op.read != null) {
                // a read of the mix: no add, so no new deviation; the exact read must be exact
                int at = op.cpu >= 0 ? op.cpu : scheduler.cpuOf(task);
                if (coherence != null) {
                    coherence.read(at, task, op.read == ReadMix.Kind.PRECISE);
                }
                if (op.read == ReadMix.Kind.PRECISE) {
                    checks++;
                    if (counter.precise() != exact) {
                        mismatches++;
                    }
                } else {
                    counter.approximate();
                }
                continue;
            }
            int cpu = op.cpu >= 0 ? op.cpu : scheduler.cpuFor(task);
            long delta = op.delta;
            if (coherence != null) {
                coherence.beforeAdd(cpu, task);
            }
            counter.add(cpu, task, delta);
            exact = Math.addExact(exact, delta);
            if (growingBound && Math.abs(delta) > largestDelta[task]) {
                // per-thread's bound grows with the largest |delta| of each task: O(tasks) to read
                largestDelta[task] = Math.abs(delta);
                accuracy = counter.accuracy();
                under = accuracy.under();
                over = accuracy.over();
                widestUnder = Math.max(widestUnder, under);
                widestOver = Math.max(widestOver, over);
            }
            long dev = counter.approximate() - exact;
            if (dev < minDev) {
                minDev = dev;
            } else if (dev > maxDev) {
                maxDev = dev;
            }
            sumAbs += Math.abs(dev);
            drift.record(dev);
            if (dev < -under || dev > over) {
                if (violations++ == 0) {
                    firstViolation = "after operation " + (ops + 1) + ": approximate - precise = " + dev + " outside [-"
                            + under + ", " + over + "]";
                }
            }
            ops++;
            if (op.exit) {
                checks++;
                if (counter.precise() != exact) {
                    mismatches++;
                }
                worstExit = Math.max(worstExit, Math.abs(counter.approximate() - exact));
                counter = make.create();
                exact = 0;
                exits++;
                if (coherence != null) {
                    coherence.fresh();
                }
                for (int t = 0; t < s.tasks(); t++) {
                    scheduler.place(t);
                    largestDelta[t] = 0;
                }
                accuracy = counter.accuracy();
                under = accuracy.under();
                over = accuracy.over();
            }
            if (++sinceProgress == CHECK_EVERY) {
                checks++;
                if (counter.precise() != exact) {
                    mismatches++;
                }
                progress.tick(sinceProgress);
                sinceProgress = 0;
            }
        }
        long elapsed = System.nanoTime() - start;
        progress.tick(sinceProgress);
        checks++;
        if (counter.precise() != exact) {
            mismatches++;
        }
        long finalDev = counter.approximate() - exact;
        accuracy = counter.accuracy();
        widestUnder = Math.max(widestUnder, accuracy.under());
        widestOver = Math.max(widestOver, accuracy.over());
        Long reachable = factory == null ? null : model.reachableUnder(factory, s.map());
        return new SimResult(
                s,
                batch,
                ops,
                widestUnder,
                widestOver,
                -minDev,
                maxDev,
                ops == 0 ? 0 : sumAbs / ops,
                finalDev,
                violations,
                firstViolation,
                checks,
                mismatches,
                scheduler.migrations(),
                exits,
                worstExit,
                reachable,
                coherence == null ? null : coherence.stats(ops),
                drift,
                elapsed);
    }
}
