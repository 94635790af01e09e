package io.jenkins.plugins.dsomm.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A small text input of an assessment (DSOMM model, mapping file, attestation file) under the name users know it
 * by: a file the command line reads, text the Jenkins plugin read on the agent, or the reason it could not be
 * read there.
 */
public final class NamedInput {
    private final String name;
    private final Path file;
    private final String text;
    private final String problem;

    private NamedInput(final String name, final Path file, final String text, final String problem) {
        this.name = name;
        this.file = file;
        this.text = text;
        this.problem = problem;
    }

    /** A file, read when the assessment runs. */
    public static NamedInput file(final Path file) {
        return new NamedInput(file.toString(), file, null, null);
    }

    /** Text read elsewhere (for example from an agent's workspace). */
    public static NamedInput text(final String name, final String text) {
        return new NamedInput(name, null, text, null);
    }

    /** An input that could not be read; {@code problem} names it and says why. */
    public static NamedInput unreadable(final String name, final String problem) {
        return new NamedInput(name, null, null, problem);
    }

    public String name() {
        return name;
    }

    /** Why it could not be read, or null. */
    public String problem() {
        return problem;
    }

    /** Whether there is nothing to read: a file that does not exist. */
    public boolean isMissing() {
        return file != null && !Files.exists(file);
    }

    /**
     * The content.
     *
     * @throws IOException when the file cannot be read or the input is {@link #unreadable}; the message names it
     */
    public InputStream open() throws IOException {
        if (problem != null) {
            throw new IOException(problem);
        }
        if (text != null) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return Files.newInputStream(file);
        }
        catch (NoSuchFileException e) {
            throw new IOException(name + ": no such file", e);
        }
        catch (IOException | UncheckedIOException e) {
            throw new IOException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
