package org.racelab.harness.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles already written keep opening. {@code bundle-before-shape.json} is the bundle of a real
 * {@code racelab run --profile smoke} on the development machine (2 vCPUs AMD EPYC, Linux 6.18,
 * Temurin 25.0.3), written by racelab at commit 673f714, before the bundle got its own types and
 * before its sched section lost the chart paths. Only its {@code testsJar} was made relative
 * (it named the development checkout).
 */
class BundleCompatibilityTest {

    static final String BEFORE_SHAPE = "bundle-before-shape.json";

    @TempDir
    Path tmp;

    @Test
    void aBundleFromBeforeTheReshapeReadsWithNothingCleaned() {
        ReadBundle read = Fixtures.read(BEFORE_SHAPE);
        Bundle b = read.bundle();
        assertTrue(read.cleaned().isEmpty(), read.cleaned().toString());
        assertEquals(28, b.stress().tests().size());
        assertEquals(27, b.stress().tests().stream().filter(t -> t.verdict() == Verdict.PASSED).count());
        assertEquals(1, b.stress().tests().stream().filter(t -> t.verdict() == Verdict.SKIPPED).count(),
                "the 4-actor test on 2 CPUs");
        assertNotNull(b.stress().tests().get(0).lesson(), "lessons read into the bundle's own Lesson");
        assertFalse(b.vrace().tests().isEmpty());
        assertTrue(b.vrace().tests().stream().flatMap(t -> t.runs().stream()).allMatch(r -> r.verdict() != Verdict.UNKNOWN));
        assertEquals(1, b.bench().budget().forks());
        assertFalse(b.sched().missing().stream().anyMatch(m -> m.contains("chart")));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackUnchanged() throws Exception {
        Bundle original = Fixtures.read(BEFORE_SHAPE).bundle();
        new BundleWriter().write(tmp, original);
        ReadBundle again = new BundleReader().read(tmp);
        assertTrue(again.cleaned().isEmpty(), again.cleaned().toString());
        assertEquals(original, again.bundle());
        assertFalse(Files.readString(tmp.resolve(BundleWriter.FILE)).contains("\"charts\""),
                "the bundle holds measurements only");
    }

    @Test
    void aVerdictFromAnotherVersionIsUnknownAndCountsAsAFailure() throws Exception {
        String json = Files.readString(Fixtures.path(BEFORE_SHAPE))
                .replaceFirst("\"verdict\" : \"PASSED\"", "\"verdict\" : \"FLAKY\"");
        Files.writeString(tmp.resolve(BundleWriter.FILE), json);
        Bundle b = new BundleReader().read(tmp).bundle();
        long unknown = b.stress().tests().stream().filter(t -> t.verdict() == Verdict.UNKNOWN).count()
                + b.stress().tests().stream().flatMap(t -> t.configs().stream())
                .filter(c -> c.verdict() == Verdict.UNKNOWN).count();
        assertEquals(1, unknown);
        assertTrue(Verdict.UNKNOWN.failed() && !Verdict.UNKNOWN.ran());
    }

    @Test
    void aNullInAListIsLeftOutAndSaid() throws Exception {
        String json = Files.readString(Fixtures.path(BEFORE_SHAPE))
                .replaceFirst("\"tests\" : \\[", "\"tests\" : [ null,");
        Files.writeString(tmp.resolve(BundleWriter.FILE), json);
        ReadBundle read = new BundleReader().read(tmp);
        assertEquals(28, read.bundle().stress().tests().size());
        assertEquals(1, read.cleaned().size(), read.cleaned().toString());
        assertTrue(read.cleaned().get(0).contains("stress.tests[0] was null"), read.cleaned().get(0));
    }
}
