package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of testing a SARIF producer does, by its name: SARIF is written by static analysers, dependency and
 * image scanners, secret and infrastructure scanners alike. Unknown producers count as SAST.
 */
final class SarifTools {
    private SarifTools() {
    }

    static Set<EvidenceKind> kindsOf(final String tool, final List<String> components) {
        String t = tool == null ? "" : tool.toLowerCase(Locale.ROOT);
        if (t.contains("container") || t.contains("anchore")) {
            return EnumSet.of(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        }
        if (t.contains("trivy") || t.contains("grype") || t.contains("dependency-check") || t.contains("dependency check")
                || t.contains("osv-scanner") || t.contains("osv scanner") || t.contains("snyk open source")
                || t.contains("npm audit") || t.contains("retire") || t.contains("ossindex") || t.contains("dependabot")
                || t.contains("govulncheck") || t.contains("pip-audit") || t.contains("cargo-audit")
                || t.contains("cargo audit")) {
            return EnumSet.of(EvidenceKind.SCA);
        }
        if (t.contains("gitleaks") || t.contains("trufflehog") || t.contains("secretlint")
                || t.contains("detect-secrets") || t.contains("ggshield") || t.contains("secret")) {
            return EnumSet.of(EvidenceKind.SECRETS);
        }
        if (t.contains("checkov") || t.contains("tfsec") || t.contains("kics") || t.contains("hadolint")
                || t.contains("terrascan") || t.contains("kube-linter") || t.contains("kubesec")
                || t.contains("kube-score") || t.contains("tflint") || t.contains("cfn") || t.contains("dockle")) {
            return EnumSet.of(EvidenceKind.IAC);
        }
        if (t.contains("zap") || t.contains("nuclei") || t.contains("burp") || t.contains("wapiti")
                || t.contains("arachni") || t.contains("nikto")) {
            return EnumSet.of(EvidenceKind.DAST);
        }
        return EnumSet.of(EvidenceKind.SAST);
    }

    /** Scanners whose rule names tell which of their scanners produced the log (Trivy, Grype). */
    static boolean isMultiPurposeScanner(final String tool) {
        String t = tool == null ? "" : tool.toLowerCase(Locale.ROOT);
        return t.contains("trivy") || t.contains("grype");
    }

    static boolean isJavaScriptTool(final String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("eslint") || n.contains("tslint") || n.contains("jshint") || n.contains("njsscan")
                || n.contains("nodejsscan") || n.contains("javascript") || n.contains("typescript");
    }
}
