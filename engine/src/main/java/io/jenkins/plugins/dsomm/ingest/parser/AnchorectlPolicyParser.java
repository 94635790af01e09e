package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.Locale;

/**
 * anchorectl (Anchore Enterprise) policy evaluation JSON ({@code anchorectl image check --detail -o json}): the
 * array of {@code {"detail": [{"gate", "triggerName", "triggerId", "description", "status", "tag"}], "status",
 * "finalAction", "tag"}} of older versions, or {@code {"evaluatedTag", "imageDigest", "evaluations": [{"status",
 * "details": [...]}]}}. CONTAINER evidence of an image ({@code target:image}), SCA too when the vulnerabilities gate
 * triggers. Each trigger whose action ({@code status}) is stop or warn is an open finding of rule gate:triggerName
 * at the image {@code tag}; a trigger whose action is go passed. Severity: the first word of the
 * {@code description} when it is a severity word (the vulnerabilities gate writes "HIGH Vulnerability found…"),
 * else UNKNOWN (stop and warn are policy actions, not severities). Identity: Anchore's {@code triggerId} (a CVE and
 * package, or a hash). Tool "anchorectl"; time the evaluation's.
 */
public final class AnchorectlPolicyParser implements ReportParser {
    private static final String ID = "anchorectl-policy-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "anchorectl policy evaluation JSON", ReportFormat.Family.JSON, EvidenceKind.SCA, EvidenceKind.CONTAINER);

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
        if (json.type() == Sniff.JsonShape.Type.ARRAY && json.has("detail", "finalAction")) {
            return json.childKeys("detail").contains("triggerName") || json.has("finalActionReason") ? CERTAIN : LIKELY;
        }
        return json.type() == Sniff.JsonShape.Type.OBJECT && json.has("evaluations")
                && (json.has("evaluatedTag") || json.has("imageDigest"))
                && json.childKeys("evaluations").contains("finalAction") ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("anchorectl")
                .kind(EvidenceKind.CONTAINER).facet(Facets.TARGET_IMAGE);
        boolean[] sca = new boolean[1];
        String[] tag = new String[1];
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                JsonWalk.objectsToEnd(p, "an anchorectl policy evaluation object", file, ID,
                        e -> evaluation(e, collector, sca, null));
                return;
            }
            JsonReports.expect(p, JsonToken.START_OBJECT, "an anchorectl policy evaluation", file, ID);
            boolean[] saw = new boolean[1];
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "evaluatedTag" -> tag[0] = JsonReports.text(value);
                    case "evaluations" -> {
                        saw[0] = true;
                        JsonWalk.objects(value, e -> evaluation(e, collector, sca, tag[0]));
                    }
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not an anchorectl policy evaluation: no \"evaluations\"");
            }
        });
        if (sca[0]) {
            collector.kind(EvidenceKind.SCA);
        }
        return collector.build();
    }

    private static void evaluation(final JsonParser p, final EvidenceCollector collector, final boolean[] sca,
            final String evaluatedTag) throws IOException, ParseException {
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "detail", "details" -> JsonWalk.objects(v, d -> trigger(d, collector, sca, evaluatedTag));
                case "lastEvaluation", "evaluationTime" -> collector.producedAt(JsonReports.text(v));
                default -> v.skipChildren();
            }
        });
    }

    private static void trigger(final JsonParser p, final EvidenceCollector collector, final boolean[] sca,
            final String evaluatedTag) throws IOException, ParseException {
        String[] t = new String[6]; // gate, triggerName, triggerId, description, status, tag
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "gate" -> t[0] = JsonReports.text(v);
                case "triggerName", "trigger" -> t[1] = JsonReports.text(v);
                case "triggerId" -> t[2] = JsonReports.text(v);
                case "description" -> t[3] = JsonReports.text(v);
                case "status", "action" -> t[4] = JsonReports.text(v);
                case "tag" -> t[5] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        String action = t[4] == null ? "" : t[4].trim().toLowerCase(Locale.ROOT);
        if (action.equals("go")) {
            return;
        }
        if (t[0] != null && t[0].trim().equalsIgnoreCase("vulnerabilities")) {
            sca[0] = true;
        }
        String description = t[3] == null ? "" : t[3].trim();
        int space = description.indexOf(' ');
        Severity severity = Severity.fromWord(space > 0 ? description.substring(0, space) : description);
        String rule = Values.firstNonBlank(t[0], "") + ":" + Values.firstNonBlank(t[1], "");
        collector.openFinding(severity, rule, Values.firstNonBlank(t[3], rule), Values.firstNonBlank(t[5], evaluatedTag),
                t[2]);
    }
}
