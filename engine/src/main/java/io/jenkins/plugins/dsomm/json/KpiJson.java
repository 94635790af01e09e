package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.kpi.Coverage;
import io.jenkins.plugins.dsomm.kpi.FindingChanges;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.SlaBreach;
import io.jenkins.plugins.dsomm.kpi.SnapshotCodec;
import io.jenkins.plugins.dsomm.kpi.Stats;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code kpi} block of the assessment document (schema version 2). */
final class KpiJson {
    private KpiJson() {
    }

    static void write(final JsonGenerator g, final FindingSnapshot snapshot, final Kpis k) throws IOException {
        g.writeObjectFieldStart("kpi");
        g.writeObjectFieldStart("snapshot");
        g.writeNumberField("count", snapshot.size());
        g.writeBooleanField("complete", snapshot.complete());
        g.writeArrayFieldStart("scanners");
        for (String s : snapshot.scanners()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("kinds");
        for (EvidenceKind kind : snapshot.kinds()) {
            g.writeString(kind.name());
        }
        g.writeEndArray();
        g.writeStringField("encoding", SnapshotCodec.ENCODING);
        g.writeStringField("data", SnapshotCodec.encode(snapshot));
        g.writeEndObject();
        if (k != null) {
            g.writeNumberField("history", k.history());
            g.writeObjectFieldStart("changes");
            g.writeStringField("reference", k.changes().reference());
            counts(g, "new", k.changes().added());
            counts(g, "fixed", k.changes().fixed());
            counts(g, "outstanding", k.changes().outstanding());
            counts(g, "notRescanned", k.changes().notRescanned());
            g.writeEndObject();
            stats(g, "remediation", k.remediation());
            stats(g, "openAge", k.openAge());
            g.writeNumberField("reopened", k.reopened());
            g.writeArrayFieldStart("slaBreaches");
            for (SlaBreach b : k.slaBreaches()) {
                g.writeStartObject();
                g.writeStringField("id", FindingIdentity.toHex(b.id()));
                g.writeStringField("label", b.label());
                g.writeStringField("tool", b.tool());
                g.writeStringField("severity", b.severity().name());
                g.writeNumberField("ageHours", b.ageHours());
                g.writeNumberField("slaHours", b.slaHours());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("coverage");
            g.writeNumberField("window", k.coverageWindow());
            for (Map.Entry<EvidenceKind, Coverage> c : k.coverage().entrySet()) {
                g.writeObjectFieldStart(c.getKey().name());
                g.writeNumberField("builds", c.getValue().builds());
                g.writeNumberField("withKind", c.getValue().withKind());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("untrackedDependencies");
            for (String u : k.untracked()) {
                g.writeString(u);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("risk");
            g.writeNumberField("score", k.riskScore());
            g.writeNumberField("multiplier", k.multiplier());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void counts(final JsonGenerator g, final String field, final SeverityCounts c) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("total", c.total());
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.key(), c.get(s));
        }
        g.writeEndObject();
    }

    private static void stats(final JsonGenerator g, final String field, final Map<Severity, Stats> stats)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<Severity, Stats> e : stats.entrySet()) {
            g.writeObjectFieldStart(e.getKey().key());
            g.writeNumberField("count", e.getValue().count());
            g.writeNumberField("meanHours", e.getValue().mean());
            g.writeNumberField("medianHours", e.getValue().median());
            g.writeNumberField("p90Hours", e.getValue().p90());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static FindingSnapshot readSnapshot(final JsonNode snapshot, final String label, final Instant time) {
        List<String> scanners = new ArrayList<>();
        snapshot.path("scanners").forEach(s -> scanners.add(s.asText()));
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        for (JsonNode k : snapshot.path("kinds")) {
            try {
                kinds.add(EvidenceKind.valueOf(k.asText()));
            }
            catch (IllegalArgumentException e) {
                // a kind of a newer version: ignored
            }
        }
        return SnapshotCodec.decode(label, time, snapshot.path("data").asText(""), scanners, kinds,
                snapshot.path("complete").asBoolean(true));
    }

    static Kpis readKpis(final JsonNode k) {
        if (!k.has("history")) {
            return null;
        }
        JsonNode c = k.path("changes");
        FindingChanges changes = new FindingChanges(c.path("reference").asText(""), counts(c.path("new")),
                counts(c.path("fixed")), counts(c.path("outstanding")), counts(c.path("notRescanned")));
        List<SlaBreach> breaches = new ArrayList<>();
        for (JsonNode b : k.path("slaBreaches")) {
            Severity s = Severity.parseKey(b.path("severity").asText());
            breaches.add(new SlaBreach(FindingIdentity.fromHex(b.path("id").asText()), b.path("label").asText(""),
                    b.path("tool").asText(""), s == null ? Severity.UNKNOWN : s, b.path("ageHours").asDouble(),
                    b.path("slaHours").asDouble()));
        }
        Map<EvidenceKind, Coverage> coverage = new EnumMap<>(EvidenceKind.class);
        k.path("coverage").properties().forEach(e -> {
            if (e.getValue().isObject()) {
                try {
                    coverage.put(EvidenceKind.valueOf(e.getKey()), new Coverage(e.getValue().path("builds").asInt(),
                            e.getValue().path("withKind").asInt()));
                }
                catch (IllegalArgumentException ex) {
                    // a kind of a newer version: ignored
                }
            }
        });
        List<String> untracked = new ArrayList<>();
        k.path("untrackedDependencies").forEach(u -> untracked.add(u.asText()));
        return new Kpis(k.path("history").asInt(), changes, stats(k.path("remediation")), stats(k.path("openAge")),
                k.path("reopened").asInt(), breaches, k.path("coverage").path("window").asInt(), coverage, untracked,
                k.path("risk").path("score").asDouble(), k.path("risk").path("multiplier").asDouble(1));
    }

    private static SeverityCounts counts(final JsonNode n) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, Math.max(0, n.path(s.key()).asInt(0)));
        }
        return SeverityCounts.of(m);
    }

    private static Map<Severity, Stats> stats(final JsonNode n) {
        Map<Severity, Stats> m = new EnumMap<>(Severity.class);
        n.properties().forEach(e -> {
            Severity s = Severity.parseKey(e.getKey().toUpperCase(Locale.ROOT));
            if (s != null) {
                JsonNode v = e.getValue();
                m.put(s, new Stats(v.path("count").asInt(), v.path("meanHours").asDouble(),
                        v.path("medianHours").asDouble(), v.path("p90Hours").asDouble()));
            }
        });
        return m;
    }
}
