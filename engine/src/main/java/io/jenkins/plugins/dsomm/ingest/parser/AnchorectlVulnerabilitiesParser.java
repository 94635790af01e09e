package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;
import java.util.Set;

/**
 * anchorectl (Anchore Enterprise) image vulnerabilities JSON ({@code anchorectl image vulnerabilities -o json}): an
 * array of {@code {"vuln", "severity", "package", "packageName", "packageVersion", "packageType", "feed",
 * "feedGroup", "fix", "url"}}, or the same entries as {@code vulnerabilities} of an object ({@code imageDigest}...).
 * CONTAINER and SCA evidence of an image (facet {@code target:image}, ecosystem from {@code packageType}). Each entry
 * is an open finding of {@code vuln} at {@code packageName} (else {@code package}), severity the {@code severity}
 * word (Negligible → INFO; Unknown → UNKNOWN); Anchore writes one entry per vulnerability and package. Tool
 * "anchorectl"; no version or time stated.
 */
public final class AnchorectlVulnerabilitiesParser implements ReportParser {
    private static final String ID = "anchorectl-vulns-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "anchorectl image vulnerabilities JSON", ReportFormat.Family.JSON, EvidenceKind.SCA,
            EvidenceKind.CONTAINER);
    private static final Set<String> ENTRY_KEYS = Set.of("vuln", "severity", "package");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null) {
            return NO;
        }
        if (json.type() == Sniff.JsonShape.Type.ARRAY && json.keys().containsAll(ENTRY_KEYS)) {
            return json.has("feedGroup") || json.has("packageName") ? CERTAIN : LIKELY;
        }
        return json.type() == Sniff.JsonShape.Type.OBJECT
                && json.childKeys("vulnerabilities").containsAll(ENTRY_KEYS) ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("anchorectl")
                .kind(EvidenceKind.CONTAINER).kind(EvidenceKind.SCA).facet(Facets.TARGET_IMAGE);
        JsonWalk.read(source, ID, p -> JsonWalk.itemsOfRootArrayOrField(p, "vulnerabilities",
                "an anchorectl vulnerability object", "anchorectl vulnerabilities",
                "not anchorectl vulnerabilities: no \"vulnerabilities\"", file, ID, v -> entry(v, collector)));
        return collector.build();
    }

    private static void entry(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] f = new String[6]; // vuln, severity, package, packageName, description, packageType
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "vuln" -> f[0] = JsonReports.text(v);
                case "severity" -> f[1] = JsonReports.text(v);
                case "package" -> f[2] = JsonReports.text(v);
                case "packageName" -> f[3] = JsonReports.text(v);
                case "description" -> f[4] = JsonReports.text(v);
                case "packageType" -> f[5] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        collector.facet(Facets.fromEcosystem(f[5]));
        collector.openFinding(CvssScores.severity(f[1], null), f[0], Values.firstNonBlank(f[4], f[0]),
                Values.firstNonBlank(f[3], f[2]));
    }
}
