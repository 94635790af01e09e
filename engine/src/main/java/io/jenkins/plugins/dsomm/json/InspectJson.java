package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.FileOutcome;
import io.jenkins.plugins.dsomm.ingest.IngestResult;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code inspect} view of read files: one entry per file with {@code file}, {@code status}, {@code format},
 * {@code tool}, {@code toolVersion}, {@code kinds}, {@code findings} (total and per severity), {@code suppressed},
 * {@code components} and {@code error}. A file holding several tools (a SARIF log with runs of several
 * producers) lists their names comma-separated and sums their counts.
 */
public final class InspectJson {
    private InspectJson() {
    }

    public static ArrayNode entries(final IngestResult result) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        result.files().forEach(f -> array.add(entry(f)));
        return array;
    }

    public static ObjectNode entry(final FileOutcome outcome) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("file", outcome.file());
        node.put("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("format", outcome.format());
        List<Evidence> evidence = outcome.evidence();
        Set<String> tools = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        List<SeverityCounts> counts = new ArrayList<>();
        int suppressed = 0;
        int components = 0;
        for (Evidence e : evidence) {
            tools.add(e.tool());
            if (!e.toolVersion().isEmpty()) {
                versions.add(e.toolVersion());
            }
            kinds.addAll(e.kinds());
            counts.add(e.open());
            suppressed += e.suppressed();
            components += e.components();
        }
        if (evidence.isEmpty()) {
            node.putNull("tool");
            node.putNull("toolVersion");
        }
        else {
            node.put("tool", String.join(", ", tools));
            node.put("toolVersion", versions.isEmpty() ? null : String.join(", ", versions));
        }
        ArrayNode k = node.putArray("kinds");
        kinds.forEach(kind -> k.add(kind.name()));
        SeverityCounts total = SeverityCounts.sum(counts);
        ObjectNode findings = node.putObject("findings");
        findings.put("total", total.total());
        for (Severity s : Severity.values()) {
            findings.put(s.key(), total.get(s));
        }
        node.put("suppressed", suppressed);
        node.put("components", components);
        if (outcome.status() == FileOutcome.Status.ERROR) {
            node.put("error", outcome.error());
        }
        else {
            node.putNull("error");
        }
        return node;
    }
}
