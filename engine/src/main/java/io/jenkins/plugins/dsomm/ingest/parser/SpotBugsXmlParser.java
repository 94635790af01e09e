package io.jenkins.plugins.dsomm.ingest.parser;

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
import io.jenkins.plugins.dsomm.ingest.Times;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.Locale;

/**
 * SpotBugs XML ({@code spotbugsXml.xml}, {@code -xml[:withMessages]}), FindSecBugs included, and the FindBugs XML it
 * descends from: root {@code <BugCollection version analysisTimestamp timestamp>}. Every {@code <BugInstance>} is an
 * open finding (SAST; FindSecBugs' SECURITY category too) of rule {@code type}, except one that a bug history
 * marks as gone ({@code last} set: fixed in a later analysis) and one a user classified as NOT_A_BUG or
 * BAD_ANALYSIS ({@code <UserAnnotation designation>}, FindBugs cloud), which is suppressed. Severity from
 * {@code priority}: 1 → HIGH, 2 → MEDIUM, 3 → LOW, anything else UNKNOWN. Location: the {@code sourcepath} of the
 * primary {@code <SourceLine>} of the bug, else of its class. Identity: SpotBugs' own {@code instanceHash} with
 * {@code instanceOccurrenceNum}. Tool "SpotBugs" (versions before 3.1 are "FindBugs"), version from
 * {@code version}; time from {@code analysisTimestamp} (epoch milliseconds), else {@code timestamp}.
 *
 * <p>spotbugs-maven-plugin's {@code spotbugs.xml} (its "xdoc" form) has the same root, with
 * {@code <file classname><BugInstance type priority category message lineNumber/></file>} children: each such
 * {@code <BugInstance>} is an open finding of rule {@code type} located at the class's source path (from
 * {@code classname}), titled by its {@code message}, severity from the priority word (High → HIGH, Normal → MEDIUM,
 * Low → LOW, else UNKNOWN); its identity is rule + location + occurrence. A {@code <BugInstance>} anywhere else
 * that is not read is an error: a recognised report never gives 0 findings from findings it did not understand.
 */
