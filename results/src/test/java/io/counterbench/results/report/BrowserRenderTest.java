package io.counterbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.results.Fixtures;
import io.counterbench.results.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium (Debian package chromium) loads the report of a
 * run folder with benchmarks, footprint and a simulation with drift traces. A copy of the page with
 * a checking script in front records console errors, uncaught errors and failed loads, then checks
 * that every chart figure holds an SVG the browser laid out with a size and with drawn content, and
 * that every link to a file of the run folder resolves; the test fails on any of them. A screenshot
 * of the page is written to target/browser/report.png. Without Chromium the test is skipped with a
 * message.
 */
class BrowserRenderTest {
    private static final String CHECK = """
            <script>
            window.__problems = [];
            const origError = console.error;
            console.error = function() { window.__problems.push('console.error: ' + Array.from(arguments).join(' ')); origError.apply(console, arguments); };
            window.addEventListener('error', e => {
              const t = e.target;
              window.__problems.push(t && t !== window && (t.src || t.href) ? 'failed to load ' + (t.src || t.href) : 'error: ' + e.message);
            }, true);
            window.addEventListener('load', () => {
              const figures = document.querySelectorAll('figure');
              figures.forEach(f => {
                const svg = f.querySelector('svg');
                if (!svg) { window.__problems.push('figure without a chart: ' + f.id); return; }
                const r = svg.getBoundingClientRect();
                if (r.width < 200 || r.height < 100) window.__problems.push('chart laid out too small: ' + f.id + ' ' + r.width + 'x' + r.height);
                if (svg.querySelectorAll('path, line, text').length < 20) window.__problems.push('chart with nothing drawn: ' + f.id);
              });
              document.querySelectorAll('img').forEach(i => {
                if (!i.complete || i.naturalWidth === 0) window.__problems.push('missing image: ' + i.src);
              });
              const pre = document.createElement('pre');
              pre.id = '__result';
              pre.textContent = 'FIGURES ' + figures.length + '\\n' + window.__problems.join('\\n');
              document.body.appendChild(pre);
            });
            </script>
            """;

    @Test
    void theReportRendersInHeadlessChromiumWithoutErrorsOrMissingCharts(@TempDir Path tmp) throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "skipped: no Chromium found (install the Debian package chromium, or set CHROMIUM to its path) - report.html not checked in a browser");
        Path run = Fixtures.copy("runs/with-drift", tmp, "run");
        Path flame = run.resolve(
                "profiles/001-t1/io.counterbench.bench.UpdateBenchmark.inc-Throughput-counter-TREE-placement-compact-topology-host");
        Files.createDirectories(flame);
        Files.writeString(
                flame.resolve("flame-cpu-forward.html"), "<!DOCTYPE html><title>flame</title><p>flame graph</p>");
        Reports.write(List.of(run), run);
        Path html = run.resolve("report.html");
        String page = Files.readString(html);
        int charts = countFigures(page);
        assertTrue(charts >= 15, "charts in the page: " + charts);

        Path checked = run.resolve("report-checked.html");
        Files.writeString(checked, page.replace("<head>\n", "<head>\n" + CHECK), StandardCharsets.UTF_8);
        String dom = chromium(chromium.get(), tmp, "--dump-dom", checked.toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"__result\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(
                m.find(),
                "the checking script did not run; the browser printed: "
                        + dom.substring(0, Math.min(500, dom.length())));
        String[] lines = m.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .split("\n");
        assertEquals("FIGURES " + charts, lines[0], "the browser saw every chart figure");
        List<String> problems = new ArrayList<>(List.of(lines).subList(1, lines.length));
        problems.removeIf(String::isBlank);
        assertEquals(List.of(), problems, "the browser reported problems");

        // every relative link (flame graphs) resolves to a file of the run folder
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(page);
        int links = 0;
        while (href.find()) {
            links++;
            assertTrue(Files.isRegularFile(run.resolve(href.group(1))), "link to a missing file: " + href.group(1));
        }
        assertEquals(1, links, "the flame graph of the one profiled row is linked");

        Path out = Path.of("target", "browser");
        Files.createDirectories(out);
        Path png = out.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(
                chromium.get(),
                tmp,
                "--screenshot=" + png,
                "--window-size=1280,3000",
                html.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
        Files.copy(html, out.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int countFigures(String page) {
        return page.split("<figure id=", -1).length - 1;
    }

    private static Optional<Path> chromium() {
        String env = System.getenv("CHROMIUM");
        List<String> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Runs headless Chromium with a fresh profile and returns what it printed on stdout. */
    private static String chromium(Path exe, Path tmp, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(
                exe.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium exit status for " + cmd);
        return Files.readString(stdout);
    }
}
