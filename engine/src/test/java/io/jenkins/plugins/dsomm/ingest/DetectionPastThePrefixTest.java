package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection does not depend on how long the first value of a JSON report is or on the order of its keys: when the
 * {@value Sniff#PREFIX_BYTES}-byte prefix tells nothing, the whole document's top-level keys decide. A report whose
 * prefix already tells what it is is not read again for detection.
 */
class DetectionPastThePrefixTest {
    /** A JSON string of about {@code bytes} characters. */
    private static String longString(final int bytes) {
        return "\"" + "QUJD".repeat(bytes / 4) + "\"";
    }

    private static IngestedFile read(final CountingSource source) {
        return new Ingestor().readFile(source, null);
    }

    @Test
    void grypeReportWhoseDescriptorAndMatchesComeAfterALongSource() {
        String report = "{\"source\":{\"type\":\"image\",\"target\":{\"userInput\":\"app:1\",\"config\":"
                + longString(100_000) + ",\"layers\":[]}},"
                + "\"distro\":{\"name\":\"alpine\",\"version\":\"3.19.1\"},"
                + "\"descriptor\":{\"name\":\"grype\",\"version\":\"0.74.0\",\"timestamp\":\"2024-02-01T10:00:00Z\"},"
                + "\"matches\":["
                + "{\"vulnerability\":{\"id\":\"CVE-2024-0001\",\"severity\":\"High\"},"
                + "\"artifact\":{\"name\":\"busybox\",\"version\":\"1.36.1-r15\",\"type\":\"apk\"}},"
                + "{\"vulnerability\":{\"id\":\"CVE-2024-0002\",\"severity\":\"Low\"},"
                + "\"artifact\":{\"name\":\"musl\",\"version\":\"1.2.4-r2\",\"type\":\"apk\"}}]}";
        CountingSource source = new CountingSource("grype.json", report);
        IngestedFile outcome = read(source);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.format()).isEqualTo("grype-json");
        assertThat(outcome.evidence().get(0).open()).isEqualTo(SeverityCounts.of(0, 1, 0, 1, 0, 0));
        assertThat(outcome.evidence().get(0).toolVersion()).isEqualTo("0.74.0");
        assertThat(source.opened.get()).as("prefix, whole-document look, parse").isEqualTo(3);
    }

    @Test
    void npmAuditV6ReportWithALongActionsArrayBeforeTheAdvisories() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            actions.append(i == 0 ? "" : ",").append("{\"action\":\"update\",\"module\":\"lodash\",\"depth\":")
                    .append(i % 5 + 1).append(",\"target\":\"4.17.21\",\"resolves\":[{\"id\":1523,\"path\":\"app>dep")
                    .append(i).append(">lodash\",\"dev\":false,\"optional\":false,\"bundled\":false}]}");
        }
        String report = "{\"actions\":[" + actions + "],\"advisories\":{\"1523\":{\"id\":1523,"
                + "\"module_name\":\"lodash\",\"severity\":\"high\",\"github_advisory_id\":\"GHSA-p6mc-m468-83gw\","
                + "\"findings\":[{\"version\":\"4.17.15\",\"paths\":[\"app>dep0>lodash\",\"app>dep1>lodash\"]}]}},"
                + "\"muted\":[],\"metadata\":{\"vulnerabilities\":{\"info\":0,\"low\":0,\"moderate\":0,\"high\":2,"
                + "\"critical\":0},\"dependencies\":1500,\"devDependencies\":0,\"totalDependencies\":1500},"
                + "\"runId\":\"5d7b2c4e\"}";
        assertThat(report.length()).isGreaterThan(Sniff.PREFIX_BYTES * 2);
        IngestedFile outcome = read(new CountingSource("audit.json", report));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.format()).isEqualTo("npm-audit-json");
        assertThat(outcome.evidence().get(0).open()).isEqualTo(SeverityCounts.of(0, 2, 0, 0, 0, 0));
    }

    @Test
    void banditReportWithEightHundredErrorsBeforeItsResults() {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            errors.append(i == 0 ? "" : ",").append("{\"filename\":\"vendor/legacy/module_").append(i)
                    .append(".py\",\"reason\":\"syntax error while parsing AST from file\"}");
        }
        String report = "{\"errors\":[" + errors + "],\"generated_at\":\"2024-03-04T05:06:07Z\","
                + "\"metrics\":{\"_totals\":{\"SEVERITY.HIGH\":1.0,\"SEVERITY.LOW\":1.0,\"loc\":20,\"nosec\":0}},"
                + "\"results\":[{\"test_id\":\"B602\",\"test_name\":\"subprocess_popen_with_shell_equals_true\","
                + "\"issue_severity\":\"HIGH\",\"issue_confidence\":\"HIGH\",\"issue_text\":\"shell=True\","
                + "\"filename\":\"app.py\",\"line_number\":3},"
                + "{\"test_id\":\"B101\",\"test_name\":\"assert_used\",\"issue_severity\":\"LOW\","
                + "\"issue_confidence\":\"HIGH\",\"issue_text\":\"assert\",\"filename\":\"app.py\",\"line_number\":9}]}";
        assertThat(report.length()).isGreaterThan(Sniff.PREFIX_BYTES);
        IngestedFile outcome = read(new CountingSource("bandit.json", report));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.format()).isEqualTo("bandit-json");
        assertThat(outcome.evidence().get(0).open()).isEqualTo(SeverityCounts.of(0, 1, 0, 1, 0, 0));
        assertThat(outcome.evidence().get(0).producedAt()).isEqualTo(Instant.parse("2024-03-04T05:06:07Z"));
    }

    @Test
    void aReportWhosePrefixTellsWhatItIsIsNotReadAgainForDetection() {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            results.append(i == 0 ? "" : ",").append("{\"ruleId\":\"R").append(i % 7).append("\",\"level\":\"warning\",")
                    .append("\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":")
                    .append("{\"uri\":\"src/F").append(i).append(".java\"}}}]}");
        }
        String report = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                + "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},\"results\":[" + results + "]}]}";
        assertThat(report.length()).isGreaterThan(Sniff.PREFIX_BYTES * 2);
        CountingSource source = new CountingSource("big.sarif", report);
        IngestedFile outcome = read(source);
        assertThat(outcome.format()).isEqualTo("sarif");
        assertThat(outcome.evidence().get(0).open().total()).isEqualTo(2000);
        assertThat(source.opened.get()).as("prefix, parse").isEqualTo(2);
    }

    @Test
    void aLongJsonDocumentNoFormatHasStaysUnrecognisedAfterOneLookAtTheWhole() {
        String report = "{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{\"\":" + longString(80_000)
                + ",\"node_modules/a\":{\"version\":\"1.0.0\"}}}";
        CountingSource source = new CountingSource("package-lock.json", report);
        IngestedFile outcome = read(source);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.UNRECOGNISED);
        assertThat(source.opened.get()).as("prefix, whole-document look").isEqualTo(2);
    }

    @Test
    void theWholeDocumentShapeHoldsTheKeysThatComeLate() throws IOException {
        String report = "{\"first\":" + longString(70_000) + ",\"late\":{\"child\":[1,2]},\"scalar\":\"v\"}";
        CountingSource source = new CountingSource("late.json", report);
        Sniff prefix = Sniff.of(source);
        assertThat(prefix.incompleteJson()).isTrue();
        assertThat(prefix.json().keys()).containsExactly("first");
        Sniff whole = Sniff.wholeDocument(source, prefix);
        assertThat(whole.json().keys()).containsExactly("first", "late", "scalar");
        assertThat(whole.json().childKeys("late")).containsExactly("child");
        assertThat(whole.json().value("scalar")).isEqualTo("v");
        assertThat(whole.json().value("first")).hasSize(256);
        assertThat(whole.text()).isEqualTo(prefix.text());
    }

    /** A report in memory that counts how often it is opened. */
    private static final class CountingSource extends ReportSource {
        private final byte[] content;
        private final AtomicInteger opened = new AtomicInteger();

        CountingSource(final String name, final String content) {
            super(name);
            this.content = content.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public InputStream open() {
            opened.incrementAndGet();
            return new java.io.ByteArrayInputStream(content);
        }

        @Override
        public long size() {
            return content.length;
        }

        @Override
        public Instant lastModified() {
            return null;
        }
    }
}
