package io.counterbench.sim;

import java.util.List;

/**
 * The topology the scale scenario uses for N CPUs: the bundled preset of that size where there is
 * one, else a synthetic SMT2 box of 8-core LLCs (SMT siblings numbered c and c + N/2).
 */
public final class ScaleTopologies {
    public static final List<Integer> SIZES = List.of(8, 16, 32, 64, 128, 250, 256, 384, 512, 1024, 2048, 4096);

    private ScaleTopologies() {}

    static String spec(int n) {
        return switch (n) {
            case 8 -> "small-8";
            case 16 -> "small-16";
            case 32 -> "pack:1 numa:1 l3:2 core:8 pu:2 numbering:smt-split";
            case 64 -> "small-64";
            case 128 -> "pack:2 numa:1 l3:4 core:8 pu:2 numbering:smt-split";
            case 250 -> "rss-250";
            case 256 -> "pack:2 numa:2 l3:4 core:8 pu:2 numbering:smt-split";
            case 384 -> "epyc-9654-2s";
            case 512 -> "pack:2 numa:4 l3:4 core:8 pu:2 numbering:smt-split";
            case 1024 -> "synthetic-1024";
            case 2048 -> "pack:4 numa:4 l3:8 core:8 pu:2 numbering:smt-split";
            case 4096 -> "synthetic-4096";
            default -> throw new IllegalArgumentException("no scale topology for N=" + n);
        };
    }
}
