package io.jenkins.plugins.dsomm.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of the options of an assessment: the command line's {@code assess} flags and the options of the
 * Jenkins steps ({@code dsommGate}, the freestyle publisher) come from it. An option one side lacks says why
 * ({@link #onlyOneSideBecause()}); tests fail when either side and this table disagree.
 *
 * <p>Descriptions are HTML fragments (only {@code <code>} markup), shown as they are in the Jenkins help and
 * without markup by {@code dsomm-gate assess --help}.</p>
 */
public enum AssessOption {
    PATTERN("pattern", null, null, Type.TEXT, "",
            "Ant-style patterns (comma separated, relative to the workspace) of reports to record before assessing, "
                    + "e.g. <code>**/target/*.sarif, reports/*.json</code>. Same as calling <code>dsommRecord</code> "
                    + "first. Reports are recognised by content; patterns never reach outside the workspace and "
                    + "symbolic links leaving it are not followed.", false,
            "the command line names its reports as PATH parameters (files or folders)"),
    FORMAT("format", "--format", "ID", Type.TEXT, "",
            "An explicit report format for the reports read (the format ids of <code>dsomm-gate inspect "
                    + "--list-formats</code>); empty: detect by content.", false, null),
    MINIMUM_LEVEL("minimumLevel", "--min-level", "N", Type.LEVEL, "",
            "Minimum overall DSOMM level (0-5). Below it the gate gives <code>levelOutcome</code> (default FAILURE) "
                    + "with a reason naming the activities missing. Without it no level is required.", true, null),
    DIMENSION_MINIMUMS("dimensionMinimums", "--min-dimension", "DIMENSION=N", Type.PAIRS, "",
            "Minimum level per dimension, e.g. <code>Test and Verification=2, Implementation=1</code>.", true, null),
    MAX_OPEN("maxOpen", "--max-open", "SEVERITY=N", Type.PAIRS, "",
            "Maximum open findings per severity (critical, high, medium, low, info, unknown, total; after waivers), "
                    + "e.g. <code>critical=0, high=5, total=100</code>. Exceeding one gives "
                    + "<code>thresholdOutcome</code> (default UNSTABLE).", true, null),
    REGRESSION("regression", "--no-regression", null, Type.BOOLEAN, "true",
            "Fail when the assessment regresses against the reference: an overall or dimension level drops, or an "
                    + "activity that was satisfied no longer is. No reference: no regression. Outcome: "
                    + "<code>regressionOutcome</code> (default UNSTABLE). On the command line on by default; "
                    + "<code>--no-regression</code> turns it off.", false, null),
    LEVEL_OUTCOME("levelOutcome", "--level-outcome", "UNSTABLE|FAILURE", Type.OUTCOME, "FAILURE",
            "Result when a minimum level is not met: <code>UNSTABLE</code> or <code>FAILURE</code>.", true, null),
    REGRESSION_OUTCOME("regressionOutcome", "--regression-outcome", "UNSTABLE|FAILURE", Type.OUTCOME, "UNSTABLE",
            "Result on a regression: <code>UNSTABLE</code> or <code>FAILURE</code>.", true, null),
    THRESHOLD_OUTCOME("thresholdOutcome", "--threshold-outcome", "UNSTABLE|FAILURE", Type.OUTCOME, "UNSTABLE",
            "Result when a finding threshold is exceeded: <code>UNSTABLE</code> or <code>FAILURE</code>.", true, null),
    KPI_OUTCOME("kpiOutcome", "--kpi-outcome", "UNSTABLE|FAILURE", Type.OUTCOME, "UNSTABLE",
            "Result when a KPI rule (<code>failOnSla</code>, <code>minCoverage</code>, <code>maxMttr</code>) is "
                    + "violated: <code>UNSTABLE</code> or <code>FAILURE</code>.", false, null),
    MAX_EVIDENCE_AGE("maxEvidenceAge", "--max-evidence-age", "DAYS", Type.COUNT, "",
            "Evidence older than this many days does not count, and evidence of the reference at most this old is "
                    + "carried over (for example a nightly DAST scan). Empty: every report of this run counts, "
                    + "nothing is carried over.", false, null),
    VIEW("view", "--view", "dsomm|evidence-only", Type.TEXT, "dsomm",
            "Which activities the levels rest on. <code>dsomm</code> (default): every activity in scope counts, one "
                    + "nobody speaks for (unverified) holds the level below it, as DSOMM means levels. "
                    + "<code>evidence-only</code>: unverified activities are ignored, as before schema 3; these are "
                    + "not DSOMM levels, and the badge, report, API and log say so.", false, null),
    STRICT("strict", "--strict", null, Type.BOOLEAN, "false",
            "Deprecated, no effect: what strict mode did (activities nobody assesses count as not met, unverified "
                    + "prerequisites block) is what every assessment does now; a warning says so. For the old "
                    + "default use <code>view</code> <code>evidence-only</code>.", false, null),
    TARGETS("targets", "--target", "NAME=N", Type.PAIRS, "",
            "Target levels, over those of the attestation file's <code>targets:</code>: <code>overall=N</code> for "
                    + "everything in scope, a dimension, or <code>dimension / sub-dimension</code>, e.g. "
                    + "<code>Test and Verification=2, Implementation / Application Hardening=3</code>. The report and "
                    + "the radar chart show them against the levels; <code>atTarget</code> makes them a gate rule.",
            false, null),
    AT_TARGET("atTarget", "--at-target", null, Type.BOOLEAN, "false",
            "Gate rule: every sub-dimension in scope that has a target is at it (outcome "
                    + "<code>levelOutcome</code>); without any target set the rule is violated.", false, null),
    TEAM_PROGRESS("teamProgress", "--team-progress", "FILE", Type.TEXT, "",
            "A DSOMM application <code>team-progress.yaml</code> (in Jenkins a workspace path) read as attestations "
                    + "of the team (<code>team</code>, else the attestation file's): its complete state attests an "
                    + "activity from its date for 365 days, a lower state shows it in progress. Unknown team, "
                    + "activity or state: a warning naming it.", false, null),
    PROGRESS_DEFINITION("progressDefinition", "--progress-definition", "FILE", Type.TEXT, "",
            "The DSOMM application's <code>meta.yaml</code> whose <code>progressDefinition</code> names the team's "
                    + "states, for <code>teamProgress</code> and the <code>team-progress.yaml</code> written. Empty: "
                    + "the application's defaults (when reading: also the order the file has).", false, null),
    RULES("rules", "--rules", "NAME|FILE", Type.TEXT, "standard",
            "The mapping of evidence to activities: <code>standard</code>, <code>extended</code>, or the path of a "
                    + "mapping file (docs/mapping.md; in Jenkins a workspace path).", true, null),
    MODEL("model", "--model", "FILE", Type.TEXT, "",
            "Path of an upstream DSOMM <code>model.yaml</code> (v4) or <code>generated.yaml</code> (v3) to assess "
                    + "against instead of the bundled DSOMM 4.3.1 (in Jenkins a workspace path; it wins over the "
                    + "global catalog override).", false, null),
    ATTESTATIONS("attestations", "--attestations", "FILE", Type.TEXT, "",
            "Path of the attestation file: attestations, not-applicable declarations, waivers, business context "
                    + "(docs/attestations.md). Empty: <code>.dsomm.yml</code> (at the workspace root in Jenkins, in "
                    + "the working directory on the command line); a missing default file declares nothing. A broken "
                    + "file is reported as unreadable input and its declarations do not count.", false, null),
    SCOPE("scope", "--scope", "DIMENSION", Type.LIST, "",
            "Dimensions that count for the overall level (comma separated, or the option repeated); empty: all.",
            false, null),
    FAIL_ON_SLA("failOnSla", "--fail-on-sla", null, Type.BOOLEAN, "false",
            "Gate rule: no open finding may be past its SLA (see <code>sla</code>).", false, null),
    SLA("sla", "--sla", "SEVERITY=DAYS", Type.PAIRS, "",
            "SLA per severity in days, overriding the defaults critical=7, high=30, medium=90, low=180, e.g. "
                    + "<code>critical=3, high=14</code>.", false, null),
    MIN_COVERAGE("minCoverage", "--min-coverage", "KIND=PERCENT", Type.PAIRS, "",
            "Gate rule: minimum share (percent) of the last <code>coverageWindow</code> builds that carried evidence "
                    + "of a kind, e.g. <code>SAST=100, SBOM=80, DAST=50</code>.", false, null),
    MAX_MTTR("maxMttr", "--max-mttr", "SEVERITY=DAYS", Type.PAIRS, "",
            "Gate rule: ceiling of the mean time to remediate per severity in days, e.g. <code>critical=7, "
                    + "high=30</code>.", false, null),
    COVERAGE_WINDOW("coverageWindow", "--coverage-window", "BUILDS", Type.COUNT, "30",
            "Builds over which scan coverage and the KPI history are measured (this one included).", false, null),
    EXTERNAL_FACING("externalFacing", "--external-facing", null, Type.BOOLEAN, "false",
            "Business context: the system is reachable from the internet; its risk score is multiplied by 1.5. "
                    + "Overrides <code>businessContext</code> of the attestation file.", false, null),
    PERSONAL_DATA("personalData", "--personal-data", null, Type.BOOLEAN, "false",
            "Business context: the system holds personal data; its risk score is multiplied by 1.3. Overrides "
                    + "<code>businessContext</code> of the attestation file.", false, null),
    WEIGHTS("weights", "--weight", "NAME=FACTOR", Type.PAIRS, "",
            "Business context: further risk multipliers, e.g. <code>payments=2</code>. Overrides "
                    + "<code>businessContext</code> of the attestation file.", false, null),
    TEAM("team", "--team", "NAME", Type.TEXT, "",
            "Team name shown in the outputs and written into <code>team-progress.yaml</code> (DSOMM application "
                    + "format); empty: <code>team</code> of the attestation file, else Default.", false, null),
    FACTS("facts", "--fact", "NAME", Type.LIST, "",
            "Further build facts for the extended rule set (e.g. <code>vulnerability-management</code>). Pipeline, "
                    + "scm, timer-trigger, ephemeral-agent and the repository facts (file:.gitignore, "
                    + "dependency-update-bot, ...) are detected.", false, null),
    REFERENCE_JOB("referenceJob", null, null, Type.TEXT, "",
            "Full name of the job whose last completed build with an assessment is the reference (for branch and "
                    + "pull-request jobs, e.g. <code>my-app/main</code>). Empty: the newest earlier completed build of "
                    + "this job that has an assessment, whatever its result.", false,
            "the command line names the reference assessment itself (--reference FILE)"),
    STOP_ON_FAILURE("stopOnFailure", null, null, Type.BOOLEAN, "false",
            "Stop the Pipeline (the step fails) when the gate outcome is FAILURE, after the result and the report "
                    + "are recorded.", false, "the command line's exit code (2) stops the script that runs it"),
    JUNIT_FILE("junitFile", null, null, Type.TEXT, "",
            "Workspace path (relative, inside the workspace) to write the activities as JUnit XML to, e.g. "
                    + "<code>dsomm-activities.junit.xml</code>, so that <code>junit</code> can publish them as test "
                    + "results.", false, "the command line always writes dsomm-activities.junit.xml into --output"),
    REFERENCE(null, "--reference", "FILE", Type.TEXT, "",
            "Reference assessment.json (regression, carry-over of young evidence).", false,
            "Jenkins finds the reference build itself (the previous build with an assessment, or referenceJob's)"),
    HISTORY(null, "--history", "DIR", Type.TEXT, "",
            "Folder of earlier assessments for the trend and the KPIs; this assessment is added to it.", false,
            "in Jenkins the job's earlier builds are the history"),
    OUTPUT(null, "--output", "DIR", Type.TEXT, "dsomm-gate-report",
            "Output folder.", false, "Jenkins keeps the outputs with the build (report page, badges, api/json)"),
    JOB(null, "--job", "NAME", Type.TEXT, "", "Job or project name shown in the outputs.", false,
            "Jenkins knows the job"),
    BUILD_URL(null, "--build-url", "URL", Type.TEXT, "",
            "URL of the build, cited by <code>team-evidence.yaml</code> (default: the BUILD_URL variable).", false,
            "Jenkins knows the build's URL"),
    BUILD(null, "--build", "ID", Type.TEXT, "", "Build number or id shown in the outputs.", false,
            "Jenkins knows the build"),
    PIPELINE(null, "--pipeline", null, Type.BOOLEAN, "",
            "Whether this runs in a CI pipeline (default: detected from CI variables).", false,
            "Jenkins knows whether the build is a Pipeline"),
    SCM(null, "--scm", null, Type.BOOLEAN, "",
            "Whether the build checked out from version control (default: a git work tree is detected).", false,
            "Jenkins sees the build's checkout"),
    QUIET(null, "--quiet", null, Type.BOOLEAN, "false", "Print only the gate outcome and errors.", false,
            "the build log of a Jenkins step is not shortened");

    /** What an option's value is. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** A level, 0 to 5. */
        LEVEL,
        /** A whole number of 0 or more. */
        COUNT,
        /** true or false; on the command line a flag. */
        BOOLEAN,
        /** UNSTABLE or FAILURE. */
        OUTCOME,
        /** A list: comma separated, or the command-line option repeated. */
        LIST,
        /** NAME=VALUE entries: comma separated, or the command-line option repeated. */
        PAIRS;

        /** Whether the command-line option may be repeated. */
        public boolean repeatable() {
            return this == LIST || this == PAIRS;
        }
    }

    private final String property;
    private final String flag;
    private final String label;
    private final Type type;
    private final String defaultValue;
    private final String description;
    private final boolean globalDefault;
    private final String onlyOneSideBecause;

    AssessOption(final String property, final String flag, final String label, final Type type,
            final String defaultValue, final String description, final boolean globalDefault,
            final String onlyOneSideBecause) {
        this.property = property;
        this.flag = flag;
        this.label = label;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.globalDefault = globalDefault;
        this.onlyOneSideBecause = onlyOneSideBecause;
    }

    /** The name of the Jenkins step option, or null when Jenkins has none. */
    public String property() {
        return property;
    }

    /** The command-line flag, for example {@code --min-level}, or null when the command line has none. */
    public String flag() {
        return flag;
    }

    /** The command line's parameter label, for example {@code N}; null for flags. */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** The value when none is given, as text; empty: none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What it does, as an HTML fragment (only {@code <code>} markup). */
    public String description() {
        return description;
    }

    /**
     * {@link #description()} without markup, for the command line's help: other options are named by their
     * flags.
     */
    public String plainDescription() {
        String text = description;
        for (AssessOption o : values()) {
            if (o.property != null && o.flag != null) {
                text = text.replace("<code>" + o.property + "</code>", o.flag);
            }
        }
        return text.replace("<code>", "").replace("</code>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Whether the Jenkins global configuration has a default for it (used when a step leaves it empty). */
    public boolean hasGlobalDefault() {
        return globalDefault;
    }

    /** Why only one side has it, or null when both have it. */
    public String onlyOneSideBecause() {
        return onlyOneSideBecause;
    }

    public boolean onCommandLine() {
        return flag != null;
    }

    public boolean inJenkins() {
        return property != null;
    }

    /** How users of a side name it: the flag on the command line, the property in Jenkins. */
    public String nameOn(final Side side) {
        return side == Side.COMMAND_LINE && flag != null ? flag : property != null ? property
                : flag;
    }

    /** Options the command line has. */
    public static List<AssessOption> commandLine() {
        return Arrays.stream(values()).filter(AssessOption::onCommandLine).toList();
    }

    /** Options the Jenkins gate step has. */
    public static List<AssessOption> jenkins() {
        return Arrays.stream(values()).filter(AssessOption::inJenkins).toList();
    }

    public static Optional<AssessOption> ofProperty(final String property) {
        return Arrays.stream(values()).filter(o -> property.equals(o.property)).findFirst();
    }

    /** Where option values come from: their names in messages differ. */
    public enum Side {
        COMMAND_LINE, JENKINS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
