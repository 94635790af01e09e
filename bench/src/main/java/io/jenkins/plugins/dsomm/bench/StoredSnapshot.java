package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.SnapshotCodec;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A build's finding snapshot as the assessment document stores it ({@code kpi.snapshot}): the findings as one
 * base64 string ({@link SnapshotCodec}) next to the label, time, scanners, kinds and completeness.
 *
 * @param label    build label
 * @param time     when the build was assessed
 * @param data     the encoded findings, as written to disk
 * @param scanners the scanners that ran
 * @param kinds    the evidence kinds present
 * @param complete false when identities are incomplete
 */
public record StoredSnapshot(String label, Instant time, String data, List<String> scanners, Set<EvidenceKind> kinds,
        boolean complete) {
    /** Encodes a snapshot as the assessment document does. */
    public static StoredSnapshot of(final FindingSnapshot s) {
        return new StoredSnapshot(s.label(), s.time(), SnapshotCodec.encode(s), s.scanners(), s.kinds(), s.complete());
    }

    /** Decodes it again, as a reader of the document does. */
    public FindingSnapshot decode() {
        return SnapshotCodec.decode(label, time, data, scanners, kinds, complete);
    }

    /** Bytes of the encoded findings on disk (base64 is ASCII: one byte a character). */
    public int bytes() {
        return data.length();
    }
}
