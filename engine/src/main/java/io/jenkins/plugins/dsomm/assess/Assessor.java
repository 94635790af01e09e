package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.OutOfScope;
import io.jenkins.plugins.dsomm.attest.ProgressState;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.attest.Validity;
import io.jenkins.plugins.dsomm.attest.Waiver;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.mapping.ActivityRule;
import io.jenkins.plugins.dsomm.mapping.RuleResult;
import io.jenkins.plugins.dsomm.mapping.RuleSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes an {@link Assessment}: applies waivers and the evidence age policy, asks the rule of each activity,
 * takes attestations, declarations and scope into account, respects dependsOn and computes the levels and their
 * evidence ceiling. See docs/assessment.md for the semantics and a worked example.
 */
public final class Assessor {
    private final Catalog catalog;
    private RuleSet ruleSet;
    private List<Evidence> evidence = List.of();
    private List<UnreadableFile> unreadable = List.of();
    private List<IgnoredFile> ignored = List.of();
    private List<DeclarationState> vex = List.of();
    private Declarations declarations = Declarations.none();
    private BuildContext context = BuildContext.none();
    private AssessmentOptions options = AssessmentOptions.defaults();
    private Instant now = Instant.now();
    private ZoneId zone = ZoneOffset.UTC;
    private Assessment reference;
    private Map<String, String> subject = Map.of();

    private Assessor(final Catalog catalog, final RuleSet ruleSet) {
        this.catalog = catalog;
        this.ruleSet = ruleSet;
    }

    /** An assessor for the catalog and rule set; the other inputs default to nothing. */
    public static Assessor of(final Catalog catalog, final RuleSet ruleSet) {
        return new Assessor(catalog, ruleSet);
    }

    public Assessor evidence(final List<Evidence> value) {
        evidence = List.copyOf(value);
        return this;
    }

    public Assessor unreadable(final List<UnreadableFile> value) {
        unreadable = List.copyOf(value);
        return this;
    }

    /** Files found among the inputs that are no report DSOMM Gate reads, listed so that none goes unmentioned. */
    public Assessor ignored(final List<IgnoredFile> value) {
        ignored = List.copyOf(value);
        return this;
    }

    /**
     * The VEX statements of the build that suppressed findings of its reports (applied by the ingestion), listed
     * among the declarations with what they suppressed.
     */
    public Assessor vex(final List<DeclarationState> value) {
        vex = List.copyOf(value);
        return this;
    }

    public Assessor declarations(final Declarations value) {
        declarations = value;
        return this;
    }

    public Assessor context(final BuildContext value) {
        context = value;
        return this;
    }

    public Assessor options(final AssessmentOptions value) {
        options = value;
        return this;
    }

    /** The assessment time (and day, in the zone) for evidence age and declaration expiry. */
    public Assessor at(final Instant time, final ZoneId timeZone) {
        now = time;
        zone = timeZone;
        return this;
    }

    /** The reference assessment, whose young enough evidence is carried over when a maximum age is set. */
    public Assessor reference(final Assessment value) {
        reference = value;
        return this;
    }

    public Assessor subject(final Map<String, String> value) {
        subject = Map.copyOf(value);
        return this;
    }

    public Assessment assess() {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<String> stale = new ArrayList<>();
        List<Evidence> counted = fresh(stale);
        List<DeclarationState> states = new ArrayList<>();
        counted = applyFindingWaivers(counted, today, states);

        Map<String, ActivityResult> base = new LinkedHashMap<>();
        for (Activity a : catalog.activities()) {
            base.put(a.uuid(), assessActivity(a, counted, today));
        }
        Map<String, ActivityResult> results = new LinkedHashMap<>(base);
        applyDependencies(results, options.view());
        addDeclarationStates(today, states);
        states.addAll(vex);

        Targets targets = declarations.targets().with(options.targets());
        List<DimensionLevel> dimensions = Levels.of(new ArrayList<>(results.values()), options.view(), targets,
                new ArrayList<>(ceiling(base).values()));
        return new Assessment(now, catalog.version(), catalog.source(), ruleSet.name(), ruleSet.sources(),
                options.withTargets(targets), context, subject, Levels.overall(dimensions), dimensions,
                new ArrayList<>(results.values()), counted, unreadable, ignored, states, stale,
                Levels.overallCeiling(dimensions), declarations.warnings());
    }

