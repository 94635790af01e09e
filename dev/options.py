#!/usr/bin/env python3
"""The options of the Jenkins plugin in one table: dsommRecord, dsommGate (and the freestyle publisher, which has the
same options) and the global configuration. The table generates the help files of the snippet generator and of the
system configuration, and docs/jenkins-options.generated.md, so they cannot disagree.

    python3 dev/options.py           # write the help files and the Markdown table
    python3 dev/options.py --check   # also fail (exit 1) when the forms (config.jelly), the Java setters
                                     # (@DataBoundSetter / @DataBoundConstructor) and this table disagree
"""
import html
import os
import re
import sys

GATE = [
 ("pattern", "String", "", "Ant-style patterns (comma separated, relative to the workspace) of reports to record before assessing, e.g. <code>**/target/*.sarif, reports/*.json</code>. Same as calling <code>dsommRecord</code> first. Reports are recognised by content; patterns never reach outside the workspace and symbolic links leaving it are not followed."),
 ("format", "String", "", "An explicit report format for the files <code>pattern</code> selects (the format ids of <code>dsomm-gate inspect --list-formats</code>, listed in the snippet generator); empty: detect by content."),
 ("minimumLevel", "Integer", "", "Minimum overall DSOMM level (0-5). Below it the gate gives <code>levelOutcome</code> (default FAILURE) with a reason naming the activities missing. Empty: the global default, else no minimum."),
 ("dimensionMinimums", "String", "", "Minimum level per dimension, e.g. <code>Test and Verification=2, Implementation=1</code>. Empty: the global default."),
 ("maxOpen", "String", "", "Maximum open findings per severity (after waivers), e.g. <code>critical=0, high=5, total=100</code>. Exceeding one gives <code>thresholdOutcome</code> (default UNSTABLE). Empty: the global default."),
 ("regression", "boolean", "true", "Fail when the assessment regresses against the reference build: an overall or dimension level drops, or an activity that was satisfied no longer is. No reference build: no regression. Outcome: <code>regressionOutcome</code> (default UNSTABLE)."),
 ("referenceJob", "String", "", "Full name of the job whose last completed build with an assessment is the reference (for branch and pull-request jobs, e.g. <code>my-app/main</code>). Empty: the newest earlier completed build of this job that has an assessment, whatever its result."),
 ("levelOutcome", "String", "FAILURE", "Build and stage result when a minimum level is not met: <code>UNSTABLE</code> or <code>FAILURE</code>. Empty: the global default."),
 ("regressionOutcome", "String", "UNSTABLE", "Build and stage result on a regression: <code>UNSTABLE</code> or <code>FAILURE</code>. Empty: the global default."),
 ("thresholdOutcome", "String", "UNSTABLE", "Build and stage result when a finding threshold is exceeded: <code>UNSTABLE</code> or <code>FAILURE</code>. Empty: the global default."),
 ("kpiOutcome", "String", "UNSTABLE", "Build and stage result when a KPI rule (<code>failOnSla</code>, <code>minCoverage</code>, <code>maxMttr</code>) is violated."),
 ("maxEvidenceAge", "Integer", "", "Evidence older than this many days does not count, and evidence of the reference build at most this old is carried over (for example a nightly DAST scan). Empty: every report of the build counts, nothing is carried over."),
 ("strict", "boolean", "false", "Strict mode: activities nobody assesses count as not met and unverified prerequisites block. Levels are lower and say what is unknown."),
 ("rules", "String", "", "The mapping of evidence to activities: <code>standard</code>, <code>extended</code>, or the workspace path of a mapping file (docs/mapping.md). Empty: the global default (<code>standard</code> unless changed there)."),
 ("model", "String", "", "Workspace path of an upstream DSOMM <code>model.yaml</code> (v4) or <code>generated.yaml</code> (v3) to assess against instead of the bundled DSOMM 4.3.1 (or the global catalog override)."),
 ("attestations", "String", "", "Workspace path of the attestation file: attestations, not-applicable declarations, waivers, business context (docs/attestations.md). Empty: <code>.dsomm.yml</code> at the workspace root; a missing file declares nothing. A broken file is reported and its declarations do not count."),
 ("scope", "String", "", "Dimensions that count for the overall level, comma separated; empty: all."),
 ("stopOnFailure", "boolean", "false", "Stop the Pipeline (the step fails) when the gate outcome is FAILURE, after the result and the report are recorded."),
 ("failOnSla", "boolean", "false", "Gate rule: no open finding may be past its SLA (see <code>sla</code>)."),
 ("sla", "String", "", "SLA per severity in days, overriding the defaults critical=7, high=30, medium=90, low=180, e.g. <code>critical=3, high=14</code>."),
 ("minCoverage", "String", "", "Gate rule: minimum share (percent) of the last <code>coverageWindow</code> builds that carried evidence of a kind, e.g. <code>SAST=100, SBOM=80, DAST=50</code>."),
 ("maxMttr", "String", "", "Gate rule: ceiling of the mean time to remediate per severity in days, e.g. <code>critical=7, high=30</code>."),
 ("coverageWindow", "int", "30", "Builds over which scan coverage and the KPI history are measured (this one included)."),
 ("externalFacing", "boolean", "false", "Business context: the system is reachable from the internet; its risk score is multiplied by 1.5. Overrides <code>businessContext</code> of the attestation file."),
 ("personalData", "boolean", "false", "Business context: the system holds personal data; its risk score is multiplied by 1.3."),
 ("team", "String", "", "Team name shown in the outputs and written into the build's <code>team-progress.yaml</code> (DSOMM application format); empty: <code>team</code> of the attestation file."),
 ("junitFile", "String", "", "Workspace path (relative, inside the workspace) to write the activities as JUnit XML to, e.g. <code>dsomm-activities.junit.xml</code>, so that <code>junit</code> can publish them as test results."),
 ("facts", "String", "", "Further build facts for the extended rule set, comma separated (e.g. <code>vulnerability-management</code>). The plugin detects pipeline, scm, timer-trigger, ephemeral-agent and the repository facts (file:.gitignore, dependency-update-bot, ...) itself."),
]
RECORD = [
 ("pattern", "String", "(required)", "Ant-style patterns (comma separated, relative to the workspace) of the reports to read. Parsing happens on the agent; only the small evidence model is sent to the controller. Patterns never reach outside the workspace."),
 ("format", "String", "", "An explicit report format for every file this call's <code>pattern</code> selects; empty: detect by content. Reports of different formats that content detection cannot tell apart: one <code>dsommRecord</code> call per pattern and format."),
]
GLOBAL = [
 ("minimumLevel", "Integer", "", "Default minimum overall DSOMM level (0-5) of every gate that sets none. Empty: no minimum."),
 ("dimensionMinimums", "String", "", "Default minimum level per dimension, e.g. <code>Test and Verification=2, Implementation=1</code>."),
 ("maxOpen", "String", "", "Default maximum open findings per severity (after waivers), e.g. <code>critical=0, high=5, total=100</code>."),
 ("levelOutcome", "String", "FAILURE", "Default build result when a minimum level is not met: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("regressionOutcome", "String", "UNSTABLE", "Default build result on a regression: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("thresholdOutcome", "String", "UNSTABLE", "Default build result when a finding threshold is exceeded: <code>UNSTABLE</code> or <code>FAILURE</code>."),
 ("rules", "String", "standard", "Default rule set of gates that set no <code>rules</code>: <code>standard</code> or <code>extended</code>."),
 ("catalogOverride", "String", "", "The content of an upstream DSOMM <code>model.yaml</code> (v4) or <code>generated.yaml</code> (v3), to follow a newer DSOMM release than the bundled 4.3.1. Empty: the bundled catalog. A step's <code>model</code> option wins."),
 ("mappingOverride", "String", "", "The content of a mapping file (docs/mapping.md) used instead of the bundled standard or extended rule set, for example one that <code>extends: standard</code> and adds rules for your own tools. A step's <code>rules</code> file wins."),
]
STEP_HELP = {
 "GateStep": "Assesses all evidence recorded in this build (by <code>dsommRecord</code>, by <code>pattern</code>, and the test results <code>junit</code> recorded before) against the DSOMM catalog, the mapping and the workspace's attestation file, evaluates the policy and sets the build and stage result (UNSTABLE or FAILURE as configured). Logs one line per gate rule and returns the result: <code>def r = dsommGate minimumLevel: 2; echo \"${r.overall} ${r.outcome} ${r.reasons}\"</code>.",
 "RecordStep": "Reads the reports the pattern selects in the workspace, on the agent, and adds their evidence to the build. Call it as often as needed, in any stage or parallel branch: nothing recorded is lost, and <code>dsommGate</code> assesses all of it. Returns the number of reports read.",
}

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
RES = ROOT + "/plugin/src/main/resources/io/jenkins/plugins/dsomm/plugin"
JAVA = ROOT + "/plugin/src/main/java/io/jenkins/plugins/dsomm/plugin"
TARGETS = [("steps/GateStep", GATE), ("steps/RecordStep", RECORD), ("DsommGlobalConfiguration", GLOBAL)]


def write_help():
    for folder, opts in TARGETS:
        d = f"{RES}/{folder}"
        os.makedirs(d, exist_ok=True)
        for name, typ, default, text in opts:
            with open(f"{d}/help-{name}.html", "w") as f:
                f.write(f"<div>\n  {text}\n</div>\n")
    for cls, text in STEP_HELP.items():
        with open(f"{RES}/steps/{cls}/help.html", "w") as f:
            f.write(f"<div>\n  {text}\n</div>\n")


def table(opts):
    rows = ["| option | type | default | meaning |", "|---|---|---|---|"]
    for name, typ, default, text in opts:
        t = text.replace("<code>", "`").replace("</code>", "`").replace("\\\"", "\"")
        d = ("`" + default + "`") if default and not default.startswith("(") else default
        rows.append(f"| `{name}` | {typ} | {d} | {html.unescape(t)} |")
    return "\n".join(rows)


def write_docs():
    with open(ROOT + "/docs/jenkins-options.generated.md", "w") as f:
        f.write("<!-- generated by dev/options.py: do not edit -->\n\n"
                "### `dsommRecord`\n\n" + table(RECORD) + "\n\n"
                "### `dsommGate` and the freestyle publisher (`dsommGatePublisher`)\n\n"
                "The same options; an empty text option falls back to the global configuration where one is named.\n\n"
                + table(GATE) + "\n\n"
                "### Global configuration (Manage Jenkins » System » DSOMM Gate; JCasC `unclassified: dsommGate:`)\n\n"
                + table(GLOBAL) + "\n")


def jelly_fields(path):
    with open(path) as f:
        return set(re.findall(r'field="([A-Za-z]+)"', f.read()))


def java_options(path):
    with open(path) as f:
        src = f.read()
    setters = {m[0].lower() + m[1:] for m in re.findall(r'@DataBoundSetter\s+public void set(\w+)\(', src)}
    ctor = re.search(r'@DataBoundConstructor\s+public \w+\(([^)]*)\)', src)
    if ctor and ctor.group(1).strip():
        setters |= {p.split()[-1] for p in ctor.group(1).split(",")}
    return setters


def check():
    problems = []
    want = {
        "GateStep": ({o[0] for o in GATE}, "steps/GateStep/config.jelly", "steps/GateStep.java"),
        "DsommGatePublisher": ({o[0] for o in GATE}, None, "steps/DsommGatePublisher.java"),
        "RecordStep": ({o[0] for o in RECORD}, "steps/RecordStep/config.jelly", "steps/RecordStep.java"),
        "DsommGlobalConfiguration": ({o[0] for o in GLOBAL}, "DsommGlobalConfiguration/config.jelly",
                                     "DsommGlobalConfiguration.java"),
    }
    for name, (options, jelly, java) in want.items():
        if jelly:
            got = jelly_fields(f"{RES}/{jelly}")
            if got != options:
                problems.append(f"{jelly}: fields {sorted(got ^ options)} differ from the table")
        got = java_options(f"{JAVA}/{java}")
        if got != options:
            problems.append(f"{java}: setters {sorted(got ^ options)} differ from the table")
    for folder, opts in TARGETS:
        names = {o[0] for o in opts}
        files = {f[5:-5] for f in os.listdir(f"{RES}/{folder}") if f.startswith("help-") and f.endswith(".html")}
        if files != names:
            problems.append(f"{folder}: help files {sorted(files ^ names)} differ from the table")
    for p in problems:
        print("MISMATCH:", p)
    return not problems


if __name__ == "__main__":
    write_help()
    write_docs()
    print(len(GATE), "gate options,", len(RECORD), "record options,", len(GLOBAL), "global options")
    if "--check" in sys.argv[1:]:
        sys.exit(0 if check() else 1)
