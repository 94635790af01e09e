package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checkstyle XML: root {@code <checkstyle version>}, {@code <file name>} with {@code <error line severity message
 * source>}. Written by Checkstyle and by many other linters (ESLint's checkstyle formatter, ShellCheck
 * {@code -f checkstyle}, Hadolint, detekt...), none of which names itself: the tool is inferred from the
 * {@code source} of the first error that shows it — {@code com.puppycrawl.tools.checkstyle.*} Checkstyle,
 * {@code ShellCheck.SC*} ShellCheck, {@code eslint.rules.*} ESLint, {@code DL0000} or a bare {@code SC0000}
 * Hadolint, {@code detekt.*} detekt — else "Checkstyle". Kinds: LINT; IAC for Hadolint; SAST in addition when an
 * ESLint security plugin rule reports ({@code security/}, {@code security-node/}, {@code no-unsanitized/},
 * {@code xss/}, {@code @microsoft/sdl/}). Every error is an open finding at the file, of rule {@code source}
 * (without the {@code eslint.rules.}, {@code ShellCheck.} and {@code detekt.} prefixes); severity error → HIGH,
 * warning → MEDIUM, info → INFO, anything else UNKNOWN; severity ignore is suppressed. The version is the root
 * {@code version} only when the tool is Checkstyle itself and it is not {@code 4.3}, the format version other
 * tools write.
 */
public final class CheckstyleXmlParser implements ReportParser {
    private static final String ID = "checkstyle-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Checkstyle XML (Checkstyle, ESLint, ShellCheck, Hadolint, detekt...)", ReportFormat.Family.XML,
            EvidenceKind.SAST, EvidenceKind.IAC, EvidenceKind.LINT);
    private static final int MAX_TEXT = 1000;
    private static final String CHECKSTYLE = "Checkstyle";
    private static final Pattern HADOLINT = Pattern.compile("(DL|SC)\\d{4}");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null || !"checkstyle".equals(root.name())) {
            return NO;
        }
        return LIKELY;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        String[] version = new String[1];
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            if (!"checkstyle".equals(r.getLocalName())) {
                throw XmlWalk.wrongRoot(r, file, ID, "a Checkstyle report");
            }
            version[0] = XmlWalk.attribute(r, "version");
            while (XmlWalk.nextChild(r)) {
                if ("file".equals(r.getLocalName())) {
                    readFile(r, collector, kinds);
                }
                else {
                    XmlWalk.skip(r);
                }
            }
        });
        collector.tool(CHECKSTYLE);
        if (CHECKSTYLE.equals(collector.tool()) && version[0] != null && !"4.3".equals(version[0].trim())) {
            collector.toolVersion(version[0]);
        }
        if (kinds.isEmpty()) {
            kinds.add(EvidenceKind.LINT);
        }
        kinds.forEach(collector::kind);
        return collector.build();
    }

    private static void readFile(final XMLStreamReader r, final EvidenceCollector collector,
            final Set<EvidenceKind> kinds) throws XMLStreamException {
        String name = XmlWalk.attribute(r, "name");
        collector.path(name);
        while (XmlWalk.nextChild(r)) {
            if ("error".equals(r.getLocalName())) {
                String severity = XmlWalk.attribute(r, "severity");
                String message = XmlWalk.attribute(r, "message");
                String ruleSource = XmlWalk.attribute(r, "source");
                XmlWalk.skip(r);
                String rule = classify(ruleSource, collector, kinds);
                if (severity != null && "ignore".equalsIgnoreCase(severity.trim())) {
                    collector.suppressedFinding();
                }
                else {
                    String title = message == null || message.isBlank() ? rule : shorten(message);
                    collector.openFinding(Severity.fromWord(severity), rule, title, name);
                }
            }
            else {
                XmlWalk.skip(r); // exception
            }
        }
    }

    /** Infers tool and kinds from an error's source; returns the rule id. */
    static String classify(final String source, final EvidenceCollector collector, final Set<EvidenceKind> kinds) {
        if (source == null || source.isBlank()) {
            kinds.add(EvidenceKind.LINT);
            return "";
        }
        String s = source.trim();
        if (s.startsWith("eslint.rules.")) {
            String rule = s.substring("eslint.rules.".length());
            collector.tool("ESLint");
            kinds.add(EvidenceKind.LINT);
            if (EslintRules.isSecurityRule(rule)) {
                kinds.add(EvidenceKind.SAST);
            }
            return rule;
        }
        if (s.startsWith("ShellCheck")) {
            collector.tool("ShellCheck");
            kinds.add(EvidenceKind.LINT);
            return s.startsWith("ShellCheck.") ? s.substring("ShellCheck.".length()) : s;
        }
        if (HADOLINT.matcher(s).matches()) {
            collector.tool("Hadolint");
            kinds.add(EvidenceKind.IAC);
            return s;
        }
        if (s.startsWith("detekt.")) {
            collector.tool("detekt");
            kinds.add(EvidenceKind.LINT);
            return s.substring("detekt.".length());
        }
        if (s.startsWith("com.puppycrawl.tools.checkstyle")) {
            collector.tool(CHECKSTYLE);
        }
        kinds.add(EvidenceKind.LINT);
        return s;
    }

    private static String shorten(final String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }
}
