package io.jenkins.plugins.dsomm.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes written through it. */
final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(final OutputStream out) {
        super(out);
    }

    long count() {
        return count;
    }

    @Override
    public void write(final int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(final byte[] b, final int off, final int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }
}
