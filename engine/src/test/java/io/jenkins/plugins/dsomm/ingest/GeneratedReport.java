package io.jenkins.plugins.dsomm.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A report generated on the fly, of any size, never held in memory: fixed parts and runs of records, each record
 * padded with white space to a fixed length, so the size is known exactly without generating it. Opening it
 * again generates the same bytes.
 */
final class GeneratedReport extends ReportSource {
    private final List<Part> parts;
    private final long size;

    /** A fixed text, or {@code count} records of exactly {@code length} bytes (padded with spaces). */
    private record Part(byte[] fixed, long count, int length, LongFunction<String> record, byte[] separator) {
        long size() {
            return fixed != null ? fixed.length : count * length + Math.max(0, count - 1) * separator.length;
        }
    }

    private GeneratedReport(final String name, final List<Part> parts) {
        super(name);
        this.parts = List.copyOf(parts);
        this.size = parts.stream().mapToLong(Part::size).sum();
    }

    /** Builds a generated report. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder text(final String text) {
            parts.add(new Part(text.getBytes(StandardCharsets.UTF_8), 0, 0, null, null));
            return this;
        }

        /** {@code count} records, record {@code i} given by the function (at most {@code length} bytes). */
        Builder records(final long count, final int length, final String separator, final LongFunction<String> record) {
            parts.add(new Part(null, count, length, record, separator.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        GeneratedReport build(final String name) {
            return new GeneratedReport(name, parts);
        }
    }

    /** How many records the {@code n}-th run of records (0-based) has. */
    long count(final int n) {
        return parts.stream().filter(p -> p.fixed() == null).skip(n).findFirst().orElseThrow().count();
    }

    @Override
    public InputStream open() {
        return new Stream();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Instant lastModified() {
        return null;
    }

    private final class Stream extends InputStream {
        private int part;
        private long record;
        private byte[] chunk = new byte[0];
        private int pos;

        private boolean fill() {
            while (pos >= chunk.length) {
                if (part >= parts.size()) {
                    return false;
                }
                Part p = parts.get(part);
                if (p.fixed() != null) {
                    chunk = p.fixed();
                    part++;
                }
                else if (record < p.count()) {
                    byte[] body = p.record().apply(record).getBytes(StandardCharsets.UTF_8);
                    if (body.length > p.length()) {
                        throw new IllegalStateException("record " + record + " is " + body.length + " bytes, more than "
                                + p.length());
                    }
                    boolean last = record == p.count() - 1;
                    chunk = new byte[p.length() + (last ? 0 : p.separator().length)];
                    System.arraycopy(body, 0, chunk, 0, body.length);
                    java.util.Arrays.fill(chunk, body.length, p.length(), (byte) ' ');
                    if (!last) {
                        System.arraycopy(p.separator(), 0, chunk, p.length(), p.separator().length);
                    }
                    record++;
                }
                else {
                    part++;
                    record = 0;
                    continue;
                }
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len && fill()) {
                int k = Math.min(len - n, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off + n, k);
                pos += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }
    }
}
