package io.jenkins.plugins.dsomm.plugin;

import hudson.model.Job;
import hudson.model.Run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which jobs have DSOMM assessments, known without loading a build: the gate writes the number of the build it
 * assessed into a small file of the job's folder ({@value #FILE}), and the answer is kept per job once read. Job
 * pages and {@code api/json} of every job ask (through {@link DsommJobActionFactory}); for a job that never used
 * DSOMM Gate the answer costs one check for a file, once per job and controller start.
 */
final class AssessedJobs {
    /** File in the job's folder: the number of its newest build with an assessment. */
    static final String FILE = "dsomm-gate-last-assessed";
    private static final Logger LOGGER = Logger.getLogger(AssessedJobs.class.getName());
    private static final Map<Path, Boolean> KNOWN = new ConcurrentHashMap<>();

    private AssessedJobs() {
    }

    /** Whether a build of the job was ever assessed (and the job folder says so). */
    static boolean isAssessed(final Job<?, ?> job) {
        Path dir = job.getRootDir().toPath();
        return KNOWN.computeIfAbsent(dir, d -> Files.exists(d.resolve(FILE)));
    }

    /** Records that the build was assessed. */
    static void markAssessed(final Run<?, ?> run) {
        Path dir = run.getParent().getRootDir().toPath();
        try {
            Files.writeString(dir.resolve(FILE), Integer.toString(run.getNumber()) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            LOGGER.log(Level.WARNING, "DSOMM Gate: cannot write " + dir.resolve(FILE), e);
        }
        KNOWN.put(dir, true);
    }
}
