/**
 * Distribution-free statistics with the JVM fork as the unit: the exact null distributions of the
 * Wilcoxon signed-rank statistic ({@link io.counterbench.results.stats.SignedRank}, paired forks)
 * and of the Mann-Whitney statistic ({@link io.counterbench.results.stats.RankSum}, forks of two
 * runs taken apart), and the Hodges-Lehmann shift estimates with the confidence bounds that invert
 * those tests ({@link io.counterbench.results.stats.Shift}). Everything is on whatever scale the
 * caller passes in; the gate passes logarithms of time per operation, so a shift is a log ratio.
 */
package io.counterbench.results.stats;
