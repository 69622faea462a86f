package io.counterbench.topology;

import io.counterbench.inputs.Limits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed hwloc synthetic string such as {@code pack:2 numa:2 l3:6 core:8 pu:2 numbering:smt-split}:
 * levels outermost first, each with its arity (children per parent), PU last, and an optional
 * trailing {@code numbering:linear|smt-split}. Group levels and caches inside the outermost one
 * multiply the counts but are not levels of the model ({@code level() == null}).
 *
 * @param tiers the levels as written (machine left out), outermost first
 * @param numbering how PUs get their OS numbers
 */
public record SyntheticSpec(List<Tier> tiers, Numbering numbering) {
    /** Most PUs a synthetic topology may have: as many as any topology ({@link Limits#MAX_CPUS}). */
    public static final int MAX_PUS = Limits.MAX_CPUS;

    private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?::([^()]*))?(?:\\((.*)\\))?");
    private static final Pattern CACHE = Pattern.compile("l([1-5])([dui]?)(?:cache)?");
    private static final String KNOWN =
            "machine, pack/package/socket, die, group, numa/node/numanode, " + "l3/l3cache/llc (and l1..l5), core, pu";

    /**
     * One level of the string.
     *
     * @param token the token as written, for messages
     * @param name the canonical short name (pack, numa, l3, group, ...)
     * @param level the model level, or null for an ignored one (group, an inner cache)
     * @param cacheDepth 1..5 for a cache token (6 for llc), 0 otherwise
     * @param count children per parent, at least 1
     */
    public record Tier(String token, String name, Level level, int cacheDepth, int count) {}

    public SyntheticSpec {
        tiers = List.copyOf(tiers);
    }

    /** Parses a synthetic string; malformed ones give an IllegalArgumentException naming the token. */
    public static SyntheticSpec parse(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty synthetic topology string");
        }
        List<Tier> tiers = new ArrayList<>();
        Set<Level> seen = EnumSet.noneOf(Level.class);
        Numbering numbering = null;
        int lastOrdinal = Level.MACHINE.ordinal();
        int lastCache = Integer.MAX_VALUE;
        long pus = 1;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.toLowerCase(Locale.ROOT).startsWith("numbering:")) {
                if (i != tokens.length - 1) {
                    throw bad(text, "'" + token + "' must be the last token");
                }
                numbering = parseNumbering(text, token);
                continue;
            }
            if (seen.contains(Level.PU)) {
                throw bad(text, "'" + token + "' comes after pu (pu must be the last level)");
            }
            Matcher m = TOKEN.matcher(token);
            if (!m.matches()) {
                throw bad(text, "cannot read token '" + token + "' (expected name:count, e.g. core:8)");
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            rejectIndexes(text, token, m.group(3));
            if (name.equals("machine")) {
                if (i != 0 || (m.group(2) != null && !m.group(2).equals("1"))) {
                    throw bad(text, "'" + token + "': machine may only come first, with count 1");
                }
                continue;
            }
            int count = parseCount(text, token, m.group(2));
            Matcher cache = CACHE.matcher(name);
            Tier tier;
            if (cache.matches() || name.equals("llc")) {
                boolean llc = name.equals("llc");
                int depth = llc ? 6 : Integer.parseInt(cache.group(1));
                if (!llc && cache.group(2).equals("i")) {
                    throw bad(text, "'" + token + "': instruction caches cannot be levels of a CPU topology");
                }
                if (depth == lastCache || (llc && seen.contains(Level.LLC))) {
                    throw bad(text, "level '" + token + "' appears twice");
                }
                if (depth > lastCache) {
                    throw bad(text, "'" + token + "' is out of order (caches go outermost first: l3 before l2)");
                }
                lastCache = depth;
                boolean outermost = !seen.contains(Level.LLC);
                tier = new Tier(token, llc ? "llc" : "l" + depth, outermost ? Level.LLC : null, depth, count);
            } else if (name.equals("group") || name.matches("group[0-9]+")) {
                tier = new Tier(token, "group", null, 0, count);
            } else {
                Level level = levelOf(name);
                if (level == null) {
                    throw bad(text, "unknown level '" + token + "' (known: " + KNOWN + ")");
                }
                tier = new Tier(token, level.shortName(), level, 0, count);
            }
            Level order = tier.cacheDepth() > 0 ? Level.LLC : tier.level();
            if (order != null) {
                if (tier.cacheDepth() == 0 && seen.contains(tier.level())) {
                    throw bad(text, "level '" + token + "' appears twice");
                }
                if (order.ordinal() < lastOrdinal) {
                    throw bad(
                            text,
                            "'" + token + "' is out of order (levels go outermost first: "
                                    + "pack, die, numa, l3, core, pu)");
                }
                lastOrdinal = order.ordinal();
                if (tier.level() != null) {
                    seen.add(tier.level());
                }
            }
            pus *= count;
            if (pus > MAX_PUS) {
                throw bad(text, "more than " + MAX_PUS + " PUs at '" + token + "'");
            }
            tiers.add(tier);
        }
        if (!seen.contains(Level.PU)) {
            throw bad(text, "no pu level (it must be the last one, e.g. pu:2)");
        }
        return new SyntheticSpec(tiers, numbering == null ? Numbering.LINEAR : numbering);
    }

    /** Total number of PUs: the product of the counts. */
    public int puCount() {
        int n = 1;
        for (Tier t : tiers) {
            n *= t.count();
        }
        return n;
    }

    /** The tier of a model level, or null when the string does not name it. */
    public Tier tier(Level level) {
        for (Tier t : tiers) {
            if (t.level() == level) {
                return t;
            }
        }
        return null;
    }

    /** PUs under one domain of the given tier (the product of the counts inside it). */
    public int pusUnder(Tier tier) {
        int n = 1;
        for (int i = tiers.size() - 1; i >= 0 && tiers.get(i) != tier; i--) {
            n *= tiers.get(i).count();
        }
        return n;
    }

    /** The canonical string: short level names, counts, and the numbering when not linear. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Tier t : tiers) {
            sb.append(sb.isEmpty() ? "" : " ").append(t.name()).append(':').append(t.count());
        }
        if (numbering != Numbering.LINEAR) {
            sb.append(" numbering:").append(numbering.label());
        }
        return sb.toString();
    }

    private static Level levelOf(String name) {
        return switch (name) {
            case "pack", "package", "socket" -> Level.PACKAGE;
            case "die" -> Level.DIE;
            case "numa", "node", "numanode" -> Level.NUMA;
            case "core" -> Level.CORE;
            case "pu" -> Level.PU;
            default -> null;
        };
    }

    private static int parseCount(String text, String token, String count) {
        if (count == null || count.isEmpty()) {
            throw bad(text, "'" + token + "' has no count (write it as name:count, e.g. core:8)");
        }
        int n;
        try {
            n = count.matches("[0-9]+") ? Integer.parseInt(count) : -1;
        } catch (NumberFormatException e) {
            throw bad(text, "count in '" + token + "' is too large (at most " + MAX_PUS + " PUs in all)");
        }
        if (n <= 0) {
            throw bad(text, "count in '" + token + "' is not a positive integer");
        }
        return n;
    }

    private static Numbering parseNumbering(String text, String token) {
        try {
            return Numbering.parse(token.substring(token.indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            throw bad(text, "'" + token + "': " + e.getMessage());
        }
    }

    private static void rejectIndexes(String text, String token, String attributes) {
        if (attributes != null && attributes.contains("indexes")) {
            throw bad(
                    text,
                    "'" + token + "': hwloc's indexes= attribute is not supported; "
                            + "append numbering:smt-split or numbering:linear instead");
        }
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("bad synthetic topology '" + text.strip() + "': " + problem);
    }
}
