package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an assessment run needs, as the command line or the Jenkins plugin has it: the option values, the reports
 * (files to read, or evidence recorded before), the model, mapping and attestation inputs, the build context, the
 * reference and the history. Built with {@link #builder(OptionValues)}; {@link AssessmentRun#execute} runs it.
 */
public final class AssessmentRequest {
    /** Team named when neither the options nor the attestation file name one. */
    public static final String DEFAULT_TEAM = "Default";

    final OptionValues options;
    final List<Path> reportPaths;
    final Consumer<IngestedFile> progress;
    final IngestResult recorded;
    final List<Evidence> moreEvidence;
    final NamedInput model;
    final NamedInput rules;
    final NamedInput attestations;
    final boolean attestationsOptional;
    final NamedInput teamProgress;
    final NamedInput progressDefinition;
    final String buildUrl;
    final BuildContext context;
    final String job;
    final String build;
    final Clock clock;
    final Path referenceFile;
    final AssessmentDocument reference;
    final String referenceProblem;
    final Path historyFolder;
    final List<AssessmentDocument> history;
    final List<FindingSnapshot> historySnapshots;

    private AssessmentRequest(final Builder b) {
        options = b.options;
        reportPaths = List.copyOf(b.reportPaths);
        progress = b.progress;
        recorded = b.recorded;
        moreEvidence = List.copyOf(b.moreEvidence);
        model = b.model;
        rules = b.rules;
        attestations = b.attestations;
        attestationsOptional = b.attestationsOptional;
        teamProgress = b.teamProgress;
        progressDefinition = b.progressDefinition;
        buildUrl = b.buildUrl;
        context = b.context;
        job = b.job;
        build = b.build;
        clock = b.clock;
        referenceFile = b.referenceFile;
        reference = b.reference;
        referenceProblem = b.referenceProblem;
        historyFolder = b.historyFolder;
        history = List.copyOf(b.history);
        historySnapshots = List.copyOf(b.historySnapshots);
    }

    public static Builder builder(final OptionValues options) {
        return new Builder(options);
    }

    public OptionValues options() {
        return options;
    }

    /** Builds a request; every input but the option values is optional. */
    public static final class Builder {
        private final OptionValues options;
        private final List<Path> reportPaths = new ArrayList<>();
        private Consumer<IngestedFile> progress;
        private IngestResult recorded = new IngestResult(List.of());
        private final List<Evidence> moreEvidence = new ArrayList<>();
        private NamedInput model;
        private NamedInput rules;
        private NamedInput attestations;
        private boolean attestationsOptional;
        private NamedInput teamProgress;
        private NamedInput progressDefinition;
        private String buildUrl;
        private BuildContext context = BuildContext.none();
        private String job;
        private String build;
        private Clock clock = Clock.systemDefaultZone();
        private Path referenceFile;
        private AssessmentDocument reference;
        private String referenceProblem;
        private Path historyFolder;
        private final List<AssessmentDocument> history = new ArrayList<>();
        private final List<FindingSnapshot> historySnapshots = new ArrayList<>();

        private Builder(final OptionValues options) {
            this.options = options;
        }

        /** Report files or folders (read recursively) to read in the run, in the option {@code format} if given. */
        public Builder reports(final List<Path> paths, final Consumer<IngestedFile> onEachFile) {
            reportPaths.addAll(paths);
            progress = onEachFile;
            return this;
        }

        /** Evidence read before the run (by the Jenkins plugin on its agents). */
        public Builder recorded(final IngestResult value) {
            recorded = value;
            return this;
        }

        /** Further evidence the adapter knows (for example the test results Jenkins recorded). */
        public Builder evidence(final Evidence value) {
            moreEvidence.add(value);
            return this;
        }

        /** An upstream DSOMM model; none: the bundled catalog. */
        public Builder model(final NamedInput value) {
            model = value;
            return this;
        }

        /** A mapping file; none: the bundled rule set the option {@code rules} names. */
        public Builder rules(final NamedInput value) {
            rules = value;
            return this;
        }

        /**
         * The attestation file.
         *
         * @param value    the file
         * @param optional whether a missing file declares nothing (the default {@code .dsomm.yml}) rather than
         *                 being a problem
         */
        public Builder attestations(final NamedInput value, final boolean optional) {
            attestations = value;
            attestationsOptional = optional;
            return this;
        }

        /** A DSOMM application team progress file, read as attestations of the team; none: nothing imported. */
        public Builder teamProgress(final NamedInput value) {
            teamProgress = value;
            return this;
        }

        /** The DSOMM application's meta.yaml with the team's progress states; none: the application's defaults. */
        public Builder progressDefinition(final NamedInput value) {
            progressDefinition = value;
            return this;
        }

        /** The URL of the build, cited by team-evidence.yaml (null: none). */
        public Builder buildUrl(final String value) {
            buildUrl = value;
            return this;
        }

        public Builder context(final BuildContext value) {
            context = value;
            return this;
        }

        /** The job and build the outputs name (null: none). */
        public Builder subject(final String jobName, final String buildId) {
            job = jobName;
            build = buildId;
            return this;
        }

        /** The time of the run and its zone (for evidence age and the expiry of declarations). */
        public Builder clock(final Clock value) {
            clock = value;
            return this;
        }

        /** The reference assessment document, read by the run; a missing or corrupt file is reported, not fatal. */
        public Builder referenceFile(final Path file) {
            referenceFile = file;
            return this;
        }

        /** The reference assessment, already read (null: none). */
        public Builder reference(final AssessmentDocument document) {
            reference = document;
            return this;
        }

        /** Why the reference could not be read (naming it): the regression rule then says it could not check. */
        public Builder referenceProblem(final String problem) {
            referenceProblem = problem;
            return this;
        }

        /** A folder of earlier assessment documents (trend and KPIs), read by the run. */
        public Builder historyFolder(final Path folder) {
            historyFolder = folder;
            return this;
        }

        /** Earlier assessment documents, oldest first (trend and KPIs). */
        public Builder history(final List<AssessmentDocument> documents) {
            history.addAll(documents);
            return this;
        }

        /** Finding snapshots of earlier builds, oldest first (KPIs only; for adapters that draw their own trend). */
        public Builder historySnapshots(final List<FindingSnapshot> snapshots) {
            historySnapshots.addAll(snapshots);
            return this;
        }

        public AssessmentRequest build() {
            return new AssessmentRequest(this);
        }
    }
}
