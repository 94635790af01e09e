package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.FileOutcome;
import io.jenkins.plugins.dsomm.ingest.IngestResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read files with their evidence as JSON: how a Jenkins agent sends what it parsed to the controller (only this
 * small model crosses, never the reports), and how recorded evidence is stored beside a build.
 */
public final class IngestJson {
    /** Identifies the document type. */
    public static final String SCHEMA = "https://dsomm-gate.jenkins.io/schema/evidence";

    private IngestJson() {
    }

    public static String write(final IngestResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeNumberField("schemaVersion", 1);
            g.writeArrayFieldStart("files");
            for (FileOutcome f : result.files()) {
                g.writeStartObject();
                g.writeStringField("file", f.file());
                g.writeStringField("status", f.status().name().toLowerCase(Locale.ROOT));
                g.writeStringField("format", f.format());
                g.writeStringField("error", f.error());
                g.writeStringField("origin", f.origin().name().toLowerCase(Locale.ROOT));
                g.writeArrayFieldStart("evidence");
                for (Evidence e : f.evidence()) {
                    EvidenceJson.write(g, e);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote; {@link AssessmentFormatException} naming {@code name} otherwise. */
    public static IngestResult read(final String json, final String name) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
                throw new AssessmentFormatException(name + ": not DSOMM Gate evidence (no \"schema\": \"" + SCHEMA
                        + "\")", null);
            }
            List<FileOutcome> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                List<Evidence> evidence = new ArrayList<>();
                f.path("evidence").forEach(e -> evidence.add(EvidenceJson.read(e)));
                files.add(new FileOutcome(f.path("file").asText(),
                        FileOutcome.Status.valueOf(f.path("status").asText().toUpperCase(Locale.ROOT)),
                        Json.text(f, "format", null), evidence, Json.text(f, "error", null),
                        FileOutcome.Origin.valueOf(f.path("origin").asText("found").toUpperCase(Locale.ROOT))));
            }
            return new IngestResult(files);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof AssessmentFormatException a) {
                throw a;
            }
            throw new AssessmentFormatException(name + ": corrupt evidence: "
                    + (e instanceof IOException io ? Json.problem(io) : e.getMessage()), e);
        }
    }
}
