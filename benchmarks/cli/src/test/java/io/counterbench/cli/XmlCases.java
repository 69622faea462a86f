package io.counterbench.cli;

import static io.counterbench.cli.Mutations.pick;

import io.counterbench.topology.Preset;
import io.counterbench.topology.TopologySources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Bad topologies: mutations of the hwloc XML fixtures and of the presets' synthetic strings, given to every command that takes one. */
final class XmlCases {
    static final List<String> FIXTURES = List.of(
            "vm-2cpu-real.xml",
            "pack2-numa2-l3x3-core4-pu2.xml",
            "two-socket-smt-split.xml",
            "one-socket-two-dies.xml");
    private static final Pattern PU = Pattern.compile("<object type=\"PU\"[^>]*>");
    private static final Pattern CORE_OR_PU = Pattern.compile("<object type=\"(PU|Core)\"[^>]*>");
    private static final List<String> BAD_OS_INDEX =
            List.of("-1", "2147483647", "1000000000", "65536", "x", "", "1.5", "0x1", "\u0663", "+1", " 1e3");
    private static final List<String> BAD_CPUSET = List.of(
            "zz", "", "0x", "0x0", "0x1,zz", "0x123456789", "0xffffffff,0xffffffff,0xffffffff", "0x-1", "0xf...f,zz");

    private XmlCases() {}

    /** The command lines that read a topology spec, with the spec in place of {@code %s}. */
    static List<String> command(SplittableRandom r, String spec) {
        return switch (r.nextInt(3)) {
            case 0 -> List.of("topology", "--topology", spec);
            case 1 -> List.of("run", "--dry-run", "--topology", spec);
            default ->
                List.of("simulate", "custom", "--quick", "--ops", "1000", "--topology", spec, "--out", "{case}/out");
        };
    }

    static CampaignCase hwloc(SplittableRandom r) {
        String fixture = pick(r, FIXTURES);
        byte[] original = CaseFiles.bytes(CaseFiles.fixture("topology/src/test/resources/hwloc/" + fixture));
        String xml = new String(original, StandardCharsets.UTF_8);
        String what;
        byte[] out;
        switch (r.nextInt(14)) {
            case 0 -> {
                out = Mutations.truncate(original, "</topology>", r);
                what = "truncated to " + out.length + " bytes";
            }
            case 1 -> {
                String v = pick(r, BAD_OS_INDEX);
                out = utf8(Mutations.attribute(xml, PU, "os_index", v, r));
                what = "a PU's os_index '" + v + "'";
            }
            case 2 -> {
                String v = pick(r, BAD_CPUSET);
                out = utf8(Mutations.attribute(xml, CORE_OR_PU, "cpuset", v, r));
                what = "a Core's or PU's cpuset '" + v + "'";
            }
            case 3 -> {
                out = utf8(Mutations.dropAttribute(xml, PU, "type", r));
                what = "a PU without a type";
            }
            case 4 -> {
                String decl = "<!DOCTYPE topology [<!ENTITY x \"" + "y".repeat(r.nextInt(1, 5)) + "\">]>";
                out = utf8(
                        xml.contains("<!DOCTYPE")
                                ? xml.replaceFirst("<!DOCTYPE[^>]*>", decl)
                                : xml.replaceFirst("\\?>", "?>\n" + decl));
                what = "an entity declaration";
            }
            case 5 -> {
                int depth = r.nextInt(70, 400);
                out = utf8(xml.replaceFirst("(<topology[^>]*>)", "$1" + "<object type=\"Group\">".repeat(depth))
                        .replace("</topology>", "</object>".repeat(depth) + "</topology>"));
                what = "objects nested " + depth + " deep";
            }
            case 6 -> {
                out = Mutations.notUtf8(original, xml.indexOf("<topology"), r);
                what = "bytes that are not UTF-8";
            }
            case 7 -> {
                out = utf8(xml.replace("<topology", "<topologie").replace("</topology>", "</topologie>"));
                what = "another root element";
            }
            case 8 -> {
                out = utf8(xml.replace("type=\"PU\"", "type=\"Misc\""));
                what = "no PU objects";
            }
            case 9 -> {
                out = utf8(xml + pick(r, List.of("<object type=\"PU\" os_index=\"9\"/>", "garbage", "<topology/>")));
                what = "content after the root element";
            }
            case 10 -> {
                int at = xml.indexOf("<object") + r.nextInt(1, 8);
                out = utf8(xml.substring(0, at) + "\u0000" + xml.substring(at));
                what = "a NUL character";
            }
            case 11 -> {
                out = utf8(xml.replaceFirst(
                        "<\\?xml[^>]*\\?>",
                        "<?xml version=\"1.0\" encoding=\"" + pick(r, List.of("UTF-16", "EBCDIC-XYZ", "UTF-32"))
                                + "\"?>"));
                what = "an encoding the bytes are not in";
            }
            case 12 -> {
                out = pick(r, List.of(new byte[0], "  \n\t".getBytes(StandardCharsets.UTF_8), new byte[] {
                    (byte) 0xef, (byte) 0xbb, (byte) 0xbf
                }));
                what = "an empty, blank or BOM-only file";
            }
            default -> {
                out = utf8(lastPuLikeFirst(xml));
                what = "two PUs with one os_index";
            }
        }
        byte[] content = out;
        return new CampaignCase(
                "hwloc-xml",
                fixture + ": " + what,
                List.of(CaseFiles.write("t.xml", content)),
                command(r, "{case}/t.xml"));
    }