    /** The results if every unverified activity were attested: what the evidence ceiling is made of. */
    private Map<String, ActivityResult> ceiling(final Map<String, ActivityResult> base) {
        Map<String, ActivityResult> ceiling = new LinkedHashMap<>();
        base.forEach((uuid, r) -> ceiling.put(uuid, r.status() != ActivityStatus.UNVERIFIED ? r
                : new ActivityResult(r.activity(), ActivityStatus.ATTESTED, "if attested", List.of(), r.requirement(),
                        "", List.of())));
        applyDependencies(ceiling, LevelView.DSOMM);
        return ceiling;
    }

    /** Drops evidence older than the maximum age and carries young enough evidence of the reference over. */
    private List<Evidence> fresh(final List<String> stale) {
        Integer maxAge = options.maxEvidenceAgeDays();
        if (maxAge == null) {
            return evidence;
        }
        Instant cutoff = now.minus(maxAge, ChronoUnit.DAYS);
        List<Evidence> result = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.producedAt() != null && e.producedAt().isBefore(cutoff)) {
                stale.add(e.toolLabel() + " (" + e.sourceFile() + ") was produced " + day(e.producedAt())
                        + ", more than " + maxAge + " days ago: it does not count");
            }
            else {
                result.add(e);
            }
        }
        if (reference != null) {
            for (Evidence old : reference.evidence()) {
                boolean young = old.producedAt() != null && !old.producedAt().isBefore(cutoff);
                if (young && !supersededBy(old, result)) {
                    String from = old.carriedFrom() != null ? old.carriedFrom() : reference.label();
                    result.add(old.toBuilder().carriedFrom(from).build());
                }
            }
        }
        return result;
    }

    private static boolean supersededBy(final Evidence old, final List<Evidence> current) {
        return current.stream().anyMatch(c -> c.format().equals(old.format())
                && c.tool().equalsIgnoreCase(old.tool()));
    }

    private String day(final Instant time) {
        return LocalDate.ofInstant(time, zone).toString();
    }

    /** Removes the findings valid waivers cover from the open counts; they count as suppressed. */
    private List<Evidence> applyFindingWaivers(final List<Evidence> input, final LocalDate today,
            final List<DeclarationState> states) {
        List<Waiver> waivers = declarations.waivers().stream().filter(w -> !w.isActivityWaiver()).toList();
        List<Waiver> valid = waivers.stream().filter(w -> w.validity(today) == Validity.VALID).toList();
        Map<Waiver, Integer> matched = new IdentityHashMap<>();
        List<Evidence> result = new ArrayList<>();
        for (Evidence e : input) {
            List<Finding> kept = new ArrayList<>();
            SeverityCounts.Counter waived = new SeverityCounts.Counter();
            for (Finding f : e.findings()) {
                Optional<Waiver> w = valid.stream().filter(x -> x.covers(f)).findFirst();
                if (w.isPresent()) {
                    waived.add(f.severity());
                    matched.merge(w.get(), 1, Integer::sum);
                }
                else {
                    kept.add(f);
                }
            }
            if (waived.total() == 0) {
                result.add(e);
            }
            else {
                result.add(e.toBuilder().open(e.open().minus(waived.toCounts()))
                        .suppressed(e.suppressed() + waived.total())
                        .findings(kept, e.findingsTruncated()).build());
            }
        }
        for (Waiver w : waivers) {
            states.add(new DeclarationState("waiver", w.subject(), null, w.by(), w.date(), w.expires(), w.reason(),
                    w.validity(today), matched.getOrDefault(w, 0)));
        }
        return result;
    }

    private ActivityResult assessActivity(final Activity a, final List<Evidence> counted, final LocalDate today) {
        List<String> notes = new ArrayList<>();
        OutOfScope scope = outOfScope(a, today, notes);
        ActivityResult inScope = assessInScope(a, counted, today, notes);
        if (scope != null) {
            List<String> all = new ArrayList<>(inScope.notes());
            if (inScope.status().assessed()) {
                all.add("in scope it would be " + inScope.status().label() + ": " + inScope.reason());
            }
            return new ActivityResult(a, ActivityStatus.OUT_OF_SCOPE, scope.sentence(), List.of(),
                    inScope.requirement(), scope.sentence(), all);
        }
        if (inScope.status().satisfied()) {
            return inScope;
        }
        List<String> progress = declarations.inProgress().stream().filter(p -> p.activity().equals(a.uuid()))
                .map(ProgressState::sentence).toList();
        if (progress.isEmpty()) {
            return inScope;
        }
        List<String> all = new ArrayList<>(inScope.notes());
        all.addAll(progress);
        return new ActivityResult(a, inScope.status(), inScope.reason(), inScope.evidence(), inScope.requirement(),
                inScope.declaration(), all);
    }

    /** What takes the activity out of scope: the scope option or a valid declaration; null when it is in scope. */
    private OutOfScope outOfScope(final Activity a, final LocalDate today, final List<String> notes) {
        if (!options.inScope(a.dimension())) {
            return new OutOfScope(a.dimension(), null, null, "not among the dimensions in scope ("
                    + String.join(", ", options.scope()) + ")", "", null, null);
        }
        return valid(declarations.outOfScope().stream().filter(o -> o.covers(a.dimension(), a.subDimension(),
                a.uuid())).toList(), o -> o.validity(today), o -> "out-of-scope declaration of the " + o.kind()
                + (o.by().isEmpty() ? "" : " by " + o.by()), OutOfScope::expires, notes);
    }

    private ActivityResult assessInScope(final Activity a, final List<Evidence> counted, final LocalDate today,
            final List<String> notes) {
        NotApplicable na = valid(declarations.notApplicable().stream().filter(n -> n.activity().equals(a.uuid()))
                .toList(), n -> n.validity(today), n -> "not-applicable declaration by " + or(n.by(), "someone"),
                NotApplicable::expires, notes);
        Attestation attestation = valid(declarations.attestations().stream()
                        .filter(x -> x.activity().equals(a.uuid())).toList(), x -> x.validity(today),
                x -> "attestation by " + x.by() + " of " + x.date(), Attestation::expires, notes);
        Waiver waiver = valid(declarations.waivers().stream()
                        .filter(w -> w.isActivityWaiver() && w.activity().equals(a.uuid())).toList(),
                w -> w.validity(today), w -> "waiver (" + w.reason() + ")", Waiver::expires, notes);
        Optional<ActivityRule> rule = ruleSet.ruleFor(a.uuid());
        String requirement = rule.map(ActivityRule::description).orElse("");

        if (na != null) {
            return new ActivityResult(a, ActivityStatus.NOT_APPLICABLE, na.reason(), List.of(), requirement,
                    "not applicable (" + na.reason() + "), declared by " + or(na.by(), "someone")
                            + (na.date() == null ? "" : " on " + na.date())
                            + (na.expires() == null ? "" : ", until " + na.expires()), notes);
        }
        if (rule.isPresent()) {
            RuleResult outcome = rule.get().evaluate(counted, context);
            switch (outcome.verdict()) {
                case MET -> {
                    return new ActivityResult(a, ActivityStatus.MET, outcome.reason(), outcome.evidence(), requirement,
                            "", notes);
                }
                case MISSING -> {
                    if (attestation != null) {
                        notes.add("the rule finds: " + outcome.reason());
                        return attested(a, attestation, requirement, notes);
                    }
                    if (waiver != null) {
                        return waived(a, waiver, outcome.reason(), requirement, notes);
                    }
                    return new ActivityResult(a, ActivityStatus.MISSING, outcome.reason(), outcome.evidence(),
                            requirement, "", notes);
                }
                default -> {
                    if (waiver != null) {
                        return waived(a, waiver, outcome.reason(), requirement, notes);
                    }
                    if (attestation != null) {
                        notes.add("attested by " + attestation.by() + ", but the evidence shows it is not met: "
                                + "an attestation does not override failing evidence (use a waiver)");
                    }
                    return new ActivityResult(a, ActivityStatus.FAILED, outcome.reason(), outcome.evidence(),
                            requirement, "", notes);
                }
            }
        }
        if (attestation != null) {
            return attested(a, attestation, requirement, notes);
        }
        if (waiver != null) {
            return waived(a, waiver, "no rule assesses it", requirement, notes);
        }
        return new ActivityResult(a, ActivityStatus.UNVERIFIED, "unverified: no rule, attestation or declaration "
                + "speaks for it", List.of(), requirement, "", notes);
    }

    private static ActivityResult attested(final Activity a, final Attestation x, final String requirement,
            final List<String> notes) {
        String declaration = "attested by " + x.by() + " on " + x.date() + ", expires " + x.expires()
                + (x.link().isEmpty() ? "" : ", evidence: " + x.link());
        return new ActivityResult(a, ActivityStatus.ATTESTED, declaration, List.of(), requirement, declaration, notes);
    }

    private static ActivityResult waived(final Activity a, final Waiver w, final String underlying,
            final String requirement, final List<String> notes) {
        notes.add("without the waiver: " + underlying);
        String declaration = "waived until " + w.expires() + ": " + w.reason() + (w.by().isEmpty() ? "" : " (" + w.by() + ")");
        return new ActivityResult(a, ActivityStatus.WAIVED, declaration, List.of(), requirement, declaration, notes);
    }

    /** The first valid entry; expired and future ones are noted. */
    private static <T> T valid(final List<T> entries, final Function<T, Validity> validity,
            final Function<T, String> describe, final Function<T, LocalDate> expires, final List<String> notes) {
        T found = null;
        for (T e : entries) {
            switch (validity.apply(e)) {
                case VALID -> found = found == null ? e : found;
                case EXPIRED -> notes.add(describe.apply(e) + " expired on " + expires.apply(e) + ": it no longer counts");
                case NOT_YET -> notes.add(describe.apply(e) + " is dated in the future: it does not count yet");
            }
        }
        return found;
    }

    private static String or(final String value, final String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * An activity is satisfied only if what it depends on is: an unsatisfied prerequisite blocks it, an unverified
     * one too (in the evidence-only view it is noted instead). A prerequisite out of scope is noted, not blocking.
     */
    private void applyDependencies(final Map<String, ActivityResult> results, final LevelView view) {
        Map<String, Boolean> done = new HashMap<>();
        for (Activity a : catalog.activities()) {
            resolve(a, results, done, view);
        }
    }

    private void resolve(final Activity a, final Map<String, ActivityResult> results, final Map<String, Boolean> done,
            final LevelView view) {
        if (done.containsKey(a.uuid())) {
            return;
        }
        done.put(a.uuid(), true);
        for (String dep : a.dependsOn()) {
            catalog.activity(dep).ifPresent(p -> resolve(p, results, done, view));
        }
        ActivityResult r = results.get(a.uuid());
        if (!r.status().satisfied() || r.status() == ActivityStatus.NOT_APPLICABLE) {
            return;
        }
        List<String> blockers = new ArrayList<>();
        List<String> blockedBy = new ArrayList<>();
        List<String> notes = new ArrayList<>(r.notes());
        for (String dep : a.dependsOn()) {
            ActivityResult p = results.get(dep);
            if (p == null || p.status().satisfied()) {
                continue;
            }
            String name = p.activity().name();
            if (p.status() == ActivityStatus.OUT_OF_SCOPE) {
                notes.add("prerequisite " + name + " is out of scope");
            }
            else if (p.status() == ActivityStatus.UNVERIFIED && !view.countsUnverified()) {
                notes.add("prerequisite " + name + " unverified");
            }
            else {
                blockers.add(name + " (" + p.status().label() + ")");
                blockedBy.add(dep);
            }
        }
        if (!blockers.isEmpty()) {
            notes.add("would be " + r.status().label() + " otherwise: " + r.reason());
            results.put(a.uuid(), new ActivityResult(a, ActivityStatus.BLOCKED, "blocked by "
                    + String.join(", ", blockers), r.evidence(), r.requirement(), r.declaration(), notes, blockedBy,
                    r.status()));
        }
        else if (notes.size() != r.notes().size()) {
            results.put(a.uuid(), new ActivityResult(a, r.status(), r.reason(), r.evidence(), r.requirement(),
                    r.declaration(), notes));
        }
    }

    private void addDeclarationStates(final LocalDate today, final List<DeclarationState> states) {
        for (Attestation x : declarations.attestations()) {
            states.add(new DeclarationState("attestation", name(x.activity()), x.activity(), x.by(), x.date(),
                    x.expires(), x.link().isEmpty() ? x.note() : x.link(), x.validity(today), 0));
        }
        for (NotApplicable n : declarations.notApplicable()) {
            states.add(new DeclarationState("not-applicable", name(n.activity()), n.activity(), n.by(), n.date(),
                    n.expires(), n.reason(), n.validity(today), 0));
        }
        for (Waiver w : declarations.waivers()) {
            if (w.isActivityWaiver()) {
                states.add(new DeclarationState("waiver", name(w.activity()), w.activity(), w.by(), w.date(),
                        w.expires(), w.reason(), w.validity(today), 0));
            }
        }
        for (OutOfScope o : declarations.outOfScope()) {
            String subject = o.activity() != null ? name(o.activity()) : o.kind() + " " + o.dimension()
                    + (o.subDimension() == null ? "" : Targets.SEPARATOR + o.subDimension());
            states.add(new DeclarationState("out-of-scope", subject, o.activity(), o.by(), o.date(), o.expires(),
                    o.reason(), o.validity(today), 0));
        }
        for (ProgressState p : declarations.inProgress()) {
            states.add(new DeclarationState("in-progress", name(p.activity()), p.activity(), "team '" + p.team()
                    + "' (DSOMM application, " + p.source() + ")", p.date(), null, p.state(), Validity.VALID, 0));
        }
    }

    private String name(final String uuid) {
        return catalog.activity(uuid).map(Activity::name).orElse(uuid);
    }
}
