import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the JUnit 5 grading tests of one lab fixture through the JUnit Platform Launcher and
 * prints one line per test method: "PASS class#method" or "FAIL class#method: message".
 * Exit 0 when every test passed, 1 when one failed, 2 when a class was not found or no test ran.
 * Used by scripts/lab-fixtures.sh until `racelab lab check` runs the JUnit tests itself.
 *
 * usage: java -cp JUNIT_JARS:CLASSES scripts/LabJUnit.java CLASS...
 */
public class LabJUnit {
    public static void main(String[] args) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : args) {
            try {
                request.selectors(selectClass(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                System.out.println("FAIL " + name + ": no such test class");
                System.exit(2);
            }
        }
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failed.incrementAndGet();
                        System.out.println("FAIL " + id.getDisplayName() + ": " + message(result));
                    }
                    return;
                }
                String name = id.getLegacyReportingName();
                String owner = id.getParentIdObject().map(Object::toString).orElse("");
                int at = owner.lastIndexOf("[class:");
                String cls = at < 0 ? "" : owner.substring(at + 7, owner.indexOf(']', at)) + "#";
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed.incrementAndGet();
                    System.out.println("PASS " + cls + name);
                } else {
                    failed.incrementAndGet();
                    System.out.println("FAIL " + cls + name + ": " + message(result));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest built = request.build();
        launcher.execute(built, listener);
        System.out.println("junit: " + passed + " passed, " + failed + " failed");
        System.exit(failed.get() > 0 ? 1 : passed.get() == 0 ? 2 : 0);
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable()
                .map(t -> (t.getClass().getSimpleName() + ": " + t.getMessage()).replace('\n', ' '))
                .orElse(result.getStatus().toString());
    }
}
