package org.racelab.harness.stress;

import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.collectors.TestResultCollector;
import org.openjdk.jcstress.util.Environment;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes JCStress's results file ({@code jcstress-results-*.bin.gz}) in JCStress's own format, a
 * gzip stream of serialised {@code TestResult}s, so that JCStress's report and
 * {@link ResultFileReader} read it as they read JCStress's; but each result is on disk the moment
 * it is added, whatever happens to the JVM next.
 *
 * <p>JCStress's own writer flushes its gzip stream without a sync flush, so what it has written
 * stays in the compressor until the file is closed at the very end of a run: a JVM that is
 * stopped leaves a 10-byte file, and every result is lost. Here every result is followed by a
 * sync flush: a file cut off by a killed JVM reads to its last whole result.
 */
final class ResultFileWriter implements TestResultCollector, AutoCloseable {

    private final Path file;
    private final ObjectOutputStream out;
    private String failure;
    private int frames;
    private int written;
    private boolean closed;

    ResultFileWriter(Path file) throws IOException {
        this.file = file;
        out = new ObjectOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024, true));
        out.flush();
    }

    @Override
    public synchronized void add(TestResult result) {
        if (closed || failure != null) {
            return;
        }
        try {
            // as JCStress does: reset now and then, so the stream does not keep every object it wrote
            if ((frames++ & 0xFFF) == 0) {
                out.reset();
            }
            result.setEnv(Environment.getInstance());
            out.writeObject(result);
            out.flush();
            written++;
        } catch (IOException e) {
            // as JCStress's writer, never stop the run for it; but say so, once, in the console log
            if (failure == null) {
                failure = e.getMessage();
                System.err.println("racelab: cannot write JCStress's results file " + file.getFileName() + ": " + failure);
            }
        }
    }

    /** How many results are in the file. */
    synchronized int written() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
