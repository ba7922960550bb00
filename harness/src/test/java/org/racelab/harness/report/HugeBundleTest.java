package org.racelab.harness.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BigBundle;
import org.racelab.harness.bundle.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles just under the 32 MiB limit, through the real CLI in a child JVM with a 1 GiB heap
 * ({@code -Xmx1g}): each is reported, or refused in one line, and the page is of bounded size.
 * The figures (time, peak heap from the GC log, peak RSS from {@code /proc}) are printed and
 * written to {@code target/huge-bundles.txt}. Tagged {@code huge}: about a minute on 2 vCPUs, so
 * outside {@code mvn verify}; run it with
 * {@code mvn test -pl harness -Dtest=HugeBundleTest -Dracelab.excludedGroups=none}.
 */
@Tag("huge")
class HugeBundleTest {

    private static final long JUST_UNDER = Limits.BUNDLE_MEGABYTES * 1024L * 1024L - 4096;

    @TempDir
    Path tmp;

    @Test
    void aHugeBundleIsBoundedWithinOneGigabyte() throws Exception {
        List<String> figures = new ArrayList<>();

        // 1. the most tests a section may have, real-shaped (JCStress's own output for a test), up to 32 MiB
        Path tests = tmp.resolve("tests");
        int written = new BigBundle().write(tests, Limits.TESTS, JUST_UNDER, (i, t) -> { });
        Run many = report(tests);
        figures.add(many.line(written + " tests (each a copy of a real test)", tests));
        assertEquals(0, many.exit, many.err);
        assertTrue(many.htmlBytes < 40L << 20, "report.html " + many.htmlBytes);
        assertTrue(many.junitBytes < 20L << 20, "junit.xml " + many.junitBytes);

        // 2. one test with as many outcomes as fit in 32 MiB
        Path outcomes = tmp.resolve("outcomes");
        BigBundle wide = new BigBundle();
        wide.test().set("outcomes", BigBundle.outcomes(350_000));
        ((ObjectNode) wide.test().at("/configs/0")).set("outcomes", BigBundle.outcomes(10));
        assertEquals(1, wide.write(outcomes, 1, JUST_UNDER, (i, t) -> { }));
        Run wideRun = report(outcomes);
        figures.add(wideRun.line("1 test with 350,000 outcomes", outcomes));
        assertEquals(0, wideRun.exit, wideRun.err);
        assertTrue(wideRun.htmlBytes < 1L << 20, "report.html " + wideRun.htmlBytes);

        // 3. the probe's shape, 60,000 small tests: more than a section may have, refused in one line
        Path probe = tmp.resolve("probe");
        int small = new BigBundle().write(probe, 200_000, JUST_UNDER, (i, t) -> {
            t.remove("configs");
            ((ObjectNode) t).set("outcomes", BigBundle.outcomes(2));
        });
        Run refused = report(probe);
        figures.add(refused.line(small + " small tests", probe));
        assertEquals(2, refused.exit, refused.err);
        assertEquals(1, refused.err.strip().lines().count(), refused.err);
        assertTrue(refused.err.contains("racelab reads at most 20,000 per section"), refused.err);
        assertFalse(refused.err.contains("Exception"), refused.err);

        // 4. 32 MiB of the smallest tokens (a list of zeros): past the token bound, refused in one line
        Path zeros = tmp.resolve("zeros");
        Files.createDirectories(zeros);
        StringBuilder list = new StringBuilder("{\"schema\":\"racelab.bundle/1\",\"x\":[0");
        while (list.length() < JUST_UNDER - 10) {
            list.append(",0");
        }
        Files.writeString(zeros.resolve("bundle.json"), list.append("]}"));
        list.setLength(0);
        Run tokens = report(zeros);
        figures.add(tokens.line("16 million zeros in one list", zeros));
        assertEquals(2, tokens.exit, tokens.err);
        assertEquals(1, tokens.err.strip().lines().count(), tokens.err);
        assertTrue(tokens.err.contains("refused"), tokens.err);

        String text = String.join("\n", figures) + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target", "huge-bundles.txt"), text);
    }

    private record Run(int exit, String err, double seconds, long heapPeakMiB, long rssPeakKiB, long htmlBytes,
                       long junitBytes) {
        String line(String what, Path dir) throws IOException {
            return String.format(Locale.ROOT, "%s, bundle %.1f MiB: exit %d, %.1f s, heap peak %d MiB (-Xmx1g), "
                            + "RSS peak %d MiB, report.html %.1f MiB, junit.xml %.1f MiB", what,
                    Files.size(dir.resolve("bundle.json")) / 1048576.0, exit, seconds, heapPeakMiB, rssPeakKiB / 1024,
                    htmlBytes / 1048576.0, junitBytes / 1048576.0);
        }
    }

    /** {@code racelab report DIR --out DIR/out} in a child JVM of 1 GiB heap, measured. */
    private static Run report(Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path gc = dir.resolve("gc.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Xlog:gc:file=" + gc, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.racelab.harness.Main", "report", dir.toString(),
                "--out", out.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        long rss = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, peakRss(status));
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                p.destroyForcibly();
                throw new AssertionError("racelab report took more than 10 minutes on " + dir);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), seconds, heapPeak(gc), rss,
                size(out.resolve(ReportFiles.HTML)), size(out.resolve(ReportFiles.JUNIT)));
    }

    /** VmHWM, the process's peak resident set so far, in KiB (0 where /proc does not say). */
    private static long peakRss(Path status) {
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended
        }
        return 0;
    }

    /** The most heap in use before any collection, from the GC log ({@code 150M->20M(1024M)}). */
    private static long heapPeak(Path gc) throws IOException {
        long peak = 0;
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.exists(gc) ? Files.readString(gc) : "");
        while (m.find()) {
            peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }
        return peak;
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
