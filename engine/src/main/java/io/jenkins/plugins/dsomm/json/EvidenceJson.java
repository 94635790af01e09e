package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence as JSON, in the assessment document and between a Jenkins agent and the controller. Findings are
 * written compactly as arrays {@code [id, severity, rule, title, location]}.
 */
public final class EvidenceJson {
    private EvidenceJson() {
    }

    public static void write(final JsonGenerator g, final Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", e.format());
        g.writeStringField("tool", e.tool());
        g.writeStringField("toolVersion", e.toolVersion());
        g.writeArrayFieldStart("kinds");
        for (EvidenceKind k : e.kinds()) {
            g.writeString(k.name());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("open");
        g.writeNumberField("total", e.open().total());
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.key(), e.open().get(s));
        }
        g.writeEndObject();
        g.writeNumberField("suppressed", e.suppressed());
        g.writeNumberField("components", e.components());
        g.writeArrayFieldStart("facets");
        for (String f : e.facets()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeStringField("sourceFile", e.sourceFile());
        if (e.producedAt() == null) {
            g.writeNullField("producedAt");
        }
        else {
            g.writeStringField("producedAt", e.producedAt().toString());
        }
        if (e.carriedFrom() != null) {
            g.writeStringField("carriedFrom", e.carriedFrom());
        }
        g.writeBooleanField("findingsTruncated", e.findingsTruncated());
        g.writeArrayFieldStart("findings");
        for (Finding f : e.findings()) {
            g.writeStartArray();
            g.writeString(f.idHex());
            g.writeString(f.severity().name());
            g.writeString(f.rule());
            g.writeString(f.title());
            g.writeString(f.location());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("packages");
        for (String p : e.packages()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static Evidence read(final JsonNode n) {
        Evidence.Builder b = Evidence.builder()
                .format(Json.text(n, "format", "unknown"))
                .tool(Json.text(n, "tool", "unknown"))
                .toolVersion(Json.text(n, "toolVersion", ""))
                .suppressed(n.path("suppressed").asInt(0))
                .components(n.path("components").asInt(0))
                .sourceFile(Json.text(n, "sourceFile", ""));
        for (JsonNode k : n.path("kinds")) {
            try {
                b.kind(EvidenceKind.valueOf(k.asText().toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException e) {
                // a kind of a newer version: ignored
            }
        }
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            open.put(s, Math.max(0, n.path("open").path(s.key()).asInt(0)));
        }
        b.open(SeverityCounts.of(open));
        for (JsonNode f : n.path("facets")) {
            b.facet(f.asText());
        }
        String produced = Json.text(n, "producedAt", null);
        if (produced != null) {
            b.producedAt(Instant.parse(produced));
        }
        b.carriedFrom(Json.text(n, "carriedFrom", null));
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : n.path("findings")) {
            Severity severity = Severity.parseKey(f.path(1).asText());
            findings.add(new Finding(FindingIdentity.fromHex(f.path(0).asText()),
                    severity == null ? Severity.UNKNOWN : severity, f.path(2).asText(""), f.path(3).asText(""),
                    f.path(4).asText("")));
        }
        b.findings(findings, n.path("findingsTruncated").asBoolean(false));
        List<String> packages = new ArrayList<>();
        n.path("packages").forEach(p -> packages.add(p.asText()));
        b.packages(packages);
        return b.build();
    }
}
