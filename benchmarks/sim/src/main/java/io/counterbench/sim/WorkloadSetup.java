package io.counterbench.sim;

import io.counterbench.counters.CounterFactory;
import java.util.SplittableRandom;

/**
 * What a workload is built from.
 *
 * @param map the topology
 * @param factory the counters' factory (the adversary reads their batch and shape); null for a contributed counter
 * @param tasks tasks (threads) of the process
 * @param ops operations to run (workloads with phases document how they use it)
 * @param pages the workload's size: the RSS target, the hop region, the largest fork-exit process
 * @param rng the workload's own random stream
 */
record WorkloadSetup(CpuMap map, CounterFactory factory, int tasks, long ops, long pages, SplittableRandom rng) {}
