package io.jenkins.plugins.dsomm.plugin.agent;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dsomm.context.RepositoryFacts;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Runs on the agent: reads the small text inputs of an assessment from the workspace (attestation file, mapping,
 * DSOMM model, a DSOMM application team progress and its progress definition) and the facts the repository's files
 * show. Paths stay inside the workspace; files are bounded.
 * Returns plain strings only.
 */
public final class ReadWorkspaceInputs extends MasterToSlaveFileCallable<HashMap<String, String>> {
    private static final long serialVersionUID = 1L;
    /** Largest input file read. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    public static final String ATTESTATIONS = "attestations";
    public static final String RULES = "rules";
    public static final String MODEL = "model";
    public static final String TEAM_PROGRESS = "teamProgress";
    public static final String PROGRESS_DEFINITION = "progressDefinition";
    public static final String FACTS = "facts";
    public static final String GIT = "git";
    public static final String ERROR = "error.";

    private final String attestations;
    private final boolean attestationsRequired;
    private final String rules;
    private final String model;
    private final String teamProgress;
    private final String progressDefinition;

    /**
     * @param attestations         workspace path of the attestation file
     * @param attestationsRequired whether a missing attestation file is a problem (a file the user named) rather
     *                             than nothing declared (the default {@code .dsomm.yml})
     * @param rules                workspace path of a mapping file, or empty
     * @param model                workspace path of a DSOMM model, or empty
     * @param teamProgress         workspace path of a DSOMM application team progress file, or empty
     * @param progressDefinition   workspace path of the DSOMM application's meta.yaml, or empty
     */
    public ReadWorkspaceInputs(final String attestations, final boolean attestationsRequired, final String rules,
            final String model, final String teamProgress, final String progressDefinition) {
        this.attestations = attestations;
        this.attestationsRequired = attestationsRequired;
        this.rules = rules;
        this.model = model;
        this.teamProgress = teamProgress;
        this.progressDefinition = progressDefinition;
    }

    @Override
    public HashMap<String, String> invoke(final File workspace, final VirtualChannel channel) throws IOException {
        Path root = workspace.toPath().toRealPath();
        HashMap<String, String> out = new HashMap<>();
        read(root, attestations, ATTESTATIONS, attestationsRequired, out);
        read(root, rules, RULES, true, out);
        read(root, model, MODEL, true, out);
        read(root, teamProgress, TEAM_PROGRESS, true, out);
        read(root, progressDefinition, PROGRESS_DEFINITION, true, out);
        out.put(FACTS, String.join(",", RepositoryFacts.detect(root)));
        out.put(GIT, Boolean.toString(Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)));
        return out;
    }

    private static void read(final Path root, final String relative, final String key, final boolean required,
            final HashMap<String, String> out) {
        if (relative == null || relative.isBlank()) {
            return;
        }
        Path file = root.resolve(relative).normalize();
        try {
            if (!file.startsWith(root)) {
                out.put(ERROR + key, relative + ": outside the workspace: not read");
                return;
            }
            if (!Files.exists(file)) {
                if (required) {
                    out.put(ERROR + key, relative + ": no such file in the workspace");
                }
                return;
            }
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                out.put(ERROR + key, relative + ": symbolic link outside the workspace: not read");
                return;
            }
            if (Files.size(real) > MAX_BYTES) {
                out.put(ERROR + key, relative + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB: not read");
                return;
            }
            out.put(key, Files.readString(real, StandardCharsets.UTF_8));
        }
        catch (IOException | RuntimeException e) {
            out.put(ERROR + key, relative + ": cannot be read: " + e.getMessage());
        }
    }
}
