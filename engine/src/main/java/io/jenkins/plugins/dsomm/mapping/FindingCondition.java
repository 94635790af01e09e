package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds when the evidence of the given kinds has no open finding of the given severities (and, when
 * {@link #rules()} is given, of those rules only: an entry ending in {@code *} matches rule ids starting with
 * the rest). Open means not suppressed by the tool and not waived.
 *
 * @param severities severities that must have no open finding
 * @param in         evidence kinds looked at
 * @param rules      rule ids that matter (empty: all)
 */
public record FindingCondition(Set<Severity> severities, Set<EvidenceKind> in, List<String> rules)
        implements Condition {
    /** The kinds whose reports produce findings: the default of {@link #in()}. */
    public static final Set<EvidenceKind> FINDING_KINDS = Collections.unmodifiableSet(EnumSet.of(
            EvidenceKind.SAST, EvidenceKind.SCA, EvidenceKind.DAST, EvidenceKind.CONTAINER, EvidenceKind.IAC,
            EvidenceKind.SECRETS));
    private static final int MAX_NAMED = 5;

    public FindingCondition {
        if (severities.isEmpty()) {
            throw new IllegalArgumentException("a finding condition needs at least one severity");
        }
        severities = Collections.unmodifiableSet(EnumSet.copyOf(severities));
        in = Collections.unmodifiableSet(EnumSet.copyOf(in.isEmpty() ? FINDING_KINDS : in));
        rules = List.copyOf(rules);
    }

    @Override
    public boolean presence() {
        return false;
    }

    @Override
    public Result test(final List<Evidence> evidence, final BuildContext context) {
        List<Evidence> looked = evidence.stream().filter(e -> !Collections.disjoint(e.kinds(), in)).toList();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Integer> byTool = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        List<Evidence> offending = new ArrayList<>();
        for (Evidence e : looked) {
            int count = 0;
            if (rules.isEmpty()) {
                for (Severity s : severities) {
                    int n = e.open().get(s);
                    if (n > 0) {
                        bySeverity.merge(s, n, Integer::sum);
                        count += n;
                    }
                }
            }
            else {
                for (Finding f : e.findings()) {
                    if (severities.contains(f.severity()) && matchesRule(f.rule())) {
                        bySeverity.merge(f.severity(), 1, Integer::sum);
                        count++;
                        if (named.size() < MAX_NAMED) {
                            named.add(f.rule() + (f.title().isEmpty() ? "" : " " + f.title()));
                        }
                    }
                }
            }
            if (count > 0) {
                byTool.merge(e.toolLabel(), count, Integer::sum);
                offending.add(e);
            }
        }
        if (offending.isEmpty()) {
            return new Result(true, "no open " + severityWords() + " finding" + (rules.isEmpty() ? "" : " of "
                    + rulesWords()) + " in " + looked.size() + " report" + (looked.size() == 1 ? "" : "s"), looked);
        }
        StringBuilder reason = new StringBuilder("open findings: ");
        List<String> parts = new ArrayList<>();
        bySeverity.forEach((s, n) -> parts.add(n + " " + s.name()));
        reason.append(String.join(", ", parts));
        List<String> tools = new ArrayList<>();
        byTool.forEach((t, n) -> tools.add(t + ": " + n));
        reason.append(" (").append(String.join("; ", tools)).append(')');
        if (!named.isEmpty()) {
            reason.append(": ").append(String.join(", ", named));
        }
        return new Result(false, reason.toString(), offending);
    }

    private boolean matchesRule(final String rule) {
        for (String r : rules) {
            if (r.endsWith("*") ? rule.startsWith(r.substring(0, r.length() - 1)) : rule.equals(r)) {
                return true;
            }
        }
        return false;
    }

    private String severityWords() {
        if (severities.size() == Severity.values().length) {
            return "";
        }
        List<String> names = severities.stream().map(Enum::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private String rulesWords() {
        return "rules " + String.join(", ", rules);
    }

    @Override
    public String describe() {
        String severity = severityWords();
        return "no open " + (severity.isEmpty() ? "" : severity + " ") + "finding"
                + (rules.isEmpty() ? "" : " of " + rulesWords()) + " in "
                + EvidenceCondition.joinKinds(in, " or ") + " evidence";
    }
}
