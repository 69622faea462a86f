package io.counterbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchedulerTest {
    private static final Topology T = TopologySources.load("small-64");
    private static final CpuMap MAP = CpuMap.of(T);

    @ParameterizedTest
    @EnumSource(Migration.class)
    void migrationsStayWhereThePolicySays(Migration where) {
        Scheduler s = new Scheduler(MAP, 3, MigrationRule.every(where, 1), new SplittableRandom(9));
        int[] last = {s.cpuOf(0), s.cpuOf(1), s.cpuOf(2)};
        for (int i = 0; i < 3_000; i++) {
            int task = i % 3;
            int cpu = s.cpuFor(task);
            int from = last[task];
            switch (where) {
                case STAY -> assertEquals(from, cpu);
                case ANYWHERE -> assertNotEquals(from, cpu);
                case LLC -> {
                    assertNotEquals(from, cpu);
                    assertEquals(T.domainId(from, Level.LLC), T.domainId(cpu, Level.LLC));
                }
                case NODE -> {
                    assertNotEquals(from, cpu);
                    assertEquals(T.domainId(from, Level.NUMA), T.domainId(cpu, Level.NUMA));
                }
                case PACKAGE -> assertNotEquals(T.domainId(from, Level.PACKAGE), T.domainId(cpu, Level.PACKAGE));
                case NEXT -> assertEquals((from + 1) % 64, cpu);
            }
            last[task] = cpu;
        }
        assertEquals(where == Migration.STAY ? 0 : 3_000, s.migrations());
    }

    @ParameterizedTest
    @EnumSource(
            value = Migration.class,
            names = {"ANYWHERE", "LLC"})
    void everyKAndProbability(Migration where) {
        Scheduler every = new Scheduler(MAP, 2, MigrationRule.every(where, 10), new SplittableRandom(1));
        for (int i = 0; i < 1_000; i++) {
            every.cpuFor(i % 2);
        }
        assertEquals(100, every.migrations(), "each task migrates on its 10th, 20th... operation");
        Scheduler p = new Scheduler(MAP, 2, MigrationRule.probability(where, 0.25), new SplittableRandom(1));
        for (int i = 0; i < 100_000; i++) {
            p.cpuFor(i % 2);
        }
        assertTrue(Math.abs(p.migrations() - 25_000) < 1_000, "" + p.migrations());
    }

    @ParameterizedTest
    @EnumSource(Migration.class)
    void tasksStartOnDistinctCpus(Migration where) {
        Scheduler s = new Scheduler(MAP, 64, MigrationRule.every(where, 1), new SplittableRandom(4));
        assertEquals(
                64,
                java.util.stream.IntStream.range(0, 64).map(s::cpuOf).distinct().count());
    }
}
