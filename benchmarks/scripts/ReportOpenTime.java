import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How large a report.html is and how fast it opens, in the headless Chromium the browser test
 * uses (Debian's chromium and chromedriver). Each page is loaded 5 times; the script prints the
 * median of the browser's own navigation timing (load event end, which includes parsing, style
 * and layout of every inline SVG), and of the first paint. Run it from the repository root with
 * the harness's test class path (Selenium):
 *
 * <pre>
 * mvn -B -o -q -pl harness dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat /tmp/cp.txt)" benchmarks/scripts/ReportOpenTime.java results/RUN/report.html ...
 * </pre>
 *
 * The aim for a suite of 838 tests: under 3 MB, and well under a second to open.
 */
public class ReportOpenTime {

    public static void main(String[] args) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            for (String a : args) {
                Path page = Path.of(a).toAbsolutePath();
                List<Double> load = new ArrayList<>();
                List<Double> paint = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    driver.get("about:blank");
                    driver.get(page.toUri().toString());
                    JavascriptExecutor js = driver;
                    load.add(((Number) js.executeScript(
                            "return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue());
                    Object p = js.executeScript("var e = performance.getEntriesByName('first-contentful-paint');"
                            + " return e.length ? e[0].startTime : -1");
                    paint.add(((Number) p).doubleValue());
                }
                System.out.printf(Locale.ROOT, "%s: %.2f MB, load %.0f ms, first paint %.0f ms (medians of 5)%n",
                        a, Files.size(page) / 1e6, median(load), median(paint));
            }
        } finally {
            driver.quit();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
