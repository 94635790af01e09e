package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Horusec JSON ({@code horusec start -o json}): {@code {"version", "id", "status", "errors", "createdAt",
 * "finishedAt", "analysisVulnerabilities": [{"vulnerabilities": {"rule_id", "severity", "type", "file", "details",
 * "securityTool", "language", "vulnHash"}}]}}. Horusec runs several tools (its own engine, Bandit, Semgrep, Trivy,
 * npm/yarn audit...): one evidence per {@code securityTool} (HorusecEngine is "Horusec"). Kind: SECRETS for the
 * Leaks language, SCA for the dependency auditors (npm, yarn, Safety, Trivy, OWASP Dependency-Check), SAST
 * otherwise. Each entry of type Vulnerability is an open finding of {@code rule_id} at {@code file}, severity the
 * {@code severity} word; one marked False Positive, Risk Accepted or Corrected in Horusec is suppressed. Identity:
 * Horusec's {@code vulnHash}. Version {@code version} (for Horusec itself); time {@code finishedAt}. A status of
 * error with findings is an analysis some tools failed in: its findings still count.
 */
public final class HorusecJsonParser implements ReportParser {
    private static final String ID = "horusec-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Horusec JSON", ReportFormat.Family.JSON, EvidenceKind.SAST, EvidenceKind.SCA, EvidenceKind.SECRETS);
    private static final List<String> DEPENDENCY_TOOLS = List.of("npmaudit", "yarnaudit", "safety", "trivy",
            "dependencycheck", "nancy");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("analysisVulnerabilities")) {
            return NO;
        }
        return json.childKeys("analysisVulnerabilities").contains("vulnerabilities") || json.has("repositoryID")
                || json.has("workspaceID") ? CERTAIN : LIKELY;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        return ManyTools.merged(parseAll(source));
    }

    @Override
    public List<Evidence> parseAll(final ReportSource source) throws ParseException {
        String file = source.name();
        Map<String, EvidenceCollector> tools = new LinkedHashMap<>();
        String[] run = new String[2]; // version, finishedAt
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Horusec report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "version" -> run[0] = JsonReports.text(value);
                    case "finishedAt" -> run[1] = JsonReports.text(value);
                    case "analysisVulnerabilities" -> {
                        saw[0] = true;
                        JsonWalk.objects(value, a -> JsonWalk.fields(a, (key, v) -> {
                            if ("vulnerabilities".equals(key)) {
                                vulnerability(v, tools, source);
                            }
                        }));
                    }
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a Horusec report: no \"analysisVulnerabilities\"");
            }
        });
        if (tools.isEmpty()) {
            tools.put("Horusec", collector("Horusec", source));
        }
        List<Evidence> all = new ArrayList<>();
        for (EvidenceCollector c : tools.values()) {
            if ("Horusec".equals(c.tool())) {
                c.toolVersion(run[0]);
            }
            c.producedAt(run[1]);
            if (!c.hasKind(EvidenceKind.SECRETS) && !c.hasKind(EvidenceKind.SCA) && !c.hasKind(EvidenceKind.SAST)) {
                c.kind(EvidenceKind.SAST); // no finding: what Horusec's own engine does first
            }
            all.add(c.build());
        }
        return all;
    }

    private static EvidenceCollector collector(final String tool, final ReportSource source) {
        return new EvidenceCollector(ID, source).tool(tool);
    }

    private static void vulnerability(final JsonParser p, final Map<String, EvidenceCollector> tools,
            final ReportSource source) throws IOException, ParseException {
        String[] v = new String[8]; // rule_id, severity, type, file, details, securityTool, language, vulnHash
        JsonWalk.fields(p, (name, x) -> {
            switch (name) {
                case "rule_id" -> v[0] = JsonReports.text(x);
                case "severity" -> v[1] = JsonReports.text(x);
                case "type" -> v[2] = JsonReports.text(x);
                case "file" -> v[3] = JsonReports.text(x);
                case "details" -> v[4] = JsonReports.text(x);
                case "securityTool" -> v[5] = JsonReports.text(x);
                case "language" -> v[6] = JsonReports.text(x);
                case "vulnHash" -> v[7] = JsonReports.text(x);
                default -> x.skipChildren();
            }
        });
        String securityTool = v[5] == null || v[5].isBlank() || v[5].equalsIgnoreCase("HorusecEngine") ? "Horusec"
                : v[5].trim();
        EvidenceCollector c = tools.computeIfAbsent(securityTool, t -> collector(t, source));
        String lowerTool = securityTool.toLowerCase(Locale.ROOT);
        if ("leaks".equalsIgnoreCase(v[6] == null ? "" : v[6].trim())) {
            c.kind(EvidenceKind.SECRETS);
        }
        else if (DEPENDENCY_TOOLS.stream().anyMatch(lowerTool::contains)) {
            c.kind(EvidenceKind.SCA);
        }
        else {
            c.kind(EvidenceKind.SAST);
        }
        String type = v[2] == null ? "vulnerability" : v[2].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("vulnerability")) {
            c.suppressedFinding(); // False Positive, Risk Accepted, Corrected
            return;
        }
        c.openFinding(Severity.fromWord(v[1]), v[0], v[4], v[3], v[7]);
    }
}
