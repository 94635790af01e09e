package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code inspect} view of read files: one entry per file with {@code file}, {@code status}, {@code format},
 * {@code tool}, {@code toolVersion}, {@code kinds}, {@code findings} (total and per severity), {@code suppressed},
 * {@code components} and {@code error}. A file holding several tools (a SARIF log with runs of several
 * producers) lists their names comma-separated and sums their counts. Written with Jackson's streaming generator
 * (no databind: the CLI starts faster), indented as Jackson's default pretty printer indents.
 */
public final class InspectJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private InspectJson() {
    }

    /**
     * What inspect shows of one file.
     *
     * @param tool        the tools' names, comma-separated; null when the file gave no evidence
     * @param toolVersion their versions, comma-separated; null when none is known
     * @param error       the problem of a file that could not be read, else null
     */
    public record Entry(String file, String status, String format, String tool, String toolVersion,
            Set<EvidenceKind> kinds, SeverityCounts findings, int suppressed, int components, String error) {
        public Entry {
            kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(EvidenceKind.class)
                    : EnumSet.copyOf(kinds));
        }
    }

    public static Entry entry(final IngestedFile outcome) {
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
        String tool = evidence.isEmpty() ? null : String.join(", ", tools);
        String version = evidence.isEmpty() || versions.isEmpty() ? null : String.join(", ", versions);
        return new Entry(outcome.file(), outcome.status().name().toLowerCase(Locale.ROOT), outcome.format(), tool,
                version, kinds, SeverityCounts.sum(counts), suppressed, components,
                outcome.status() == IngestedFile.Status.ERROR ? outcome.error() : null);
    }

    /** Writes the entries of all files as one JSON array; {@code out} is flushed, not closed. */
    public static void write(final IngestResult result, final Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (IngestedFile f : result.files()) {
                write(entry(f), g);
            }
            g.writeEndArray();
        }
    }

    private static void write(final Entry e, final JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeStringField("status", e.status());
        g.writeStringField("format", e.format());
        g.writeStringField("tool", e.tool());
        g.writeStringField("toolVersion", e.toolVersion());
        g.writeArrayFieldStart("kinds");
        for (EvidenceKind kind : e.kinds()) {
            g.writeString(kind.name());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("findings");
        g.writeNumberField("total", e.findings().total());
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.key(), e.findings().get(s));
        }
        g.writeEndObject();
        g.writeNumberField("suppressed", e.suppressed());
        g.writeNumberField("components", e.components());
        g.writeStringField("error", e.error());
        g.writeEndObject();
    }
}
