package io.jenkins.plugins.dsomm.bench;

import edu.hm.hafner.analysis.IssueBuilder;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.Severity;
import edu.hm.hafner.analysis.parser.JsonIssueParser;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The CycloneDX reference of the benchmark. analysis-model 13.x has no CycloneDX parser, so this is the nearest
 * thing it offers: its own {@link JsonIssueParser} base (the whole document read into an {@code org.json} tree,
 * as its OWASP Dependency-Check, Trivy, Grype and npm audit parsers do) with the least walking on top: one issue
 * per vulnerability and affected reference; components (nested ones included) are counted only, as a component
 * is no issue. It is a baseline for the reading technique, not a parser anyone ships.
 */
public final class CycloneDxOnAnalysisModel extends JsonIssueParser {
    private static final long serialVersionUID = 1L;

    @Override
    protected void parseJsonObject(final Report report, final JSONObject bom, final IssueBuilder builder) {
        JSONArray components = bom.optJSONArray("components");
        int count = components == null ? 0 : countComponents(components);
        report.logInfo("components: %d", count);
        JSONArray vulnerabilities = bom.optJSONArray("vulnerabilities");
        if (vulnerabilities == null) {
            return;
        }
        for (int i = 0; i < vulnerabilities.length(); i++) {
            JSONObject v = vulnerabilities.getJSONObject(i);
            JSONArray affects = v.optJSONArray("affects");
            if (affects == null) {
                continue;
            }
            for (int k = 0; k < affects.length(); k++) {
                report.add(builder.setFileName(affects.getJSONObject(k).optString("ref"))
                        .setType(v.optString("id"))
                        .setMessage(v.optString("description"))
                        .setSeverity(Severity.WARNING_NORMAL)
                        .buildAndClean());
            }
        }
    }

    private static int countComponents(final JSONArray components) {
        int count = 0;
        for (int i = 0; i < components.length(); i++) {
            count++;
            JSONArray nested = components.getJSONObject(i).optJSONArray("components");
            if (nested != null) {
                count += countComponents(nested);
            }
        }
        return count;
    }
}
