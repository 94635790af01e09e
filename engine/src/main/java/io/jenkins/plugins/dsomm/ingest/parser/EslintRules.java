package io.jenkins.plugins.dsomm.ingest.parser;

import java.util.List;
import java.util.Locale;

/**
 * Which ESLint rules are security checks: those of the security plugins ({@code eslint-plugin-security},
 * {@code -security-node}, {@code -no-unsanitized}, {@code -xss}, {@code @microsoft/eslint-plugin-sdl}). ESLint is a
 * linter (LINT); a report in which one of these rules reports is static security analysis (SAST) too, whatever
 * format ESLint wrote it in (JSON, checkstyle).
 */
final class EslintRules {
    private static final List<String> SECURITY_PLUGINS = List.of("security/", "security-node/", "no-unsanitized/",
            "xss/", "@microsoft/sdl/");

    private EslintRules() {
    }

    static boolean isSecurityRule(final String rule) {
        if (rule == null) {
            return false;
        }
        String lower = rule.trim().toLowerCase(Locale.ROOT);
        return SECURITY_PLUGINS.stream().anyMatch(lower::startsWith);
    }
}
