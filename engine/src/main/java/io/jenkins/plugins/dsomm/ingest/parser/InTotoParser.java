package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

/**
 * In-toto attestations and SLSA provenance: an in-toto Statement ({@code {"_type":
 * "https://in-toto.io/Statement/v0.1" or "/v1", "subject", "predicateType", "predicate"}}), a DSSE envelope
 * carrying one ({@code {"payloadType": "application/vnd.in-toto+json", "payload": base64, "signatures"}}), a
 * file of such envelopes one per line ({@code .intoto.jsonl}, as slsa-github-generator and cosign write them), a
 * Sigstore bundle ({@code {"mediaType": "application/vnd.dev.sigstore.bundle...", "dsseEnvelope"}}), or a legacy
 * in-toto metablock ({@code {"signed": {"_type": "link"|"layout"}, "signatures"}}). Evidence kind PROVENANCE, no
 * findings. Tool: the builder id of the first SLSA provenance read ({@code predicate.builder.id} for v0.1/v0.2,
 * {@code predicate.runDetails.builder.id} for v1), else "in-toto"; version: the first value of
 * {@code runDetails.builder.version}. Time: {@code metadata.buildFinishedOn} (v0.2) or
 * {@code runDetails.metadata.finishedOn} (v1), else the start time. An envelope payload is decoded only up to
 * 1 MB; a larger one still counts, without builder.
 */
public final class InTotoParser implements ReportParser {
    private static final String ID = "intoto-provenance";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "in-toto attestation / SLSA provenance (statement, DSSE envelope, .intoto.jsonl, Sigstore bundle)",
            ReportFormat.Family.JSON_LINES, EvidenceKind.PROVENANCE);
    private static final String STATEMENT = "https://in-toto.io/statement";
    private static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final String BUNDLE = "application/vnd.dev.sigstore.bundle";
    /** Largest decoded payload read (base64 is 4/3 of it). */
    static final int MAX_PAYLOAD = 1024 * 1024;

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
        String type = json.value("_type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(STATEMENT)) {
            return CERTAIN;
        }
        String payloadType = json.value("payloadType");
        if (payloadType != null && payloadType.trim().equalsIgnoreCase(PAYLOAD_TYPE) && json.has("payload")) {
            return CERTAIN;
        }
        String mediaType = json.value("mediaType");
        if (mediaType != null && mediaType.startsWith(BUNDLE)) {
            return CERTAIN;
        }
        if (json.has("signed", "signatures") && json.childKeys("signed").contains("_type")
                && (json.childKeys("signed").contains("materials") || json.childKeys("signed").contains("steps"))) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.kind(EvidenceKind.PROVENANCE);
        Read read = new Read(collector);
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "an in-toto statement or envelope", file, ID)) {
                return;
            }
            int documents = 0;
            do {
                JsonReports.expect(p, JsonToken.START_OBJECT, "an in-toto statement or envelope", file, ID);
                if (!read.document(p)) {
                    throw new ParseException(file, ID, "not an in-toto attestation: no \"_type\" statement, DSSE "
                            + "\"payload\" or Sigstore bundle" + (documents == 0 ? "" : " in document "
                            + (documents + 1)));
                }
                documents++;
            } while (p.nextToken() != null);
        });
        return read.build();
    }

    /** The state of one read. */
    private static final class Read {
        private final EvidenceCollector collector;
        private String builder;
        private String builderVersion;
        private String finished;
        private String started;

        Read(final EvidenceCollector collector) {
            this.collector = collector;
        }

        /** One top-level object: statement, envelope, bundle or metablock; false when it is none. */
        boolean document(final JsonParser p) throws IOException {
            boolean recognised = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "_type" -> {
                        String t = JsonReports.text(p);
                        recognised |= t != null && t.toLowerCase(Locale.ROOT).startsWith(STATEMENT);
                    }
                    case "predicate" -> predicate(p, true);
                    case "payload" -> {
                        recognised = true;
                        payload(p);
                    }
                    case "dsseEnvelope" -> {
                        if (value == JsonToken.START_OBJECT) {
                            recognised |= document(p);
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    case "mediaType" -> {
                        String t = JsonReports.text(p);
                        recognised |= t != null && t.startsWith(BUNDLE);
                    }
                    case "signed" -> recognised |= signed(p);
                    default -> p.skipChildren();
                }
            }
            return recognised;
        }

        /** Legacy metablock {@code signed} object: a link or layout. */
        private boolean signed(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return false;
            }
            boolean known = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("_type".equals(field)) {
                    String t = JsonReports.text(p);
                    known = "link".equalsIgnoreCase(t) || "layout".equalsIgnoreCase(t);
                }
                else {
                    p.skipChildren();
                }
            }
            return known;
        }

        /** A DSSE payload: decoded and read as a statement when it is small enough and valid base64. */
        private void payload(final JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return;
            }
            int length = p.getTextLength();
            if (length > MAX_PAYLOAD / 3 * 4 + 4) {
                return;
            }
            byte[] decoded;
            try {
                decoded = Base64.getMimeDecoder().decode(p.getText().replace('-', '+').replace('_', '/'));
            }
            catch (IllegalArgumentException e) {
                return; // not base64: the envelope still counts
            }
            try (JsonParser inner = JsonReports.factory().createParser(decoded)) {
                if (inner.nextToken() == JsonToken.START_OBJECT) {
                    document(inner);
                }
            }
            catch (IOException e) {
                // an unreadable payload: the envelope still counts
            }
        }

        /** The {@code builder} and {@code metadata} of a predicate: at its top, or in {@code runDetails} (SLSA 1). */
        private void predicate(final JsonParser p, final boolean top) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "builder" -> builder(p);
                    case "metadata" -> metadata(p);
                    case "runDetails" -> {
                        if (top) {
                            predicate(p, false);
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }

        private void builder(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            String id = null;
            String version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("id".equals(field)) {
                    id = JsonReports.text(p);
                }
                else if ("version".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        p.nextToken();
                        String v = JsonReports.text(p);
                        if (version == null && v != null && !v.isBlank()) {
                            version = v;
                        }
                    }
                }
                else if ("version".equals(field)) {
                    version = JsonReports.text(p);
                }
                else {
                    p.skipChildren();
                }
            }
            if (builder == null && id != null && !id.isBlank()) {
                builder = id;
                builderVersion = version;
            }
        }

        private void metadata(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "buildFinishedOn", "finishedOn" -> finished = first(finished, JsonReports.text(p));
                    case "buildStartedOn", "startedOn" -> started = first(started, JsonReports.text(p));
                    default -> p.skipChildren();
                }
            }
        }

        private static String first(final String known, final String value) {
            return known != null ? known : value;
        }

        Evidence build() {
            collector.tool(builder).tool("in-toto").toolVersion(builderVersion);
            collector.producedAt(finished).producedAt(started);
            return collector.build();
        }
    }
}
