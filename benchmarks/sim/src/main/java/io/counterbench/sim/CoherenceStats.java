package io.counterbench.sim;

/**
 * What the coherence model counted over {@code ops} operations: writes to the always-written lines
 * ("slot") and to slow-path lines ("upper": tree items and root, flush totals), and the writes that
 * moved a line from another CPU, by distance class ({@link CpuMap#SIBLING} .. {@link CpuMap#OTHER_PACKAGE});
 * in a read/update mix, the reads and the moves they caused ({@code readMoves}: lines a read fetched, and copies
 * a later write had to invalidate). {@code ops} counts the adds only.
 */
record CoherenceStats(
        long ops,
        long slotWrites,
        long upperWrites,
        long[] slotMoves,
        long[] upperMoves,
        long reads,
        long[] readMoves) {

    /** Writes that took a line last written at {@code atLeast} or farther (a CpuMap class). */
    long movesFrom(int atLeast) {
        long n = 0;
        for (int c = atLeast; c < CpuMap.CLASSES; c++) {
            n += slotMoves[c] + upperMoves[c];
        }
        return n;
    }

    /** Per million operations. */
    double perMillion(long count) {
        return ops == 0 ? 0 : count * 1e6 / ops;
    }

    /** Line moves from another core (any farther class included), per million operations. */
    double otherCorePerMop() {
        return perMillion(movesFrom(CpuMap.OTHER_CORE));
    }

    double otherLlcPerMop() {
        return perMillion(movesFrom(CpuMap.OTHER_LLC));
    }

    double otherNodePerMop() {
        return perMillion(movesFrom(CpuMap.OTHER_NODE));
    }

    double otherPackagePerMop() {
        return perMillion(movesFrom(CpuMap.OTHER_PACKAGE));
    }

    /** Slow-path writes (carries, flushes) per million operations. */
    double upperWritesPerMop() {
        return perMillion(upperWrites);
    }
}
