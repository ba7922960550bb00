package org.racelab.harness.report;

import org.racelab.harness.bundle.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * junit.xml, parsed back with the JDK's XML parser, as a CI server would read it, from fixture
 * bundles (forbidden-seen.json is a real bundle with one FORBIDDEN count written in by hand, so
 * its counts do not sum). The junit.xml of real FAILED and ERROR runs is read back where those
 * runs are made: StressRunTest (a FORBIDDEN outcome, a crashed JVM) and VraceRunTest (an actor
 * that throws, on platform threads and on 1 and 2 carriers).
 */
class ReportJUnitTest {

    @TempDir
    Path tmp;

    private Document write(String fixture) throws Exception {
        Path file = tmp.resolve("junit.xml");
        JUnitReport.write(Fixtures.read(fixture), file);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void oneTestCasePerTestAndConfigurationWithTheMachineAsProperties() throws Exception {
        Document d = write("bundle-2cpu.json");
        NodeList suites = d.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element stress = (Element) suites.item(0);
        assertEquals("racelab.stress", stress.getAttribute("name"));
        // 27 tests ran in one JVM configuration each (smoke), one was skipped
        assertEquals("28", stress.getAttribute("tests"));
        assertEquals("1", stress.getAttribute("skipped"));
        assertEquals("0", stress.getAttribute("failures"));
        Element vrace = (Element) suites.item(1);
        assertEquals(String.valueOf(28 * 3), vrace.getAttribute("tests"), "platform, 1 and 2 carriers");
        assertEquals(28 * 4, d.getElementsByTagName("testcase").getLength());
        boolean cores = false;
        NodeList props = stress.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            cores |= p.getAttribute("name").equals("machine.availableProcessors") && p.getAttribute("value").equals("2");
        }
        assertTrue(cores, "the machine's properties");
    }

    @Test
    void aForbiddenOutcomeIsAFailure() throws Exception {
        Document d = write("forbidden-seen.json");
        Element stress = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("1", stress.getAttribute("failures"));
        Element failure = (Element) stress.getElementsByTagName("failure").item(0);
        assertEquals("FORBIDDEN", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("FORBIDDEN outcome [1] seen 3 times"), failure.getAttribute("message"));
        assertTrue(((Element) failure.getParentNode()).getAttribute("classname").endsWith("LostUpdate.AtomicInteger"));
    }

    @Test
    void hostileNamesStayWellFormed() throws Exception {
        Document d = write("hostile-names.json");
        Element first = (Element) d.getElementsByTagName("testcase").item(0);
        assertTrue(first.getAttribute("classname").startsWith("org.racelab.stress"));
        Element host = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("<script>alert(\"host\")</script>", host.getAttribute("hostname"));
    }
}
