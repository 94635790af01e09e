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

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JUnit XML test reports: root {@code <testsuites>} or {@code <testsuite>}, nested suites, {@code <testcase>} with
 * {@code <failure>}, {@code <error>}, {@code <skipped>} (and Surefire's {@code flakyFailure}/{@code rerunFailure}),
 * as Maven Surefire, Gradle, Jest, Mocha and many others write them. An ordinary test report is TEST evidence with
 * no findings: failing tests are not security findings (the report only proves the tests ran). Tool
 * "Maven Surefire" when the Surefire schema is referenced (no version: Surefire's {@code version} attribute is the
 * report schema's), else "JUnit"; time from the first {@code timestamp} of a suite.
 *
 * <p>Three scanners also write JUnit XML, and their failing test cases are findings:
 * <ul>
 * <li><b>Trivy</b> ({@code --format template --template @contrib/junit.tpl}; root {@code <testsuites name="trivy">},
 * or test case names {@code [SEVERITY] ID}): each test case with a failure is a finding, severity the bracketed
 * word of its name (older template: a {@code <failure type="severity">} text). A case whose description failure
 * message equals its id is a secret (SECRETS, rule = {@code classname}, location = the suite name, the target);
 * a case with an empty failure is a licence (LICENSE, rule = licence, location = package); a case whose
 * {@code classname} ({@code pkg-version}) holds a digit is a vulnerability (SCA, located at the package name); any
 * other is a misconfiguration (IAC, {@code classname} is the config type, located at the target). A suite with
 * an {@code image} property or an operating-system {@code type} makes it CONTAINER evidence too; a clean report
 * is SCA. Tool "Trivy", no version.</li>
 * <li><b>Gitleaks</b> ({@code --report-format junit}; suite named {@code gitleaks}): each failing case is a secret
 * (SECRETS) of the rule {@code RuleID} of the finding JSON in the failure text, at its {@code File}, with its
 * {@code Fingerprint} when not empty; Gitleaks states no severity (UNKNOWN). Tool "Gitleaks", no version.</li>
 * <li><b>Burp Dastardly</b> ({@code dastardly-report.xml}; root {@code <testsuites name="Dastardly scan results…">},
 * one suite per URL crawled): DAST evidence, a clean scan included; each {@code <failure>} is a finding of the issue
 * named by its test case, severity the word of its {@code type} (High, Medium, Low, Information → INFO), located
 * at the URL its message names ("… found at URL"), else at the suite's. Tool "Burp Dastardly", no version.</li>
 * </ul>
 */
public final class JUnitXmlParser implements ReportParser {
    private static final String ID = "junit-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "JUnit XML (test reports; Trivy, Gitleaks and Burp Dastardly JUnit output as findings)",
            ReportFormat.Family.XML, EvidenceKind.SCA, EvidenceKind.DAST, EvidenceKind.SECRETS, EvidenceKind.IAC,
            EvidenceKind.CONTAINER, EvidenceKind.LICENSE, EvidenceKind.TEST);
    private static final String DASTARDLY = "Dastardly scan results";
    private static final Pattern FOUND_AT = Pattern.compile(" found at (\\S+)\\s*$");
    private static final int MAX_TEXT = 64 * 1024;
    private static final Pattern TRIVY_NAME = Pattern.compile("\\[(CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN)]\\s+(.*)",
            Pattern.DOTALL);
    private static final Pattern GITLEAKS_MESSAGE = Pattern.compile("(\\S+) has detected a secret");
    private static final Set<String> OS_TYPES = Set.of("alpine", "debian", "ubuntu", "redhat", "centos", "rocky",
            "alma", "amazon", "oracle", "photon", "suse", "opensuse", "opensuse.leap", "opensuse.tumbleweed",
            "opensuse-leap", "opensuse-tumbleweed", "sles", "slem", "cbl-mariner", "azurelinux", "wolfi",
            "chainguard", "fedora", "bottlerocket", "echo", "minimos");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null) {
            return NO;
        }
        return "testsuites".equals(root.name()) || "testsuite".equals(root.name()) ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Read read = new Read(collector);
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            String root = r.getLocalName();
            if ("testsuites".equals(root)) {
                String name = trim(XmlWalk.attribute(r, "name"));
                read.trivy = "trivy".equalsIgnoreCase(name);
                read.dastardly = name != null && name.startsWith(DASTARDLY);
                if (read.trivy) {
                    collector.tool("Trivy");
                }
                while (XmlWalk.nextChild(r)) {
                    if ("testsuite".equals(r.getLocalName())) {
                        read.suite(r);
                    }
                    else {
                        XmlWalk.skip(r);
                    }
                }
            }
            else if ("testsuite".equals(root)) {
                String schema = XmlWalk.attribute(r, "noNamespaceSchemaLocation");
                read.surefire = schema != null && schema.contains("surefire");
                read.suite(r);
            }
            else {
                throw XmlWalk.wrongRoot(r, file, ID, "a JUnit report");
            }
        });
        return read.build();
    }

    /** One failure, error or similar child of a test case. */
    private record Failure(String element, String type, String message, String text) {
    }

    /** The state of one read. */
    private static final class Read {
        private final EvidenceCollector collector;
        private final Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        private boolean trivy;
        private boolean trivyFindings;
        private boolean gitleaks;
        private boolean dastardly;
        private boolean surefire;

        Read(final EvidenceCollector collector) {
            this.collector = collector;
        }

        /** A testsuite element, nested suites included (the reader is on its START_ELEMENT). */
        void suite(final XMLStreamReader r) throws XMLStreamException {
            String name = trim(XmlWalk.attribute(r, "name"));
            collector.producedAt(XmlWalk.attribute(r, "timestamp"));
            boolean gitleaksSuite = "gitleaks".equalsIgnoreCase(name);
            if (gitleaksSuite && !trivy) {
                gitleaks = true;
                collector.tool("Gitleaks"); // before its findings: their identities use the tool's fingerprints
            }
            String type = null;
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "testsuite" -> suite(r);
                    case "properties" -> type = properties(r, type);
                    case "testcase" -> testcase(r, name, type, gitleaksSuite);
                    default -> XmlWalk.skip(r);
                }
            }
        }

        /** Reads Trivy's {@code type} and {@code image} properties; returns the type. */
        private String properties(final XMLStreamReader r, final String type) throws XMLStreamException {
            String result = type;
            while (XmlWalk.nextChild(r)) {
                if ("property".equals(r.getLocalName())) {
                    String key = XmlWalk.attribute(r, "name");
                    String value = trim(XmlWalk.attribute(r, "value"));
                    if ("type".equals(key) && value != null && !value.isEmpty()) {
                        result = value;
                    }
                    else if ("image".equals(key) && trivy && value != null && !value.isEmpty()) {
                        kinds.add(EvidenceKind.CONTAINER);
                    }
                }
                XmlWalk.skip(r);
            }
            return result;
        }

        private void testcase(final XMLStreamReader r, final String suite, final String type,
                final boolean gitleaksSuite) throws XMLStreamException {
            String classname = trim(XmlWalk.attribute(r, "classname"));
            String name = trim(XmlWalk.attribute(r, "name"));
            String fileAttr = trim(XmlWalk.attribute(r, "file"));
            List<Failure> failures = new ArrayList<>();
            while (XmlWalk.nextChild(r)) {
                String element = r.getLocalName();
                if ("failure".equals(element) || "error".equals(element)) {
                    String failureType = XmlWalk.attribute(r, "type");
                    String message = XmlWalk.attribute(r, "message");
                    failures.add(new Failure(element, failureType, message, XmlWalk.text(r, MAX_TEXT)));
                }
                else {
                    XmlWalk.skip(r); // skipped, flakyFailure, rerunFailure, system-out, system-err, properties
                }
            }
            if (failures.isEmpty()) {
                return;
            }
            if (dastardly) {
                Failure f = failures.get(0);
                Matcher at = f.message() == null ? null : FOUND_AT.matcher(f.message());
                collector.openFinding(Severity.fromWord(f.type()), name, f.message() != null ? f.message() : name,
                        at != null && at.find() ? at.group(1) : suite);
                return;
            }
            if (gitleaksSuite && !trivy) {
                gitleaksFinding(failures.get(0), classname, fileAttr);
                return;
            }
            Matcher m = name == null ? null : TRIVY_NAME.matcher(name);
            boolean bracketed = m != null && m.matches();
            Failure severityFailure = null;
            Failure description = null;
            for (Failure f : failures) {
                if ("severity".equals(f.type())) {
                    severityFailure = f;
                }
                else if ("description".equals(f.type()) && description == null) {
                    description = f;
                }
            }
            if (!trivy && !(bracketed && description != null) && severityFailure == null) {
                return; // an ordinary failing test
            }
            trivyFindings = true;
            String id = bracketed ? m.group(2).trim() : name;
            Severity severity = bracketed ? Severity.fromWord(m.group(1))
                    : severityFailure != null ? Severity.fromWord(severityFailure.text()) : Severity.UNKNOWN;
            String title = description != null && description.message() != null ? description.message() : id;
            if (severityFailure != null) {
                vulnerability(severity, id, title, classname, type);
            }
            else if (description == null) {
                kinds.add(EvidenceKind.LICENSE);
                collector.openFinding(severity, id, "licence " + id, classname);
            }
            else if (description.message() != null && description.message().trim().equals(id)) {
                kinds.add(EvidenceKind.SECRETS);
                collector.openFinding(severity, classname, title, suite);
            }
            else if (classname != null && classname.chars().anyMatch(Character::isDigit)) {
                vulnerability(severity, id, title, classname, type);
            }
            else {
                kinds.add(EvidenceKind.IAC);
                String target = Facets.fromIacFramework(classname);
                if (target != null) {
                    collector.facet(target);
                }
                collector.openFinding(severity, id, title, suite);
            }
        }

        private void vulnerability(final Severity severity, final String id, final String title,
                final String classname, final String type) {
            kinds.add(EvidenceKind.SCA);
            if (type != null) {
                collector.facet(Facets.fromEcosystem(type));
                if (OS_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                    kinds.add(EvidenceKind.CONTAINER);
                }
            }
            collector.openFinding(severity, id, title, packageName(classname));
        }

        private void gitleaksFinding(final Failure failure, final String classname, final String fileAttr) {
            kinds.add(EvidenceKind.SECRETS);
            String[] fields = gitleaksJson(failure.text());
            String rule = fields[0];
            if (rule == null && failure.message() != null) {
                Matcher m = GITLEAKS_MESSAGE.matcher(failure.message());
                if (m.lookingAt()) {
                    rule = m.group(1);
                }
            }
            String location = Values.firstNonBlank(fields[1], fileAttr);
            String title = Values.firstNonBlank(failure.type(), classname);
            String fingerprint = fields[2] == null || fields[2].isBlank() ? null : fields[2];
            collector.openFinding(Severity.UNKNOWN, rule, title, location, fingerprint);
        }

        Evidence build() {
            if (trivy || trivyFindings) {
                collector.tool("Trivy");
                if (kinds.isEmpty() || kinds.equals(EnumSet.of(EvidenceKind.CONTAINER))) {
                    kinds.add(EvidenceKind.SCA);
                }
            }
            else if (gitleaks) {
                collector.tool("Gitleaks");
                kinds.add(EvidenceKind.SECRETS);
            }
            else if (dastardly) {
                collector.tool("Burp Dastardly");
                kinds.add(EvidenceKind.DAST);
            }
            else if (surefire) {
                collector.tool("Maven Surefire"); // its "version" attribute is the report schema's
            }
            collector.tool("JUnit");
            if (kinds.isEmpty()) {
                kinds.add(EvidenceKind.TEST);
            }
            kinds.forEach(collector::kind);
            return collector.build();
        }
    }

    /** RuleID, File and Fingerprint of a Gitleaks finding JSON; nulls when the text is not one. */
    private static String[] gitleaksJson(final String text) {
        String[] result = new String[3];
        if (text == null || !text.startsWith("{")) {
            return result;
        }
        try (JsonParser p = JsonReports.factory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return result;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "RuleID" -> result[0] = JsonReports.text(p);
                    case "File" -> result[1] = JsonReports.text(p);
                    case "Fingerprint" -> result[2] = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
        }
        catch (IOException e) {
            // not JSON after all: the message and attributes are used
        }
        return result;
    }

    /**
     * The package name of Trivy's {@code pkg-version} class name: up to the first dash followed by a digit (or by
     * {@code v} and a digit); the whole name when there is none.
     */
    static String packageName(final String classname) {
        if (classname == null) {
            return null;
        }
        for (int i = 1; i < classname.length() - 1; i++) {
            if (classname.charAt(i) == '-') {
                char next = classname.charAt(i + 1);
                if (Character.isDigit(next) || next == 'v' && i + 2 < classname.length()
                        && Character.isDigit(classname.charAt(i + 2))) {
                    return classname.substring(0, i);
                }
            }
        }
        return classname;
    }

    private static String trim(final String s) {
        return s == null ? null : s.trim();
    }
}
