#!/usr/bin/env python3
"""The options of dsommGate (and the freestyle publisher): one table that generates the snippet-generator help
files and the option table of docs/jenkins.md, so they cannot disagree. Run: python3 dev/options.py"""
import os, html

OPTIONS = [
 ("pattern", "String", "", "Ant-style patterns (comma separated, relative to the workspace) of reports to record before assessing, e.g. <code>**/target/*.sarif, reports/*.json</code>. Same as calling <code>dsommRecord</code> first. Reports are recognised by content; patterns never reach outside the workspace and symbolic links leaving it are not followed."),
 ("format", "String", "", "An explicit report format for the files <code>pattern</code> selects (see <code>dsomm-gate inspect --list-formats</code>); empty: detect by content."),
 ("minimumLevel", "Integer", "", "Minimum overall DSOMM level (0-5). Below it the gate gives <code>levelOutcome</code> (default FAILURE) with a reason naming the activities missing. Empty: the global default, else no minimum."),
 ("dimensionMinimums", "String", "", "Minimum level per dimension, e.g. <code>Test and Verification=2, Implementation=1</code>."),
 ("maxOpen", "String", "", "Maximum open findings per severity (after waivers), e.g. <code>critical=0, high=5, total=100</code>. Exceeding one gives <code>thresholdOutcome</code> (default UNSTABLE)."),
 ("regression", "boolean", "true", "Fail when the assessment regresses against the reference build: an overall or dimension level drops, or an activity that was satisfied no longer is. No reference build: no regression. Outcome: <code>regressionOutcome</code> (default UNSTABLE)."),
 ("referenceJob", "String", "", "Full name of the job whose last completed build is the reference (for branch and pull-request jobs, e.g. <code>my-app/main</code>). Empty: the previous completed build of this job."),
 ("levelOutcome", "String", "FAILURE", "Build result when a minimum level is not met: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("regressionOutcome", "String", "UNSTABLE", "Build result on a regression: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("thresholdOutcome", "String", "UNSTABLE", "Build result when a finding threshold is exceeded: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("kpiOutcome", "String", "UNSTABLE", "Build result when a KPI rule (<code>failOnSla</code>, <code>minCoverage</code>, <code>maxMttr</code>) is violated."),
 ("maxEvidenceAge", "Integer", "", "Evidence older than this many days does not count, and evidence of the reference build at most this old is carried over (for example a nightly DAST scan). Empty: every report of the build counts, nothing is carried over."),
 ("strict", "boolean", "false", "Strict mode: activities nobody assesses count as not met and unverified prerequisites block. Levels are lower and say what is unknown."),
 ("rules", "String", "standard", "The mapping of evidence to activities: <code>standard</code>, <code>extended</code>, or the workspace path of a mapping file (docs/mapping.md)."),
 ("model", "String", "", "Workspace path of an upstream DSOMM <code>model.yaml</code> (v4) or <code>generated.yaml</code> (v3) to assess against instead of the bundled DSOMM 4.3.1."),
 ("attestations", "String", ".dsomm.yml", "Workspace path of the attestation file: attestations, not-applicable declarations, waivers, business context (docs/attestations.md). A broken file is reported and its declarations do not count."),
 ("scope", "String", "", "Dimensions that count for the overall level, comma separated; empty: all."),
 ("stopOnFailure", "boolean", "false", "Stop the Pipeline (the step fails) when the gate outcome is FAILURE, after the result and the report are recorded."),
 ("failOnSla", "boolean", "false", "Gate rule: no open finding may be past its SLA (see <code>sla</code>)."),
 ("sla", "String", "", "SLA per severity in days, overriding the defaults critical=7, high=30, medium=90, low=180, e.g. <code>critical=3, high=14</code>."),
 ("minCoverage", "String", "", "Gate rule: minimum share (percent) of the last <code>coverageWindow</code> builds that carried evidence of a kind, e.g. <code>SAST=100, SBOM=80, DAST=50</code>."),
 ("maxMttr", "String", "", "Gate rule: ceiling of the mean time to remediate per severity in days, e.g. <code>critical=7, high=30</code>."),
 ("coverageWindow", "int", "30", "Builds over which scan coverage is measured (this one included)."),
 ("externalFacing", "boolean", "false", "Business context: the system is reachable from the internet; its risk score is multiplied by 1.5. Overrides <code>businessContext</code> of the attestation file."),
 ("personalData", "boolean", "false", "Business context: the system holds personal data; its risk score is multiplied by 1.3."),
 ("team", "String", "", "Team name shown in the outputs and used for team-progress exports; empty: <code>team</code> of the attestation file."),
 ("junitFile", "String", "", "Workspace path to write the activities as JUnit XML to (e.g. <code>dsomm-activities.junit.xml</code>), so <code>junit</code> can publish them as test results."),
 ("facts", "String", "", "Further build facts for the extended rule set, comma separated (e.g. <code>vulnerability-management</code>). The plugin detects pipeline, scm, timer-trigger, ephemeral-agent, file:.gitignore and dependency-update-bot itself."),
]
RECORD = [
 ("pattern", "String", "(required)", "Ant-style patterns (comma separated, relative to the workspace) of the reports to read. Parsing happens on the agent; only the small evidence model is sent to the controller."),
 ("format", "String", "", "An explicit report format for every selected file; empty: detect by content."),
]

root = os.path.dirname(os.path.abspath(__file__)) + "/.."
res = root + "/plugin/src/main/resources/io/jenkins/plugins/dsomm/plugin/steps"
for cls, opts in (("GateStep", OPTIONS), ("RecordStep", RECORD)):
    d = f"{res}/{cls}"
    os.makedirs(d, exist_ok=True)
    for name, typ, default, text in opts:
        with open(f"{d}/help-{name}.html", "w") as f:
            f.write(f"<div>\n  {text}\n</div>\n")

def table(opts):
    rows = ["| option | type | default | meaning |", "|---|---|---|---|"]
    for name, typ, default, text in opts:
        t = text.replace("<code>", "`").replace("</code>", "`")
        rows.append(f"| `{name}` | {typ} | {('`'+default+'`') if default and not default.startswith('(') else default} | {html.unescape(t)} |")
    return "\n".join(rows)

with open(root + "/docs/jenkins-options.generated.md", "w") as f:
    f.write("<!-- generated by dev/options.py: do not edit -->\n\n### `dsommRecord`\n\n" + table(RECORD)
            + "\n\n### `dsommGate` and the freestyle publisher (`dsommGatePublisher`)\n\n" + table(OPTIONS) + "\n")
print(len(OPTIONS), "gate options,", len(RECORD), "record options")
