package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;

/**
 * TruffleHog (trufflesecurity) {@code --json} output, JSON Lines. Version 3 writes one object per secret found:
 * {@code SourceMetadata.Data.<source>.file, DetectorName, Verified, Raw, Redacted...}; version 2 (the Python
 * tool) writes one object per commit and file: {@code branch, commit, commitHash, path, reason, stringsFound...}.
 * Each line is one SECRETS finding (log lines that slipped into the file are passed over). TruffleHog states no
 * severity, verified or not, so every finding is UNKNOWN (the normalisation rule: no word, no score). Identity:
 * the detector (v3 {@code DetectorName}, v2 {@code reason}) and the file (v3 {@code file} of the source metadata,
 * else its {@code link} or other locator; v2 {@code path}). TruffleHog states no version and no report time. An
 * empty file means nothing was found.
 */
public final class TrufflehogJsonParser implements ReportParser {
    private static final String ID = "trufflehog-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "TruffleHog JSON Lines (v3 and v2)", ReportFormat.Family.JSON_LINES, EvidenceKind.SECRETS);
    private static final String TOOL = "TruffleHog";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null || json.type() == Sniff.JsonShape.Type.ARRAY) {
            return NO;
        }
        if (json.has("SourceMetadata") && (json.has("DetectorName") || json.has("DetectorType"))) {
            return CERTAIN;
        }
        if (json.has("stringsFound", "reason") || json.has("branch", "commitHash", "diff")) {
            return LIKELY; // v2; a long diff can hide the keys that follow it from the sniff
        }
        if (json.has("msg") && sniff.text().contains("\"DetectorName\"")
                && sniff.text().contains("\"SourceMetadata\"")) {
            return LIKELY; // JSON log lines before the first result
        }
        return NO;
    }

    @Override
    public boolean emptyMeansNoFindings() {
        return true;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.SECRETS);
        JsonWalk.read(source, ID, p -> {
            JsonWalk.records(p, "a TruffleHog result object", file, ID, r -> {
                Secret secret = new Secret();
                JsonWalk.fields(r, (name, value) -> secret.field(r, name));
                if (secret.detector == null) {
                    if (secret.logLine) {
                        return;
                    }
                    throw new ParseException(file, ID, "not a TruffleHog result: no \"DetectorName\" (v3) and no "
                            + "\"reason\" (v2)", r.currentLocation().getLineNr(), -1, null);
                }
                String title = secret.verified == null ? secret.detector
                        : secret.detector + (secret.verified ? " secret (verified)" : " secret (unverified)");
                collector.openFinding(Severity.UNKNOWN, secret.detector, title, secret.location);
            });
        });
        return collector.build();
    }

    /** One result line, v3 or v2. */
    private static final class Secret {
        private String detector;
        private Boolean verified;
        private String location;
        private boolean logLine;

        void field(final JsonParser p, final String name) throws IOException, ParseException {
            switch (name) {
                case "DetectorName", "reason" -> detector = Values.firstNonBlank(detector, JsonReports.text(p));
                case "Verified" -> verified = JsonWalk.bool(p);
                case "path" -> location = Values.firstNonBlank(location, JsonReports.text(p));
                case "SourceMetadata" -> JsonWalk.fields(p, (key, value) -> {
                    if ("Data".equals(key)) {
                        JsonWalk.fields(p, (sourceType, v) -> {
                            String where = sourceLocation(p);
                            location = Values.firstNonBlank(location, where);
                        });
                    }
                });
                case "msg", "logger" -> {
                    logLine = true;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }

        /** The file (else link, else another locator) of a source's metadata object. */
        private static String sourceLocation(final JsonParser p) throws IOException, ParseException {
            String[] found = new String[4];
            JsonWalk.fields(p, (key, value) -> {
                if (value.currentToken().isStructStart()) {
                    return;
                }
                switch (key) {
                    case "file", "path", "filename" -> found[0] = Values.firstNonBlank(found[0],
                            JsonReports.text(p));
                    case "link", "url" -> found[1] = Values.firstNonBlank(found[1], JsonReports.text(p));
                    case "image", "bucket", "repository", "object", "key" -> found[2] =
                            Values.firstNonBlank(found[2], JsonReports.text(p));
                    default -> {
                        // other metadata: commit, email, line, timestamp
                    }
                }
            });
            return Values.firstNonBlank(found[0], found[1], found[2]);
        }
    }
}
