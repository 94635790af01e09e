package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.VexStatement;

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
            for (IngestedFile f : result.files()) {
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
                if (!f.statements().isEmpty()) {
                    g.writeArrayFieldStart("vex");
                    for (VexStatement s : f.statements()) {
                        writeStatement(g, s);
                    }
                    g.writeEndArray();
                }
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
            List<IngestedFile> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                List<Evidence> evidence = new ArrayList<>();
                f.path("evidence").forEach(e -> evidence.add(EvidenceJson.read(e)));
                String file = f.path("file").asText();
                List<VexStatement> statements = new ArrayList<>();
                f.path("vex").forEach(s -> statements.add(readStatement(s, file)));
                files.add(new IngestedFile(file,
                        IngestedFile.Status.valueOf(f.path("status").asText().toUpperCase(Locale.ROOT)),
                        Json.text(f, "format", null), evidence, Json.text(f, "error", null),
                        IngestedFile.Origin.valueOf(f.path("origin").asText("found").toUpperCase(Locale.ROOT)),
                        statements));
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

    private static void writeStatement(final JsonGenerator g, final VexStatement s) throws IOException {
        g.writeStartObject();
        g.writeStringField("author", s.author());
        g.writeStringField("vulnerability", s.vulnerability());
        g.writeArrayFieldStart("aliases");
        for (String a : s.aliases()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("products");
        for (String p : s.products()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeStringField("status", s.status());
        g.writeStringField("reason", s.reason());
        g.writeStringField("time", s.time() == null ? null : s.time().toString());
        g.writeEndObject();
    }

    private static VexStatement readStatement(final JsonNode s, final String file) {
        List<String> aliases = new ArrayList<>();
        s.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<String> products = new ArrayList<>();
        s.path("products").forEach(p -> products.add(p.asText()));
        String time = Json.text(s, "time", null);
        return new VexStatement(file, Json.text(s, "author", ""), s.path("vulnerability").asText(), aliases,
                products, s.path("status").asText(), Json.text(s, "reason", ""),
                time == null ? null : java.time.Instant.parse(time));
    }
}
