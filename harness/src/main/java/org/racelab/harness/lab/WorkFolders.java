package org.racelab.harness.lab;

import org.apache.commons.io.FileUtils;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab check's work folder (the unpacked submission, its classes, the grading suite's), in the
 * temporary folder, named after the process that made it. The check deletes it when it ends; a
 * check that is killed ({@code lab grade}'s time limit kills a hanging one, SIGKILL runs no
 * clean-up) cannot, so each check first deletes the folders whose process is gone.
 */
final class WorkFolders {

    static final String PREFIX = "racelab-lab-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,18})-[0-9]+");

    private WorkFolders() {
    }

    /** A new work folder, after the leftovers of ended checks are deleted. */
    static Path create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        sweep(tmp);
        return Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
    }

    /**
     * Deletes, in {@code tmp}, the work folders this user's ended checks left: only folders named as
     * {@link #create} names them, whose process no longer runs. Nothing here may stop a check.
     *
     * @return how many were deleted
     */
    static int sweep(Path tmp) {
        int deleted = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            String me = System.getProperty("user.name");
            for (Path d : all) {
                Matcher m = OURS.matcher(d.getFileName().toString());
                if (m.matches() && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
                        && Files.getOwner(d, LinkOption.NOFOLLOW_LINKS).getName().equals(me)
                        && FileUtils.deleteQuietly(d.toFile())) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover costs space, not a grade
        }
        return deleted;
    }
}
