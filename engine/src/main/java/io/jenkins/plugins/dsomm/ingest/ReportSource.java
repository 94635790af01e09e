package io.jenkins.plugins.dsomm.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A report to read: a file, or bytes (tests, fuzzing). Can be opened several times. */
public abstract class ReportSource {
    private final String name;

    protected ReportSource(final String name) {
        this.name = name;
    }

    /** The name used in evidence and messages: a path relative to the scanned folder where possible. */
    public String name() {
        return name;
    }

    /** Opens the raw bytes, from the start. */
    public abstract InputStream open() throws IOException;

    /** Size in bytes. */
    public abstract long size() throws IOException;

    /** Last modification time, or null. */
    public abstract Instant lastModified();

    public static ReportSource of(final Path file, final String name) {
        return new FileSource(file, name);
    }

    public static ReportSource of(final Path file) {
        return new FileSource(file, file.toString());
    }

    public static ReportSource of(final String name, final byte[] content) {
        return new BytesSource(name, content);
    }

    private static final class FileSource extends ReportSource {
        private final Path file;

        FileSource(final Path file, final String name) {
            super(name);
            this.file = file;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public long size() throws IOException {
            return Files.size(file);
        }

        @Override
        public Instant lastModified() {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            }
            catch (IOException e) {
                return null;
            }
        }
    }

    private static final class BytesSource extends ReportSource {
        private final byte[] content;

        BytesSource(final String name, final byte[] content) {
            super(name);
            this.content = content.clone();
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public long size() {
            return content.length;
        }

        @Override
        public Instant lastModified() {
            return null;
        }
    }
}
