package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.context.CiEnvironment;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.TextSummary;
import io.jenkins.plugins.dsomm.run.AssessOption;
import io.jenkins.plugins.dsomm.run.AssessmentRequest;
import io.jenkins.plugins.dsomm.run.AssessmentRun;
import io.jenkins.plugins.dsomm.run.NamedInput;
import io.jenkins.plugins.dsomm.run.OptionValues;
import io.jenkins.plugins.dsomm.run.RequestException;
import io.jenkins.plugins.dsomm.run.RunResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code dsomm-gate assess}: reports in; assessment, gate decision and every output out. An adapter: it turns the
 * command line into an {@link AssessmentRequest}, lets {@link AssessmentRun} run it and prints the result. The
 * options it shares with the Jenkins steps come from the engine's {@link AssessOption} table
 * ({@link #addSharedOptions}); the ones below are the command line's own, each in the table with the reason.
 */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads reports (files or folders), assesses them against DSOMM, evaluates the gate and "
                + "writes assessment.json, badge.svg, trend.svg, report.html, dsomm-activities.junit.xml, "
                + "team-progress.yaml and team-evidence.yaml into the output folder.",
                "Exit code: 0 pass, 1 unstable, 2 failure, 3 usage error or unreadable input (outputs are still "
                        + "written)."})
final class AssessCommand implements Callable<Integer> {
    /** Clock of the assessment; replaced in tests. */
    static Clock clock = Clock.systemDefaultZone();
    /** Environment of the assessment; replaced in tests. */
    static Map<String, String> environment = System.getenv();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Report files or folders (read recursively).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "dsomm-gate-report",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference assessment.json (regression, carry-over).")
    private Path reference;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Folder of earlier assessments for the trend and the KPIs; this assessment is added to it.")
    private Path history;

    @Option(names = "--pipeline", negatable = true,
            description = "Whether this runs in a CI pipeline (default: detected from CI variables).")
    private Boolean pipeline;

    @Option(names = "--scm", negatable = true,
            description = "Whether the build checked out from version control (default: a git work tree is detected).")
    private Boolean scm;

    @Option(names = "--job", paramLabel = "NAME", description = "Job or project name shown in the outputs.")
    private String job;

    @Option(names = "--build", paramLabel = "ID", description = "Build number or id shown in the outputs.")
    private String build;

    @Option(names = "--build-url", paramLabel = "URL",
            description = "URL of the build, cited by team-evidence.yaml (default: the BUILD_URL variable).")
    private String buildUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print only the gate outcome and errors.")
    private boolean quiet;

    /** Adds the options the command line shares with the Jenkins steps, from the engine's table, to the command. */
    static void addSharedOptions(final CommandSpec assess) {
        for (AssessOption o : AssessOption.commandLine()) {
            if (!o.inJenkins()) {
                continue; // the command line's own, declared above
            }
            String shown = o.defaultValue().isEmpty() || o.type() == AssessOption.Type.BOOLEAN ? ""
                    : " (default: " + o.defaultValue() + ")";
            OptionSpec.Builder b = OptionSpec.builder(o.flag()).description(o.plainDescription() + shown);
            if (o.type() == AssessOption.Type.BOOLEAN) {
                b.arity("0").type(boolean.class);
                if (o.flag().startsWith("--no-")) {
                    b.negatable(true).defaultValue("true").fallbackValue("true");
                }
            }
            else if (o.type().repeatable()) {
                b.paramLabel(o.label()).arity("1").type(List.class).auxiliaryTypes(String.class);
            }
            else {
                b.paramLabel(o.label()).arity("1").type(String.class);
            }
            assess.addOption(b.build());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionValues values = sharedOptionValues(spec.commandLine().getParseResult());
        if (history != null && Files.exists(history) && !Files.isDirectory(history)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--history " + history
                    + " is a file: a folder of earlier assessments is expected");
        }
        String attestations = values.text(AssessOption.ATTESTATIONS);
        if (!attestations.isEmpty() && !Files.isRegularFile(Path.of(attestations))) {
            throw new CommandLine.ParameterException(spec.commandLine(), attestations + ": no such attestation file");
        }
        String rules = values.text(AssessOption.RULES);
        String model = values.text(AssessOption.MODEL);
        String teamProgress = values.text(AssessOption.TEAM_PROGRESS);
        String progressDefinition = values.text(AssessOption.PROGRESS_DEFINITION);
        Progress progress = new Progress(err, quiet);
        AssessmentRequest request = AssessmentRequest.builder(values)
                .reports(paths, progress::done)
                .model(model.isEmpty() ? null : NamedInput.file(Path.of(model)))
                .rules(RuleSetLoader.STANDARD.equals(rules) || RuleSetLoader.EXTENDED.equals(rules) ? null
                        : NamedInput.file(Path.of(rules)))
                .attestations(NamedInput.file(Path.of(attestations.isEmpty() ? DeclarationsLoader.DEFAULT_FILE
                        : attestations)), attestations.isEmpty())
                .teamProgress(teamProgress.isEmpty() ? null : NamedInput.file(Path.of(teamProgress)))
                .progressDefinition(progressDefinition.isEmpty() ? null : NamedInput.file(Path.of(progressDefinition)))
                .context(CiEnvironment.detect(environment, Path.of(""), pipeline, scm, Set.of()))
                .subject(job, build).buildUrl(buildUrl != null ? buildUrl : environment.get("BUILD_URL"))
                .clock(clock).referenceFile(reference).historyFolder(history).build();
        RunResult result;
        try {
            result = AssessmentRun.execute(request);
        }
        catch (RequestException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        progress.finish();
        result.warnings().forEach(w -> err.println("dsomm-gate: " + TextSummary.safe(w)));
        List<Path> written = result.outputs().writeTo(output);
        if (history != null) {
            result.outputs().addToHistory(history);
        }
        if (quiet) {
            out.println("Gate: " + result.gate().outcome());
            result.assessment().unreadable().forEach(u -> out.println("Unreadable: " + TextSummary.safe(u.error())));
        }
        else {
            result.summary().forEach(out::println);
            out.println("Wrote " + written.size() + " files to " + output.toAbsolutePath().normalize());
        }
        return result.inputProblem() ? DsommGateCommand.EXIT_USAGE : result.gate().outcome().exitCode();
    }

    /** The values of the shared options as given on the command line (defaults are the table's). */
    private static OptionValues sharedOptionValues(final ParseResult parsed) {
        OptionValues values = OptionValues.commandLine();
        for (AssessOption o : AssessOption.commandLine()) {
            OptionSpec option = o.inJenkins() ? parsed.matchedOption(o.flag()) : null;
            if (option == null) {
                continue;
            }
            Object value = option.getValue();
            if (value instanceof List<?> list) {
                list.forEach(v -> values.add(o, String.valueOf(v)));
            }
            else {
                values.add(o, String.valueOf(value));
            }
        }
        return values;
    }

    /** Progress on long inputs: a line every 2 seconds once reading takes longer than that. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final long start = System.nanoTime();
        private long last = start;
        private int files;
        private boolean shown;

        Progress(final PrintWriter err, final boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void done(final IngestedFile outcome) {
            files++;
            long now = System.nanoTime();
            if (!quiet && now - last > 2_000_000_000L) {
                err.println("dsomm-gate: read " + files + " files (" + TextSummary.safe(outcome.file()) + ")");
                err.flush();
                last = now;
                shown = true;
            }
        }

        void finish() {
            if (shown) {
                err.println("dsomm-gate: read " + files + " files in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
