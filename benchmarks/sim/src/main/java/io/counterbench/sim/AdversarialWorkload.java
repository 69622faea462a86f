package io.counterbench.sim;

/** Plays an {@link AdversaryPlan}: the worst case of the counter it was built for. */
final class AdversarialWorkload implements Workload {
    private final AdversaryPlan plan;
    private int i;

    AdversarialWorkload(WorkloadSetup s) {
        this.plan = AdversaryPlan.of(s.factory(), s.map(), s.tasks());
    }

    @Override
    public boolean next(Op op, long exact) {
        if (i >= plan.length()) {
            return false;
        }
        op.set(plan.tasks[i], plan.cpus[i], plan.deltas[i]);
        i++;
        return true;
    }

    @Override
    public long expectedOps() {
        return plan.length();
    }
}