public final class SpotBugsXmlParser implements ReportParser {
    private static final String ID = "spotbugs-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "SpotBugs / FindSecBugs / FindBugs XML", ReportFormat.Family.XML, EvidenceKind.SAST);
    private static final int MAX_TEXT = 1000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null || !"BugCollection".equals(root.name())) {
            return NO;
        }
        return root.attribute("version") != null || root.children().contains("Project") ? CERTAIN : LIKELY;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.kind(EvidenceKind.SAST);
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            if (!"BugCollection".equals(r.getLocalName())) {
                throw XmlWalk.wrongRoot(r, file, ID, "a SpotBugs report");
            }
            String version = XmlWalk.attribute(r, "version");
            collector.tool(isFindBugs(version) ? "FindBugs" : "SpotBugs").toolVersion(version);
            collector.producedAt(epoch(XmlWalk.attribute(r, "analysisTimestamp")));
            collector.producedAt(epoch(XmlWalk.attribute(r, "timestamp")));
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "BugInstance" -> readBug(r, collector);
                    case "file" -> readFile(r, collector, file);
                    default -> skipWithoutBugs(r, file);
                }
            }
        });
        return collector.build();
    }

    /** spotbugs-maven-plugin's {@code <file classname>} with its {@code <BugInstance>} children. */
    private static void readFile(final XMLStreamReader r, final EvidenceCollector collector, final String file)
            throws XMLStreamException, ParseException {
        String location = classPath(XmlWalk.attribute(r, "classname"));
        while (XmlWalk.nextChild(r)) {
            if (!"BugInstance".equals(r.getLocalName())) {
                skipWithoutBugs(r, file);
                continue;
            }
            String type = XmlWalk.attribute(r, "type");
            String message = XmlWalk.attribute(r, "message");
            collector.openFinding(severity(XmlWalk.attribute(r, "priority")), type,
                    message == null || message.isBlank() ? type : message, location);
            XmlWalk.skip(r);
        }
    }

    /** Skips an element that is not read, refusing one holding a {@code <BugInstance>}: its findings would be lost. */
    private static void skipWithoutBugs(final XMLStreamReader r, final String file)
            throws XMLStreamException, ParseException {
        String element = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        int column = r.getLocation().getColumnNumber();
        if (XmlWalk.skipCounting(r, "BugInstance") > 0) {
            throw new ParseException(file, ID, "<BugInstance> elements inside <" + element + ">, which DSOMM Gate "
                    + "does not read: refused rather than reporting fewer findings than the report holds", line,
                    column, null);
        }
    }

    /** FindBugs' last release was 3.0.1; SpotBugs started at 3.1.0. */
    static boolean isFindBugs(final String version) {
        if (version == null) {
            return false;
        }
        String v = version.trim();
        return v.startsWith("1.") || v.startsWith("2.") || v.startsWith("3.0");
    }

    private static java.time.Instant epoch(final String millis) {
        if (millis == null) {
            return null;
        }
        double value = JsonReports.parseNumber(millis);
        return Double.isNaN(value) ? Times.parse(millis) : Times.fromEpoch(value);
    }

    private static void readBug(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        String type = XmlWalk.attribute(r, "type");
        String priority = XmlWalk.attribute(r, "priority");
        String hash = XmlWalk.attribute(r, "instanceHash");
        String occurrence = XmlWalk.attribute(r, "instanceOccurrenceNum");
        String last = XmlWalk.attribute(r, "last");
        String title = null;
        String primaryLine = null;
        String firstLine = null;
        String primaryClass = null;
        String firstClass = null;
        String designation = null;
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "ShortMessage" -> title = XmlWalk.text(r, MAX_TEXT);
                case "SourceLine" -> {
                    String path = XmlWalk.attribute(r, "sourcepath");
                    if ("true".equals(XmlWalk.attribute(r, "primary")) && primaryLine == null) {
                        primaryLine = path;
                    }
                    if (firstLine == null) {
                        firstLine = path;
                    }
                    XmlWalk.skip(r);
                }
                case "Class" -> {
                    boolean primary = "true".equals(XmlWalk.attribute(r, "primary"));
                    String path = classSourcePath(r);
                    if (primary && primaryClass == null) {
                        primaryClass = path;
                    }
                    if (firstClass == null) {
                        firstClass = path;
                    }
                }
                case "UserAnnotation" -> {
                    designation = XmlWalk.attribute(r, "designation");
                    XmlWalk.skip(r);
                }
                default -> XmlWalk.skip(r);
            }
        }
        if (last != null && !last.isBlank()) {
            return; // gone in a later analysis of a bug history
        }
        if (designation != null && (designation.equalsIgnoreCase("NOT_A_BUG")
                || designation.equalsIgnoreCase("BAD_ANALYSIS"))) {
            collector.suppressedFinding();
            return;
        }
        String location = Values.firstNonBlank(primaryLine, firstLine, primaryClass, firstClass);
        String fingerprint = hash == null || hash.isBlank() ? null
                : type + '|' + hash + ':' + (occurrence == null ? "0" : occurrence);
        collector.openFinding(severity(priority), type, title != null ? title : type, location, fingerprint);
    }

    /** The sourcepath of the class's SourceLine, else the class name as a path. Consumes the element. */
    private static String classSourcePath(final XMLStreamReader r) throws XMLStreamException {
        String classname = XmlWalk.attribute(r, "classname");
        String path = null;
        while (XmlWalk.nextChild(r)) {
            if (path == null && "SourceLine".equals(r.getLocalName())) {
                path = XmlWalk.attribute(r, "sourcepath");
            }
            XmlWalk.skip(r);
        }
        return path != null ? path : classPath(classname);
    }

    /** The source path of a class by its name ({@code a.b.C$D} → {@code a/b/C.java}), or null. */
    private static String classPath(final String classname) {
        if (classname == null || classname.isBlank()) {
            return null;
        }
        int inner = classname.indexOf('$');
        String outer = inner > 0 ? classname.substring(0, inner) : classname;
        return outer.trim().replace('.', '/') + ".java";
    }

    static Severity severity(final String priority) {
        if (priority == null) {
            return Severity.UNKNOWN;
        }
        return switch (priority.trim().toLowerCase(Locale.ROOT)) {
            case "1", "high" -> Severity.HIGH;
            case "2", "normal" -> Severity.MEDIUM;
            case "3", "low" -> Severity.LOW;
            default -> Severity.UNKNOWN;
        };
    }
}
