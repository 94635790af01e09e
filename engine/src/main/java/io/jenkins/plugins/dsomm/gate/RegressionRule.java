package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.Levels;
import io.jenkins.plugins.dsomm.assess.ModelChange;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;
import io.jenkins.plugins.dsomm.attest.Targets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * No regression against the reference: no level drop (overall, dimension) and no activity that was satisfied
 * and no longer is. No reference means no regression; a reference that could not be read means regression could
 * not be checked, which is reported with the rule's outcome (not a pass) and the reason.
 *
 * <p>Levels are compared on the reference's terms: this build's statuses (by uuid) placed in the reference's model
 * and levelled in the reference's view. So an activity that moved or was renamed in a newer DSOMM is no regression
 * by itself, a level that is lower only because the model changed (new activities, a new sub-dimension) or because
 * the reference was made in the evidence-only view is reported as such and passes, and an activity whose scope
 * changed is compared as it was.
 *
 * @param outcome outcome when violated
 */
public record RegressionRule(Outcome outcome) implements GateRule {
    private static final String OVERALL = "\u0000overall";

    @Override
    public String id() {
        return "no-regression";
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        Assessment reference = input.reference();
        if (reference == null && input.referenceProblem() != null) {
            return new RuleCheck(id(), outcome, "Regression not checked: the reference assessment could not be read: "
                    + input.referenceProblem());
        }
        if (reference == null) {
            return new RuleCheck(id(), Outcome.PASS, "No reference assessment: regression not checked");
        }
        List<ActivityResult> projected = projected(reference, current);
        List<DimensionLevel> levels = Levels.of(projected, reference.view(), Targets.none(), null);
        Integer overall = null;
        for (DimensionLevel d : levels) {
            if (reference.dimension(d.name()).map(DimensionLevel::inScope).orElse(false)) {
                overall = overall == null ? d.level() : d.level() == null ? overall : Math.min(overall, d.level());
            }
        }
        List<String> drops = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        if (dropped(reference.overall(), overall)) {
            drops.add("overall level " + reference.overall() + " → " + Sentences.level(overall));
            dropped.add(OVERALL);
        }
        for (DimensionLevel before : reference.dimensions()) {
            Integer after = levels.stream().filter(d -> d.name().equals(before.name())).findFirst()
                    .map(DimensionLevel::level).orElse(null);
            if (dropped(before.level(), after)) {
                drops.add(before.name() + " " + before.level() + " → " + Sentences.level(after));
                dropped.add(before.name());
            }
        }
        List<String> lost = new ArrayList<>();
        for (ActivityResult before : reference.activities()) {
            if (!before.status().satisfied()) {
                continue;
            }
            current.activity(before.uuid()).ifPresent(a -> {
                ActivityStatus now = statusOf(projected, a.uuid());
                if (!now.satisfied()) {
                    lost.add(a.activity().name() + " (" + before.status().label() + " → " + a.status().label()
                            + ": " + a.reason() + ")");
                }
            });
        }
        String context = context(reference, current, dropped);
        if (drops.isEmpty() && lost.isEmpty()) {
            return new RuleCheck(id(), Outcome.PASS, "No regression against " + reference.label() + context);
        }
        StringBuilder b = new StringBuilder("Regression against ").append(reference.label()).append(": ");
        if (!drops.isEmpty()) {
            b.append(String.join(", ", drops));
        }
        if (!lost.isEmpty()) {
            b.append(drops.isEmpty() ? "" : "; ").append("no longer met: ").append(Sentences.list(lost));
        }
        return new RuleCheck(id(), outcome, b.append(context).toString());
    }

    /**
     * This build's statuses on the reference's terms: in the reference's view, at the reference's place of each
     * activity. An activity the current model no longer has, or whose scope changed, keeps the reference's status.
     */
    static List<ActivityResult> projected(final Assessment reference, final Assessment current) {
        List<ActivityResult> inView = Levels.inView(current.activities(), current.view(), reference.view());
        Map<String, ActivityResult> byUuid = inView.stream()
                .collect(Collectors.toMap(ActivityResult::uuid, r -> r, (a, b) -> a));
        List<ActivityResult> projected = new ArrayList<>();
        for (ActivityResult before : reference.activities()) {
            ActivityResult now = byUuid.get(before.uuid());
            boolean scopeChanged = now != null && (before.status() == ActivityStatus.OUT_OF_SCOPE)
                    != (now.status() == ActivityStatus.OUT_OF_SCOPE);
            projected.add(now == null || scopeChanged ? before : now.at(before.activity()));
        }
        return projected;
    }

    private static ActivityStatus statusOf(final List<ActivityResult> projected, final String uuid) {
        return projected.stream().filter(r -> r.uuid().equals(uuid)).findFirst().map(ActivityResult::status)
                .orElse(ActivityStatus.UNVERIFIED);
    }

    /** What else changed between the two: the model, the view, levels lower for those reasons only. */
    private static String context(final Assessment reference, final Assessment current, final Set<String> dropped) {
        List<String> parts = new ArrayList<>();
        ModelChange change = ModelChange.between(reference, current);
        if (!change.isEmpty()) {
            parts.add("model change " + change.sentence());
        }
        if (reference.view() != current.view()) {
            parts.add("the reference was assessed in the " + reference.view().key() + " view, this build in the "
                    + current.view().key() + " view: compared in the reference's");
        }
        if (parts.isEmpty()) {
            return "";
        }
        List<String> byModel = new ArrayList<>();
        if (!dropped.contains(OVERALL) && dropped(reference.overall(), current.overall())) {
            byModel.add("overall " + reference.overall() + " → " + Sentences.level(current.overall()));
        }
        for (DimensionLevel before : reference.dimensions()) {
            Optional<DimensionLevel> now = current.dimension(before.name());
            if (!dropped.contains(before.name()) && now.isPresent() && dropped(before.level(), now.get().level())) {
                byModel.add(before.name() + " " + before.level() + " → " + Sentences.level(now.get().level()));
            }
        }
        for (DimensionLevel d : current.dimensions()) {
            if (reference.dimension(d.name()).isEmpty()) {
                byModel.add("new dimension " + d.name() + " at " + Sentences.level(d.level()));
            }
            for (SubDimensionLevel s : d.subDimensions()) {
                if (reference.subDimension(d.name(), s.name()).isEmpty() && reference.dimension(d.name()).isPresent()) {
                    byModel.add("new sub-dimension " + s.label() + " at " + Sentences.level(s.level()));
                }
            }
        }
        return " (" + String.join("; ", parts) + (byModel.isEmpty() ? "" : "; levels that differ for that reason, "
                + "not a regression: " + Sentences.list(byModel)) + ")";
    }

    private static boolean dropped(final Integer before, final Integer after) {
        return before != null && (after == null || after < before);
    }
}
