package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

/**
 * cargo audit JSON ({@code cargo audit --json}): {@code {"database", "lockfile", "settings", "vulnerabilities":
 * {"found", "count", "list": [{"advisory": {"id", "package", "title", "cvss", "informational"}, "versions",
 * "package": {"name", "version"}}]}, "warnings": {"unmaintained": [...], "unsound": [...], "yanked": [...]}}}. SCA,
 * ecosystem cargo. Each entry of {@code vulnerabilities.list} is an open finding of the advisory id (RUSTSEC-…) at
 * the package name; severity from the advisory's CVSS vector (base score computed: RustSec states no word), else
 * UNKNOWN. The {@code warnings} (unmaintained, unsound, yanked crates: informational, cargo audit does not fail on
 * them by default) are no findings. Tool "cargo audit"; no version stated; no time (the database's
 * {@code last-updated} is not the scan's).
 */
public final class CargoAuditJsonParser implements ReportParser {
    private static final String ID = "cargo-audit-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "cargo audit JSON", ReportFormat.Family.JSON, EvidenceKind.SCA);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("vulnerabilities")) {
            return NO;
        }
        var vulnerabilities = json.childKeys("vulnerabilities");
        boolean shape = vulnerabilities.contains("list") && vulnerabilities.contains("found");
        if (shape && (json.has("lockfile") || json.childKeys("database").contains("advisory-count"))) {
            return CERTAIN;
        }
        return shape ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("cargo audit").kind(EvidenceKind.SCA)
                .facet(Facets.fromEcosystem("cargo"));
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a cargo audit report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                if ("vulnerabilities".equals(name)) {
                    saw[0] = true;
                    JsonWalk.fields(value, (key, v) -> {
                        if ("list".equals(key)) {
                            JsonWalk.objects(v, entry -> vulnerability(entry, collector));
                        }
                    });
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a cargo audit report: no \"vulnerabilities\"");
            }
        });
        return collector.build();
    }

    private static void vulnerability(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] a = new String[3]; // id, title, package (advisory's, else the entry's)
        CvssScores scores = new CvssScores();
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "advisory" -> JsonWalk.fields(v, (key, x) -> {
                    switch (key) {
                        case "id" -> a[0] = JsonReports.text(x);
                        case "title" -> a[1] = JsonReports.text(x);
                        case "package" -> a[2] = a[2] == null ? JsonReports.text(x) : a[2];
                        case "cvss" -> scores.offerVector(JsonReports.text(x));
                        default -> x.skipChildren();
                    }
                });
                case "package" -> {
                    String pkg = JsonWalk.property(v, "name");
                    a[2] = pkg != null ? pkg : a[2];
                }
                default -> v.skipChildren();
            }
        });
        collector.openFinding(CvssScores.severity(null, scores), a[0], Values.firstNonBlank(a[1], a[0]), a[2]);
    }
}
