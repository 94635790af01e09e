package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.mapping.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .dsomm.yml} to start from ({@code dsomm-gate init}, and the Jenkins assessment page's download): every
 * activity in scope up to the target that no CI evidence can show (no rule of the rule set speaks for it), each as
 * a commented attestation template naming the activity by uuid (which DSOMM keeps when an activity moves or is
 * renamed) with its name in a comment, so that a team gets to an honest level in one sitting: uncomment what it
 * practises, fill in who, when and where the proof is, declare the rest not applicable or out of scope. With a
 * scope, the dimensions and sub-dimensions outside it are written as out of scope; with a target, as target.
 */
public final class AttestationSkeleton {
    /** How each attestation template starts. */
    private static final String TEMPLATE = "  # - activity: ";

    private AttestationSkeleton() {
    }

    /** The number of attestation templates in a skeleton's text. */
    public static long templates(final String skeleton) {
        return skeleton.lines().filter(l -> l.startsWith(TEMPLATE)).count();
    }

    /**
     * The skeleton for a team starting out.
     *
     * @param catalog the DSOMM model
     * @param rules   the rule set in force (what it can show is left out)
     * @param scope   dimensions and {@code dimension / sub-dimension} in scope; empty: all
     * @param target  the level to reach (written as target when not null); the templates go up to it, else to 1
     * @param team    the team name, may be empty
     * @param today   the date the templates and scope entries carry
     * @throws IllegalArgumentException for a scope or target naming nothing of the catalog, or a target outside 0
     *                                  to 5
     */
    public static String render(final Catalog catalog, final RuleSet rules, final List<String> scope,
            final Integer target, final String team, final LocalDate today) {
        Targets named = Targets.of(scope.stream().collect(LinkedHashMap<String, Integer>::new,
                (m, s) -> m.put(s, 0), Map::putAll));
        if (named.overall() != null) {
            throw new IllegalArgumentException("scope: name dimensions or 'dimension / sub-dimension', not 'overall'");
        }
        List<String> unknown = named.unknownIn(catalog);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("scope: not in DSOMM " + catalog.version() + ": " + String.join(", ",
                    unknown) + " (dimensions: " + String.join(", ", catalog.dimensions()) + ")");
        }
        if (target != null && (target < 0 || target > 5)) {
            throw new IllegalArgumentException("target must be 0 to 5: " + target);
        }
        int upTo = target == null ? 1 : target;
        List<String> outOfScope = new ArrayList<>();
        Map<String, List<Activity>> templates = new LinkedHashMap<>();
        for (String dimension : catalog.dimensions()) {
            boolean whole = scope.isEmpty() || named.dimensions().containsKey(dimension);
            boolean any = whole || catalog.subDimensions(dimension).keySet().stream()
                    .anyMatch(s -> named.subDimensions().containsKey(dimension + Targets.SEPARATOR + s));
            if (!any) {
                outOfScope.add("  - dimension: " + YamlText.quoted(dimension) + "\n");
                continue;
            }
            for (Map.Entry<String, List<Activity>> sub : catalog.subDimensions(dimension).entrySet()) {
                if (!whole && !named.subDimensions().containsKey(dimension + Targets.SEPARATOR + sub.getKey())) {
                    outOfScope.add("  - dimension: " + YamlText.quoted(dimension) + "\n    subDimension: "
                            + YamlText.quoted(sub.getKey()) + "\n");
                    continue;
                }
                for (Activity a : sub.getValue()) {
                    if (a.level() <= upTo && rules.ruleFor(a.uuid()).isEmpty()) {
                        templates.computeIfAbsent(dimension + Targets.SEPARATOR + sub.getKey(), k -> new ArrayList<>())
                                .add(a);
                    }
                }
            }
        }
        StringBuilder y = header(catalog.version(), rules.name(), team, today, templates, upTo,
                "dsomm-gate init");
        if (target != null) {
            y.append("\ntargets:\n  overall: ").append(target).append('\n');
        }
        if (!outOfScope.isEmpty()) {
            y.append("\noutOfScope:                 # outside the scope given to dsomm-gate init\n");
            for (String entry : outOfScope) {
                y.append(entry).append("    reason: ")
                        .append(YamlText.quoted("not in the scope chosen with dsomm-gate init on " + today))
                        .append("\n    date: ").append(today).append('\n');
            }
        }
        return attestations(y, templates, today).toString();
    }

    /**
     * The skeleton of an assessment (the Jenkins assessment page): its unverified activities in scope up to each
     * sub-dimension's target, else up to the next overall level, with the assessment's targets.
     */
    public static String of(final Assessment a, final LocalDate today) {
        int next = a.overall() == null ? 1 : Math.min(a.overall() + 1, 5);
        Map<String, List<Activity>> templates = new LinkedHashMap<>();
        int upTo = next;
        for (ActivityResult r : a.activities()) {
            if (r.status() != ActivityStatus.UNVERIFIED) {
                continue;
            }
            Activity act = r.activity();
            Integer target = a.subDimension(act.dimension(), act.subDimension()).map(SubDimensionLevel::target)
                    .orElse(null);
            int goal = target != null ? target : next;
            upTo = Math.max(upTo, goal);
            if (act.level() <= goal) {
                templates.computeIfAbsent(act.dimension() + Targets.SEPARATOR + act.subDimension(),
                        k -> new ArrayList<>()).add(act);
            }
        }
        StringBuilder y = header(a.catalogVersion(), a.ruleSet(), a.subject().getOrDefault("team", ""), today,
                templates, upTo, "the assessment of " + a.label());
        Map<String, Integer> targets = a.options().targets().asMap();
        if (!targets.isEmpty()) {
            y.append("\ntargets:\n");
            targets.forEach((k, v) -> y.append("  ").append(YamlText.quoted(k)).append(": ").append(v).append('\n'));
        }
        return attestations(y, templates, today).toString();
    }

    private static StringBuilder header(final String version, final String rules, final String team,
            final LocalDate today, final Map<String, List<Activity>> templates, final int upTo, final String from) {
        int count = templates.values().stream().mapToInt(List::size).sum();
        StringBuilder y = new StringBuilder();
        y.append("# .dsomm.yml: what this team states about its practices (docs/attestations.md), started from ")
                .append(YamlText.comment(from)).append(" on ").append(today).append(".\n");
        y.append("# Below are the ").append(count).append(count == 1 ? " activity" : " activities")
                .append(" of DSOMM ").append(YamlText.comment(version)).append(" in scope up to level ").append(upTo)
                .append(" that no CI evidence can show\n# (no rule of the ").append(YamlText.comment(rules))
                .append(" rule set speaks for them), each as a commented attestation. For each one the team\n")
                .append("# practises: remove the '# ' of its lines, say who states it (by), since when (date) and ")
                .append("where the proof is\n# (evidence). Declare the others not applicable (notApplicable:, with a ")
                .append("reason) or out of scope\n# (outOfScope:). Until then each holds its sub-dimension below its ")
                .append("level: unknown is never a pass.\n");
        y.append("version: 1\n");
        if (team != null && !team.isBlank()) {
            y.append("team: ").append(YamlText.quoted(team)).append('\n');
        }
        return y;
    }

    private static StringBuilder attestations(final StringBuilder y, final Map<String, List<Activity>> templates,
            final LocalDate today) {
        y.append("\nattestations:\n");
        if (templates.isEmpty()) {
            y.append("  # nothing to attest up to this level: the rules can show every activity in scope\n");
        }
        for (Map.Entry<String, List<Activity>> sub : templates.entrySet()) {
            y.append("  # ").append(YamlText.comment(sub.getKey())).append('\n');
            for (Activity a : sub.getValue()) {
                y.append(TEMPLATE).append(YamlText.key(a.uuid())).append("   # ")
                        .append(YamlText.comment(a.name())).append(" (level ").append(a.level()).append(")\n");
                y.append("  #   by:\n");
                y.append("  #   date: ").append(today).append('\n');
                y.append("  #   evidence:\n");
            }
        }
        return y;
    }
}
