package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.RecordedEvidence;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.IngestJson;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The evidence recorded in a build so far ({@code dsommRecord}, possibly from parallel branches). The evidence is
 * kept in a side file of the build folder, rewritten after every recording, so nothing is lost on a restart; only
 * the number of recorded files is in build.xml. In memory it is held weakly, as {@link DsommBuildAction} holds its
 * assessment: after the gate nothing keeps it, and a later recording or gate reads the side file again.
 */
public final class DsommEvidenceAction extends InvisibleAction implements RunAction2 {
    /** Side file in the build folder. */
    static final String FILE = "dsomm-gate-evidence.json";
    private static final Logger LOGGER = Logger.getLogger(DsommEvidenceAction.class.getName());
    private static final Object CREATE = new Object();

    private int files;
    private transient Run<?, ?> owner;
    @CheckForNull
    private transient WeakReference<RecordedEvidence> recorded;

    /** The action of the run, created (once, even when called from parallel branches) when missing. */
    public static DsommEvidenceAction of(final Run<?, ?> run) {
        synchronized (CREATE) {
            DsommEvidenceAction action = run.getAction(DsommEvidenceAction.class);
            if (action == null) {
                action = new DsommEvidenceAction();
                action.owner = run;
                run.addAction(action);
            }
            return action;
        }
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        owner = r;
    }

    /** Adds what a recording read and writes the side file. */
    public synchronized void add(final IngestResult result) throws IOException {
        RecordedEvidence evidence = load();
        evidence.add(result);
        files = evidence.size();
        Path file = sideFile();
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, IngestJson.write(evidence.snapshot()), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Everything recorded so far. */
    public synchronized IngestResult evidence() {
        return load().snapshot();
    }

    public int getFiles() {
        return files;
    }

    private Path sideFile() {
        return owner.getRootDir().toPath().resolve(FILE);
    }

    /** The evidence held, or read again from the side file when the memory was given back. */
    private RecordedEvidence load() {
        RecordedEvidence held = recorded == null ? null : recorded.get();
        if (held != null) {
            return held;
        }
        RecordedEvidence read = new RecordedEvidence();
        Path file = sideFile();
        if (Files.exists(file)) {
            try {
                read.add(IngestJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            }
            catch (IOException | AssessmentFormatException e) {
                LOGGER.log(Level.WARNING, "DSOMM Gate: recorded evidence of " + owner + " cannot be read", e);
            }
        }
        recorded = new WeakReference<>(read);
        return read;
    }
}
