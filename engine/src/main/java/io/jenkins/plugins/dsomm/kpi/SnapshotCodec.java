package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The compact encoding of a snapshot's findings in the assessment document: base64 of, per finding, its 64-bit
 * identity (big-endian), its severity ordinal (1 byte) and its scanner index (1 byte) — 10 bytes a finding.
 */
public final class SnapshotCodec {
    /** The encoding's name, written next to the data. */
    public static final String ENCODING = "base64(id:int64,severity:int8,scanner:int8)";
    private static final int RECORD = 10;

    private SnapshotCodec() {
    }

    public static String encode(final FindingSnapshot s) {
        ByteBuffer b = ByteBuffer.allocate(s.size() * RECORD);
        for (int i = 0; i < s.size(); i++) {
            b.putLong(s.ids()[i]).put(s.severities()[i]).put(s.scannerIndexes()[i]);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** Decodes; {@link IllegalArgumentException} for data that is not a valid encoding. */
    public static FindingSnapshot decode(final String label, final Instant time, final String data,
            final List<String> scanners, final Set<EvidenceKind> kinds, final boolean complete) {
        byte[] bytes = Base64.getDecoder().decode(data);
        if (bytes.length % RECORD != 0) {
            throw new IllegalArgumentException("finding snapshot of " + bytes.length + " bytes is not a multiple of "
                    + RECORD);
        }
        int n = bytes.length / RECORD;
        long[] ids = new long[n];
        byte[] sev = new byte[n];
        byte[] sc = new byte[n];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        for (int i = 0; i < n; i++) {
            ids[i] = b.getLong();
            sev[i] = b.get();
            sc[i] = b.get();
            if (sev[i] < 0 || sev[i] > 5) {
                throw new IllegalArgumentException("invalid severity " + sev[i] + " in finding snapshot");
            }
        }
        return new FindingSnapshot(label, time, ids, sev, sc, scanners, kinds, complete);
    }
}
