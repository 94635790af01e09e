package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * pip-audit JSON ({@code pip-audit -f json}): {@code {"dependencies": [{"name", "version", "vulns": [{"id",
 * "fix_versions", "aliases", "description"}]}, {"name", "skip_reason"}], "fixes": [...]}}, and the array of
 * dependencies older versions wrote. SCA, ecosystem PyPI. Every vulnerability of a dependency is an open finding of
 * its {@code id} at the package {@code name}; pip-audit states no severity and no score, so UNKNOWN. A dependency
 * with a {@code skip_reason} was not audited: no finding. pip-audit writes no ignored vulnerabilities, no version,
 * no time.
 */
public final class PipAuditJsonParser implements ReportParser {
    private static final String ID = "pip-audit-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "pip-audit JSON", ReportFormat.Family.JSON, EvidenceKind.SCA);
    private static final Set<String> ROOT_KEYS = Set.of("dependencies", "fixes");

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
        if (json.type() == Sniff.JsonShape.Type.ARRAY) {
            return json.has("name", "version", "vulns") ? LIKELY : NO;
        }
        if (json.type() != Sniff.JsonShape.Type.OBJECT || !json.has("dependencies")
                || !ROOT_KEYS.containsAll(json.keys())) {
            return NO;
        }
        Set<String> dependency = json.childKeys("dependencies");
        if (dependency.contains("name") && (dependency.contains("vulns") || dependency.contains("skip_reason"))) {
            return LIKELY;
        }
        return dependency.isEmpty() ? WEAK : NO; // {"dependencies": []}: nothing audited
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("pip-audit").kind(EvidenceKind.SCA)
                .facet(Facets.fromEcosystem("pypi"));
        JsonWalk.read(source, ID, p -> JsonWalk.itemsOfRootArrayOrField(p, "dependencies",
                "a pip-audit dependency object", "a pip-audit report object",
                "not a pip-audit report: no \"dependencies\"", file, ID, d -> dependency(d, collector)));
        return collector.build();
    }

    private static void dependency(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] name = new String[1];
        List<String[]> vulns = new ArrayList<>(); // id, description; the name may come later
        JsonWalk.fields(p, (key, v) -> {
            switch (key) {
                case "name" -> name[0] = JsonReports.text(v);
                case "vulns" -> JsonWalk.objects(v, vuln -> {
                    String[] f = new String[2];
                    JsonWalk.fields(vuln, (k, x) -> {
                        switch (k) {
                            case "id" -> f[0] = JsonReports.text(x);
                            case "description" -> f[1] = JsonReports.text(x);
                            default -> x.skipChildren();
                        }
                    });
                    vulns.add(f);
                });
                default -> v.skipChildren();
            }
        });
        for (String[] v : vulns) {
            collector.openFinding(Severity.UNKNOWN, v[0], Values.firstNonBlank(v[1], v[0]), name[0]);
        }
    }
}
