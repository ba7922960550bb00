package org.racelab.harness.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.racelab.harness.cli.Cli;
import org.racelab.harness.run.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * report.html and compare.html as a reader sees them: written by the CLI, opened from file:// in
 * Debian's headless Chromium through its chromedriver. Each page must log no console error and
 * break no rule of its Content-Security-Policy, show every section its bundles call for, and not
 * scroll sideways in a 1280 px wide window. In a 400 px window the pages' wide tables do stick out
 * (the page scrolls sideways); nothing else may. Full-page screenshots (1280 px) land in
 * target/browser/, with chromedriver's log.
 *
 * <p>Without /usr/bin/chromium and /usr/bin/chromedriver the test is skipped, unless
 * RACELAB_REQUIRE_BROWSER=1 (CI sets it): then it fails.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Maven runs the tests in the module's folder. */
    private static final Path FIXTURES = Path.of("src/test/resources/report");
    private static final Path SHOTS = Path.of("target/browser");
    private static final int WIDE = 1280;
    private static final int NARROW = 400;
    private static final int HEIGHT = 900;

    /**
     * Runs in each page before its own content, through CDP (not subject to the page's CSP):
     * records every securitypolicyviolation event the page raises.
     */
    private static final String CSP_LISTENER = """
            window.__racelabCsp = [];
            window.addEventListener('securitypolicyviolation', e => window.__racelabCsp.push(
                e.effectiveDirective + ' blocked ' + (e.blockedURI || '?') + ' at line ' + e.lineNumber
                + (e.sample ? ': ' + e.sample : '')), true);
            """;

    /** Selenium Manager (which would download drivers) must never run: its log is watched. */
    private static final Logger SELENIUM_MANAGER_LOG = Logger.getLogger("org.openqa.selenium.manager");
    private static final Logger DRIVER_FINDER_LOG = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
    /**
     * Selenium looks for a DevTools binding of this Chromium's version and warns that it has none;
     * the test needs none: it only sends CDP commands through chromedriver.
     */
    private static final Logger CDP_VERSION_FINDER_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final List<String> seleniumManagerSaid = new ArrayList<>();
    private static final List<String> driverFinderSaid = new ArrayList<>();

    @TempDir
    static Path tmp;

    private static ChromeDriver driver;
    private static Path reportPage;
    private static Path benchReportPage;
    private static Path comparePage;

    /** What is missing to run the test, or null. */
    private static String missing;

    @BeforeAll
    static void writePagesAndStartChromium() throws IOException {
        missing = missingBrowser();
        if (missing != null) {
            if ("1".equals(System.getenv("RACELAB_REQUIRE_BROWSER"))) {
                fail("RACELAB_REQUIRE_BROWSER=1, but " + missing);
            }
            System.err.println("ReportInBrowserTest skipped: " + missing);
            return;
        }
        cli("report", fixture("bundle-2cpu.json"), "--out", tmp.resolve("report").toString());
        reportPage = tmp.resolve("report/report.html");
        cli("report", fixture("bundle-bench.json"), "--out", tmp.resolve("bench").toString());
        benchReportPage = tmp.resolve("bench/report.html");
        cli("compare", fixture("bundle-2cpu.json"), fixture("bundle-1cpu.json"), fixture("bundle-bench.json"),
                "--out", tmp.resolve("compare").toString());
        comparePage = tmp.resolve("compare/compare.html");
        Files.createDirectories(SHOTS);
        driver = startChromium();
    }

    /** Each test, not the class, is skipped: Maven's surefire then reports the skips and why. */
    @BeforeEach
    void browserInstalled() {
        assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void seleniumManagerNeverRan() {
        assertEquals(List.of(), seleniumManagerSaid, "Selenium Manager ran");
        assertTrue(driverFinderSaid.stream().anyMatch(s -> s.startsWith("Skipping Selenium Manager")),
                "Selenium did not report skipping Selenium Manager: " + driverFinderSaid);
    }

    @Test
    void reportOfAStressAndSchedRun() {
        List<String> problems = open(reportPage, "report");
        problems.addAll(section("machine", "This machine"));
        problems.addAll(atLeast(3, "#machine table.facts tr"));
        problems.addAll(section("lessons", "Lessons: the race cases"));
        problems.addAll(atLeast(3, "#lessons article.card"));
        problems.addAll(atLeast(3, "#lessons article.card .variant .chart svg"));
        problems.addAll(atLeast(1, "#lessons table.outcomes tr.interesting"));
        problems.addAll(section("sched", "Scheduling"));
        problems.addAll(atLeast(1, "#sched pre"));
        problems.addAll(atLeast(1, "#sched .chart svg"));
        problems.addAll(everyChecked("report"));
        assertEquals(List.of(), problems, "report.html of bundle-2cpu.json in Chromium");
    }

    @Test
    void reportOfABenchRun() {
        List<String> problems = open(benchReportPage, "report-bench");
        problems.addAll(section("machine", "This machine"));
        problems.addAll(atLeast(3, "#machine table.facts tr"));
        problems.addAll(section("bench", "Benchmarks: platform vs virtual threads"));
        problems.addAll(atLeast(1, "#bench .bench .chart svg"));
        problems.addAll(atLeast(1, "#bench .bench table tr.headline"));
        problems.addAll(everyChecked("report-bench"));
        assertEquals(List.of(), problems, "report.html of bundle-bench.json in Chromium");
    }

    @Test
    void compareOfThreeBundles() {
        List<String> problems = open(comparePage, "compare");
        problems.addAll(section("machines", "Machines"));
        problems.addAll(atLeast(3, "#machines table tr th + td"));
        problems.addAll(section("races", "Races"));
        problems.addAll(atLeast(1, "#races tr.flagged"));
        problems.addAll(section("bench", "Benchmarks"));
        problems.addAll(section("sched", "Scheduling"));
        problems.addAll(everyChecked("compare"));
        assertEquals(List.of(), problems, "compare.html of three bundles in Chromium");
    }

    @Test
    void theChecksCatchABrokenPage() throws IOException {
        String html = Files.readString(reportPage);
        String broken = html
                .replace("<main>", "<main><script>document.title = 'ran';</script>"
                        + "<div style=\"width: 3000px\">wider than any window</div>")
                .replace("<section id=\"sched\">", "<section id=\"elsewhere\">");
        assertTrue(!broken.equals(html) && broken.contains("<script>") && !broken.contains("id=\"sched\""),
                "the page to break has changed shape");
        Path page = Files.writeString(tmp.resolve("broken.html"), broken);
        List<String> problems = open(page, "broken");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("broken: console error:")
                && p.contains("Content Security Policy")), "no console error seen: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("broken: CSP violation: script-src")),
                "no CSP violation seen: " + problems);
        assertNotEquals("ran", driver.getTitle(), "the inline script ran");
        assertEquals(List.of("no section #sched with a heading"), section("sched", "Scheduling"));
        Overflow wide = overflow(WIDE);
        assertTrue(wide.overflows() && wide.stickingOut().toString().contains("wider than any window"),
                "the 3000 px element went unnoticed: " + wide);
    }

    // ---- the checks every page gets

    /**
     * Opens the page at 1280 px and returns what went wrong while it loaded: console errors and
     * CSP violations.
     */
    private static List<String> open(Path page, String name) {
        driver.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
        viewport(WIDE);
        driver.get(page.toUri().toString());
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add(name + ": console error: " + e.getMessage());
            }
        }
        Object csp = driver.executeScript("return window.__racelabCsp;");
        if (!(csp instanceof List<?> violations)) {
            problems.add(name + ": the CSP listener did not run in the page (got " + csp + ")");
        } else {
            violations.forEach(v -> problems.add(name + ": CSP violation: " + v));
        }
        return problems;
    }

    /**
     * Links in the page lead somewhere, charts have a size, no sideways scrolling at 1280 px; at
     * 400 px nothing but a table may stick out (tables do, today: printed, not failed); a
     * full-page screenshot.
     */
    private static List<String> everyChecked(String name) {
        List<String> problems = new ArrayList<>();
        for (WebElement a : driver.findElements(By.cssSelector("a[href^='#']"))) {
            String id = a.getDomAttribute("href").substring(1);
            if (driver.findElements(By.id(id)).isEmpty()) {
                problems.add(name + ": link to #" + id + " leads nowhere");
            }
        }
        Object flatSvgs = driver.executeScript("""
                return [...document.querySelectorAll('svg')].filter(s => {
                    const r = s.getBoundingClientRect(); return r.width < 50 || r.height < 50; }).length;""");
        if (((Number) flatSvgs).intValue() > 0) {
            problems.add(name + ": " + flatSvgs + " SVG charts drawn smaller than 50 x 50 px");
        }
        Overflow wide = overflow(WIDE);
        if (wide.overflows()) {
            problems.add(name + " at " + WIDE + " px: " + wide);
        }
        screenshot(name);
        viewport(NARROW);
        Overflow narrow = overflow(NARROW);
        viewport(WIDE);
        if (narrow.overflows() && !narrow.onlyTables()) {
            problems.add(name + " at " + NARROW + " px, more than tables stick out: " + narrow);
        } else if (narrow.overflows()) {
            System.out.println("ReportInBrowserTest: " + name + " at " + NARROW + " px: " + narrow);
        }
        return problems;
    }

    private static List<String> section(String id, String heading) {
        List<WebElement> h2 = driver.findElements(By.cssSelector("section#" + id + " > h2"));
        if (h2.isEmpty()) {
            return List.of("no section #" + id + " with a heading");
        }
        String text = h2.get(0).getText();
        if (!text.equals(heading)) {
            return List.of("section #" + id + " is headed '" + text + "', not '" + heading + "'");
        }
        if (!h2.get(0).isDisplayed()) {
            return List.of("section #" + id + "'s heading is not displayed");
        }
        return List.of();
    }

    private static List<String> atLeast(int n, String css) {
        int found = driver.findElements(By.cssSelector(css)).size();
        return found >= n ? List.of() : List.of(found + " of '" + css + "', expected at least " + n);
    }

    /**
     * How wide the page is against the width the window shows (clientWidth: innerWidth less the
     * scroll bar), and the outermost elements that stick out past it.
     */
    private record Overflow(long scrollWidth, long clientWidth, List<String> stickingOut, boolean onlyTables) {

        boolean overflows() {
            return scrollWidth > clientWidth;
        }

        @Override
        public String toString() {
            return scrollWidth + " px wide in a window showing " + clientWidth + " px; sticking out: "
                    + (stickingOut.size() > 6 ? stickingOut.subList(0, 6) + " and " + (stickingOut.size() - 6) + " more"
                    : stickingOut);
        }
    }

    @SuppressWarnings("unchecked")
    private static Overflow overflow(int width) {
        Map<String, Object> m = (Map<String, Object>) driver.executeScript("""
                const w = document.documentElement.clientWidth, out = [];
                let onlyTables = true;
                for (const e of document.querySelectorAll('body *')) {
                    const r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
                    if (r.right > w + 0.5 && p.right <= w + 0.5) {
                        onlyTables = onlyTables && e.tagName === 'TABLE';
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (typeof e.className === 'string' && e.className ? '.' + e.className.replace(/ +/g, '.') : '')
                            + ' to x=' + Math.round(r.right) + ' "' + e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40) + '"');
                    }
                }
                return {inner: window.innerWidth, client: w, scroll: document.documentElement.scrollWidth,
                        out: out, onlyTables: onlyTables};""");
        long inner = ((Number) m.get("inner")).longValue();
        assertEquals(width, inner, "the window's width");
        return new Overflow(((Number) m.get("scroll")).longValue(), ((Number) m.get("client")).longValue(),
                (List<String>) m.get("out"), (Boolean) m.get("onlyTables"));
    }

    /** A deterministic viewport, whatever size headless Chromium gives its window. */
    private static void viewport(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The whole page, not just the viewport, as target/browser/NAME.png. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name) {
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "optimizeForSpeed", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        // PNG: 8-byte signature, then the IHDR chunk: length, type, width, height.
        int shotHeight = ByteBuffer.wrap(png, 20, 4).getInt();
        assertTrue(Math.abs(shotHeight - height) <= 1,
                name + ": the screenshot is " + shotHeight + " px high, the page " + height);
        try {
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            fail("cannot keep the screenshot " + name + ".png: " + e);
        }
    }

    // ---- setting up

    private static String missingBrowser() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        return missing.isEmpty() ? null : "the browser test needs " + String.join(" and ", missing)
                + "; install them with: apt-get install chromium chromium-driver";
    }

    private static ChromeDriver startChromium() throws IOException {
        watch(SELENIUM_MANAGER_LOG, seleniumManagerSaid);
        watch(DRIVER_FINDER_LOG, driverFinderSaid);
        CDP_VERSION_FINDER_LOG.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SHOTS.resolve("chromedriver.log").toFile())
                .build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")),
                        "--window-size=" + WIDE + "," + HEIGHT);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
        return chrome;
    }

    private static void watch(Logger logger, List<String> into) {
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (into) {
                    into.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static String fixture(String name) {
        Path p = FIXTURES.resolve(name);
        assertTrue(Files.isRegularFile(p), "no fixture " + p.toAbsolutePath());
        return p.toString();
    }

    /** Runs racelab in this JVM, through the CLI's public entry point. */
    private static void cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli().run(args, new Terminal(o, e, false));
        }
        assertEquals(0, code, "racelab " + String.join(" ", args) + "\n--- out\n" + out.toString(StandardCharsets.UTF_8)
                + "\n--- err\n" + err.toString(StandardCharsets.UTF_8));
    }
}
