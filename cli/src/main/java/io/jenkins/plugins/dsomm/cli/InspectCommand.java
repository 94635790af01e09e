package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.json.InspectJson;
import io.jenkins.plugins.dsomm.render.TextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dsomm-gate inspect}: what each report file is and what it holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Recognises report files by content and prints what each proves: format, tool, kinds of "
                + "evidence, open findings by severity, suppressed findings, SBOM components.",
                "Exit code 0 when every recognised file was read, 3 otherwise."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--format", paramLabel = "ID",
            description = "Read every file in this format instead of detecting it (see --list-formats).")
    private String format;

    @Option(names = "--list-formats", description = "List the formats DSOMM Gate reads and exit.")
    private boolean listFormats;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Report files or folders (read recursively).")
    private List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listFormats) {
            ParserRegistry.defaults().all().forEach(p -> out.printf("%-24s %s%n", p.id(), p.displayName()));
            return 0;
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing PATH: give report files or folders");
        }
        IngestResult result = new Ingestor().read(paths, format, null);
        if (json) {
            InspectJson.write(result, out);
            out.println();
        }
        else {
            printText(out, result);
        }
        return result.errors().isEmpty() ? 0 : DsommGateCommand.EXIT_USAGE;
    }

    private static void printText(final PrintWriter out, final IngestResult result) {
        for (IngestedFile f : result.files()) {
            InspectJson.Entry e = InspectJson.entry(f);
            switch (f.status()) {
                case READ -> {
                    SeverityCounts n = e.findings();
                    out.printf("%s%n  %s | %s %s | %s | open %d (critical %d, high %d, medium %d, low %d, info %d, "
                                    + "unknown %d) | suppressed %d | components %d%n",
                            TextSummary.safe(f.file()), f.format(), TextSummary.safe(String.valueOf(e.tool())),
                            TextSummary.safe(e.toolVersion() == null ? "" : e.toolVersion()), kinds(e.kinds()),
                            n.total(), n.get(Severity.CRITICAL), n.get(Severity.HIGH), n.get(Severity.MEDIUM),
                            n.get(Severity.LOW), n.get(Severity.INFO), n.get(Severity.UNKNOWN), e.suppressed(),
                            e.components());
                }
                case ERROR -> out.printf("%s%n  ERROR %s%n", TextSummary.safe(f.file()), TextSummary.safe(f.error()));
                case UNRECOGNISED -> out.printf("%s%n  unrecognised: %s%n", TextSummary.safe(f.file()),
                        TextSummary.safe(f.error()));
            }
        }
        out.printf("%d files: %d read, %d errors, %d unrecognised%n", result.files().size(),
                result.files().size() - result.errors().size() - result.unrecognised().size(),
                result.errors().size(), result.unrecognised().size());
    }

    /** The kinds as a JSON array of names: {@code ["SAST","SCA"]}. */
    private static String kinds(final Set<EvidenceKind> kinds) {
        StringBuilder b = new StringBuilder("[");
        for (EvidenceKind k : kinds) {
            b.append(b.length() > 1 ? "," : "").append('"').append(k.name()).append('"');
        }
        return b.append(']').toString();
    }
}
