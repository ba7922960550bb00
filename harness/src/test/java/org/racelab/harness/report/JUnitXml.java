package org.racelab.harness.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

/** A junit.xml read back with the JDK's XML parser (no DOCTYPE), as a CI server reads it. */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    /** The {@code <testsuite>} of that name (racelab.stress, racelab.vrace). */
    public static Element suite(Path file, String name) throws Exception {
        NodeList suites = parse(file).getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no testsuite " + name + " in " + file);
    }

    /** How many of the suite's test cases hold an element of this name (failure, error, skipped). */
    public static int casesWith(Element suite, String child) {
        NodeList cases = suite.getElementsByTagName("testcase");
        int n = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            n += ((Element) cases.item(i)).getElementsByTagName(child).getLength() > 0 ? 1 : 0;
        }
        return n;
    }
}
