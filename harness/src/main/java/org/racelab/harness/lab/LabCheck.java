package org.racelab.harness.lab;

import org.apache.commons.io.FileUtils;
import org.racelab.harness.bundle.LabSection;
import org.racelab.harness.catalog.CatalogException;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.grade.Gradescope;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.ModelSectionRun;
import org.racelab.harness.run.Section;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.VraceSectionRun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code racelab lab check}: a submission compiled with its assignment's grading suite, then its
 * JUnit tests, its JCStress tests on platform threads, and the same tests on virtual threads (one
 * carrier, and one per CPU), each a section of one ordinary run: the bundle it writes is read by
 * the grade, by {@code report} and by {@code compare} like any other.
 */
public final class LabCheck {

    /** What to check, as the command line gave it. */
    public record Request(Path labsDir, String assignment, Path submission, Profile profile, Path outRoot,
                          Path gradescope) {
    }

    private final Terminal terminal;

    public LabCheck(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(Request r) throws UsageException, EnvironmentException {
        Path dir = r.submission();
        String id = r.assignment();
        Path labsDir = r.labsDir();
        try {
            if (id == null) {
                Handout.Marker m = Handout.marker(dir).orElseThrow(() -> new LabException(dir + " is not a lab"
                        + " handout (no " + Handout.MARKER + "): name the assignment with --assignment NAME"));
                id = m.assignment();
                labsDir = labsDir != null ? labsDir : m.labs();
            }
            Labs labs = Labs.of(labsDir);
            Labs.Lab lab = labs.get(id);
            return check(labs, lab, r);
        } catch (LabBuild.NoCompiler e) {
            ungraded(r, e.getMessage());
            throw new EnvironmentException(e.getMessage());
        } catch (LabBuild.CompileFailure e) {
            e.messages().forEach(m -> terminal.err().println(org.racelab.harness.format.Texts.terminal(m)));
            ungraded(r, e.getMessage() + "\n" + String.join("\n", e.messages()));
            throw new UsageException(e.getMessage());
        } catch (LabException e) {
            ungraded(r, e.getMessage());
            throw new UsageException(e.getMessage());
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            String why = "cannot prepare the check: " + e.getMessage();
            ungraded(r, why);
            throw new EnvironmentException(why);
        }
    }

    private int check(Labs labs, Labs.Lab lab, Request r)
            throws LabException, IOException, CatalogException, UsageException, EnvironmentException {
        Assignment a = lab.assignment();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < a.minCpus() && a.fewerCpus() == null) {
            String why = "this machine gives " + cpus + (cpus == 1 ? " CPU" : " CPUs") + "; assignment " + a.id()
                    + " needs " + a.minCpus() + ", one per actor of its JCStress tests (JCStress leaves out a test"
                    + " with more actors than CPUs, so a racy submission would pass here): it cannot be graded on"
                    + " this machine";
            ungraded(r, why);
            throw new EnvironmentException(why);
        }
        Path work = WorkFolders.create();
        try {
            Submission sub = Submission.find(a, r.submission(), work);
            List<LabSection.Prediction> predictions = a.predicts() ? LabBuild.predictions(sub) : List.of();
            boolean compiles = a.student().stream().anyMatch(s -> s.endsWith(".java"));
            Path classes = compiles ? LabBuild.compile(lab, sub, work) : null;
            List<Section> sections = new ArrayList<>();
            List<String> junit = a.ofKind("junit").stream().map(Assignment.Test::id).toList();
            LabSection section = new LabSection(a.id(), a.title(), a.claim(), a.notes(), a.read(), labs.source(),
                    r.submission().toString(), a.minCpus(), a.items(), List.of(), predictions, true, null);
            sections.add(new LabSectionRun(section, classes, junit, r.gradescope()));

            List<StressTest> stress = new ArrayList<>();
            TestCatalog catalog = null;
            if (!a.ofKind("stress").isEmpty()) {
                catalog = TestCatalog.open(classes);
                for (Assignment.Test t : a.ofKind("stress")) {
                    stress.add(find(catalog, t.id(), "the grading suite of " + a.id()));
                }
            }
            TestCatalog builtIn = TestCatalog.builtIn();
            List<StressTest> modelled = new ArrayList<>();
            for (Assignment.Test t : a.tests()) {
                String model = t.kind().equals("predict") ? t.id() : t.model();
                if (model != null) {
                    modelled.add(find(builtIn, model, "racelab's catalog"));
                }
            }
            if (a.predicts()) {
                catalog = builtIn;
                for (Assignment.Test t : a.ofKind("predict")) {
                    stress.add(find(builtIn, t.id(), "racelab's catalog"));
                }
            }
            if (!stress.isEmpty()) {
                sections.add(new LabStressSectionRun(catalog, stress, LabStressSectionRun.perTest(r.profile())));
                if (!a.predicts()) {
                    List<Integer> carriers = cpus > 1 ? List.of(1, cpus) : List.of(1);
                    sections.add(new Quiet(new VraceSectionRun(catalog, stress, true, false, carriers, null)));
                }
            }
            if (!modelled.isEmpty()) {
                sections.add(new Quiet(new ModelSectionRun(modelled)));
            }
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("assignment", a.id());
            options.put("labs", labs.source());
            options.put("submission", r.submission().toString());
            return new LabRun(terminal).run("lab check", r.profile(), options, r.outRoot(), sections);
        } finally {
            FileUtils.deleteQuietly(work.toFile());
        }
    }

    private static StressTest find(TestCatalog catalog, String binaryName, String where) throws LabException {
        return catalog.tests().stream().filter(t -> t.binaryName().equals(binaryName)).findFirst()
                .orElseThrow(() -> new LabException("no JCStress test " + binaryName + " in " + where));
    }

    /** Gradescope's file for a submission that could not be graded: 0 points, and why. */
    private void ungraded(Request r, String why) {
        if (r.gradescope() == null) {
            return;
        }
        try {
            Gradescope.write(r.gradescope(), Gradescope.ungraded(why));
        } catch (IOException e) {
            terminal.err().println("racelab lab check: cannot write " + r.gradescope() + ": " + e.getMessage());
        }
    }
}
