package io.counterbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bad-input campaign's generator: a seed and a size give the same cases every time, drawn
 * from the families by weight (results, topologies, paths, flags), duplicates left out.
 */
final class Campaign {
    /** A generator of cases; {@code k} counts the family's draws (flags go through the options in turn). */
    interface Generator {
        CampaignCase make(SplittableRandom r, int k);
    }

    record Family(String name, int weight, Generator generator) {}

    static final List<Family> FAMILIES = List.of(
            new Family("hwloc-xml", 14, (r, k) -> XmlCases.hwloc(r)),
            new Family("synthetic", 7, (r, k) -> XmlCases.synthetic(r)),
            new Family("jmh-json", 17, (r, k) -> JsonCases.jmh(r)),
            new Family("run-folder", 22, (r, k) -> JsonCases.runFolder(r)),
            new Family("odd-path", 12, (r, k) -> PathCases.special(r)),
            new Family("flags", 28, FlagCases::flag));

    private Campaign() {}

    /** {@code count} distinct cases for {@code seed}. */
    static List<CampaignCase> generate(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        int total = FAMILIES.stream().mapToInt(Family::weight).sum();
        Map<String, CampaignCase> out = new LinkedHashMap<>();
        int[] draws = new int[FAMILIES.size()];
        for (int attempt = 0; out.size() < count && attempt < 50 * count; attempt++) {
            int w = r.nextInt(total);
            int f = 0;
            while (w >= FAMILIES.get(f).weight()) {
                w -= FAMILIES.get(f).weight();
                f++;
            }
            CampaignCase c = FAMILIES.get(f).generator().make(r.split(), draws[f]++);
            out.putIfAbsent(c.key(), c);
        }
        return new ArrayList<>(out.values());
    }
}
