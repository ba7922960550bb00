package org.racelab.harness.stress;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.Options;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Profiles table is what JCStress is given, and means to JCStress what the table
 * says: each row's arguments are the profile's, the runner passes them on, and JCStress's own
 * option parser reads "one JVM configuration" and split compilation as the row says.
 */
class ProfilesTableTest {

    private static final Pattern ROW = Pattern.compile("\\| `([a-z]+)`[^|]*\\| `([^`]*)`([^|]*)\\| ([^|]*)\\|.*");

    @Test
    void theReadmeProfilesTableIsWhatJCStressIsGiven() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int heading = readme.indexOf("### Profiles");
        assertTrue(heading >= 0, "README.md has a '### Profiles' section");
        Set<Profile> documented = EnumSet.noneOf(Profile.class);
        for (String line : readme.subList(heading + 1, readme.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Profile p = Profile.byId(row.group(1)).orElseThrow(() -> new AssertionError("no profile " + row.group(1)));
            documented.add(p);
            String words = row.group(3);

            List<String> given = new ArrayList<>(p.jcstressArgs());
            int jvmArgs = given.indexOf("-jvmArgs");
            if (jvmArgs >= 0) {
                given.subList(jvmArgs, jvmArgs + 2).clear();
            }
            assertEquals(row.group(2), String.join(" ", given), p.id() + ": the README's arguments");

            Options jcstress = new Options(p.jcstressArgs().toArray(String[]::new));
            assertTrue(jcstress.parse(), p.id() + ": JCStress accepts " + p.jcstressArgs());
            // JCStress: "-jvmArgs ... disables JVM flags auto-detection, and runs only the single JVM mode"
            assertEquals(words.contains("one JVM configuration"), !jcstress.getJvmArgs().isEmpty(), p.id() + ": " + words);
            assertEquals(words.contains("split compilation") || row.group(2).contains("-sc true"),
                    jcstress.isSplitCompilation(), p.id() + ": split compilation");
            Matcher iters = Pattern.compile("-iters (\\d+)").matcher(row.group(2));
            if (iters.find()) {
                assertEquals(Integer.parseInt(iters.group(1)), jcstress.getIterations(), p.id());
            }
            Matcher time = Pattern.compile("-time (\\d+)").matcher(row.group(2));
            if (time.find()) {
                assertEquals(Integer.parseInt(time.group(1)), jcstress.getTime(), p.id());
            }

            assertEquals(budget(row.group(4)), p.vraceBudget(), p.id() + ": the virtual-thread budget");

            StressRequest request = new StressRequest(TestCatalog.builtIn(), List.of(), p, Path.of("raw"), Duration.ofMinutes(1));
            List<String> passed = StressRunner.jcstressArgs(request, TestCatalog.builtIn().tests());
            assertEquals(p.jcstressArgs(), passed.subList(0, p.jcstressArgs().size()), p.id() + ": what the runner passes");
        }
        assertEquals(EnumSet.allOf(Profile.class), documented, "every profile has its row");
    }

    /** "150 ms per test and configuration", "1 s", "20 s". */
    private static Duration budget(String cell) {
        Matcher m = Pattern.compile("(\\d+) (ms|s)\\b").matcher(cell);
        assertTrue(m.find(), cell);
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }
}
