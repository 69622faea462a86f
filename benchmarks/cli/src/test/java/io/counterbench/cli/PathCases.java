package io.counterbench.cli;

import static io.counterbench.cli.Mutations.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paths that do not name a usable regular file, where a command reads one: fifos (which block a
 * naive reader forever), folders, devices and links to them, dangling links and link loops, huge
 * sparse files, paths through a file, names too long, empty, with a NUL byte or a newline.
 */
final class PathCases {
    private PathCases() {}

    static CampaignCase special(SplittableRandom r) {
        boolean xml = r.nextInt(3) == 0;
        String ext = xml ? ".xml" : ".json";
        String name = "{case}/f" + ext;
        List<CampaignCase.Step> files = new ArrayList<>();
        String what = pick(
                r,
                List.of(
                        "fifo",
                        "folder",
                        "link to /dev/zero",
                        "link to /dev/urandom",
                        "/dev/null",
                        "dangling link",
                        "link loop",
                        "3 GiB hole",
                        "path through a file",
                        "name too long",
                        "missing",
                        "empty path",
                        "NUL in the path",
                        "newline in the name",
                        "link to a fifo"));
        String path = name;
        switch (what) {
            case "fifo" -> files.add(CaseFiles.fifo("f" + ext));
            case "folder" -> files.add(CaseFiles.folder("f" + ext));
            case "link to /dev/zero" -> files.add(CaseFiles.link("f" + ext, "/dev/zero"));
            case "link to /dev/urandom" -> files.add(CaseFiles.link("f" + ext, "/dev/urandom"));
            case "/dev/null" -> files.add(CaseFiles.link("f" + ext, "/dev/null"));
            case "dangling link" -> files.add(CaseFiles.link("f" + ext, "{case}/nowhere" + ext));
            case "link loop" -> {
                files.add(CaseFiles.link("f" + ext, "{case}/g" + ext));
                files.add(CaseFiles.link("g" + ext, "{case}/f" + ext));
            }
            case "3 GiB hole" -> files.add(CaseFiles.sparse("f" + ext, 3L << 30));
            case "path through a file" -> path = "{shared}/a-file/f" + ext;
            case "name too long" -> path = "{case}/" + "n".repeat(r.nextInt(256, 5000)) + ext;
            case "missing" -> path = "{case}/missing" + ext;
            case "empty path" -> path = "";
            case "NUL in the path" -> path = "{case}/f\u0000" + ext;
            case "link to a fifo" -> {
                files.add(CaseFiles.fifo("p" + ext));
                files.add(CaseFiles.link("f" + ext, "{case}/p" + ext));
            }
            default -> {
                path = "{case}/a\nb" + ext;
                files.add(CaseFiles.write("a\nb" + ext, xml ? "<topology>" : "[{"));
            }
        }
        List<String> args;
        if (xml) {
            args = XmlCases.command(r, path);
        } else {
            args = switch (r.nextInt(4)) {
                case 0 -> List.of("report", path, "--out", "{case}/out");
                case 1 -> List.of("gate", "--baseline", path, "--current", "{shared}/good-run");
                case 2 -> List.of("gate", "--baseline", "{shared}/good-run", "--current", path);
                default -> List.of("export", path, "{case}/out.json");
            };
        }
        return new CampaignCase("odd-path", what + " (" + ext + ")", files, args);
    }
}
