package org.racelab.harness.stress;

import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the results file ({@code jcstress-results-*.bin.gz}) that the JCStress process racelab
 * started has just written: a gzip stream of Java-serialised {@code TestResult}s, one per fork,
 * appended as each finishes.
 *
 * <p>Java deserialisation is not for untrusted input, so racelab reads only a file it has just
 * had written in its own run folder, and only through a filter that admits JCStress's result
 * classes and the JDK collections they hold. A file cut short (the run was stopped) yields the
 * results before the cut.
 */
final class ResultFileReader {

    private static final ObjectInputFilter ONLY_JCSTRESS_RESULTS = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000000;"
                    + "org.openjdk.jcstress.infra.**;org.openjdk.jcstress.os.**;org.openjdk.jcstress.vm.**;"
                    + "org.openjdk.jcstress.util.**;java.lang.*;java.util.*;!*");

    private ResultFileReader() {
    }

    /** What could be read, and whether the file ended cleanly. */
    record Read(List<TestResult> results, boolean truncated, String problem) {
    }

    static Read read(Path file) throws IOException {
        List<TestResult> results = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
             ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(ONLY_JCSTRESS_RESULTS);
            while (true) {
                Object o = ois.readObject();
                if (o instanceof TestResult r) {
                    results.add(r);
                }
            }
        } catch (EOFException e) {
            // ObjectInputStream ends a clean stream with a bare EOFException; gzip says why it stopped
            boolean cut = e.getMessage() != null;
            return new Read(results, cut, cut ? "results file cut short (" + e.getMessage() + ")" : null);
        } catch (ZipException e) {
            return new Read(results, true, "results file cut short (" + e.getMessage() + ")");
        } catch (InvalidClassException e) {
            return new Read(results, true, "results were written by another JCStress version than "
                    + StressRunner.JCSTRESS_VERSION + " (" + e.getMessage() + ")");
        } catch (ClassNotFoundException e) {
            return new Read(results, true, "unexpected class in the results file: " + e.getMessage());
        }
    }
}