    static CampaignCase synthetic(SplittableRandom r) {
        List<String> bases = new ArrayList<>(
                TopologySources.presets().stream().map(Preset::synthetic).toList());
        bases.add("pack:2 numa:2 l3:3 core:4 pu:2");
        String base = pick(r, bases);
        List<String> tokens = new ArrayList<>(Arrays.asList(base.strip().split("\\s+")));
        tokens.removeIf(t -> t.startsWith("numbering:"));
        int i = r.nextInt(tokens.size());
        String what;
        String spec;
        switch (r.nextInt(11)) {
            case 0 -> {
                String v = pick(r, List.of("0", "-1", "x", "", "1.5", "99999999999", "\u0663", "0x2", "+2"));
                tokens.set(i, tokens.get(i).replaceFirst(":.*", ":" + v));
                spec = String.join(" ", tokens);
                what = "count '" + v + "'";
            }
            case 1 -> {
                tokens.add(0, "group:" + r.nextInt(65537, 1 << 30));
                spec = String.join(" ", tokens);
                what = "more than 65536 PUs";
            }
            case 2 -> {
                tokens.add(i, pick(r, List.of("foo:2", "l9:2", "l1i:2", "cpu:2", "thread:2")));
                spec = String.join(" ", tokens);
                what = "an unknown level";
            }
            case 3 -> {
                String pu = tokens.removeLast();
                tokens.add(r.nextInt(tokens.size()), pu);
                spec = String.join(" ", tokens);
                what = "pu not last";
            }
            case 4 -> {
                tokens.add(i, tokens.get(i));
                spec = String.join(" ", tokens);
                what = "a level twice";
            }
            case 5 -> {
                boolean last = r.nextBoolean();
                String n = last ? "numbering:" + pick(r, List.of("zigzag", "", "smt")) : "numbering:linear";
                tokens.add(last ? tokens.size() : 0, n);
                spec = String.join(" ", tokens);
                what = "numbering '" + n + "'" + (last ? "" : " not last");
            }
            case 6 -> {
                tokens.set(tokens.size() - 1, tokens.getLast() + "(indexes=0,1)");
                spec = String.join(" ", tokens);
                what = "hwloc's indexes= attribute";
            }
            case 7 -> {
                tokens.set(i, tokens.get(i).replace(":", pick(r, List.of(";", "=", "::", ": "))));
                spec = String.join(" ", tokens);
                what = "a token that is not name:count";
            }
            case 8 -> {
                spec = pick(r, List.of("machine:1", "machine:2 pu:2", "pack:2", "pu:2 machine:1", ":", "pu:"));
                what = "no usable pu level";
            }
            case 9 -> {
                spec = pick(r, List.of("", "   ", "pu", "host2", "x.json", "nosuchpreset"));
                what = "not a topology spec";
            }
            default -> {
                tokens.set(i, tokens.get(i) + pick(r, List.of("\u0007", "\u00e9", "\u200b", "\t\u0000")));
                spec = String.join(" ", tokens);
                what = "a control or odd character in a token";
            }
        }
        return new CampaignCase("synthetic", base + " -> " + what, List.of(), command(r, spec));
    }

    /** The last PU's os_index set to the first PU's (they differ in every fixture). */
    private static String lastPuLikeFirst(String xml) {
        var m = Pattern.compile("<object type=\"PU\"[^>]*\\bos_index=\"([^\"]*)\"")
                .matcher(xml);
        m.find();
        String first = m.group(1);
        int start = -1;
        int end = -1;
        do {
            start = m.start(1);
            end = m.end(1);
        } while (m.find());
        return xml.substring(0, start) + first + xml.substring(end);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
