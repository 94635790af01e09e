package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.Stats;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.dsomm.render.HtmlReport;
import io.jenkins.plugins.dsomm.render.LevelColors;
import io.jenkins.plugins.dsomm.render.AttestationSkeleton;
import io.jenkins.plugins.dsomm.render.TeamEvidenceYaml;
import io.jenkins.plugins.dsomm.render.TeamProgressYaml;
import io.jenkins.plugins.dsomm.render.TrendPoint;
import io.jenkins.plugins.dsomm.run.AssessmentRequest;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.GET;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A build's DSOMM assessment. The small summary (levels, gate outcome, every gate rule with its outcome, counts) is kept here, in
 * build.xml, and exported to the remote API; the full assessment is the engine's versioned JSON document in a side
 * file of the build folder, read lazily and held weakly. A corrupt or missing side file gives a message on the
 * page, never an exception.
 */
@ExportedBean
public final class DsommBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** Side file in the build folder. */
    static final String FILE = "dsomm-gate-assessment.json";
    /** URL of the action below the build. */
    static final String URL = "dsomm";
    /** The plugin's symbol (images/symbols/dsomm.svg, drawn in the theme's text colour). */
    static final String ICON = "symbol-dsomm plugin-dsomm-gate";
    /** Builds in the trend of the report page, at most. */
    static final int REPORT_TREND = 20;

    private transient Run<?, ?> owner;
    private transient ReentrantLock lock = new ReentrantLock();
    @CheckForNull
    private transient WeakReference<AssessmentDocument> document;
    @CheckForNull
    private transient String loadError;

    private final Integer overall;
    private final LinkedHashMap<String, Integer> dimensions;
    private final String outcome;
    /** The violated rules' sentences of builds recorded before {@link #checks} existed; null since. */
    @CheckForNull
    private ArrayList<String> reasons;
    private final String catalogVersion;
    private final String ruleSet;
    private final int activities;
    private final int assessed;
    private final int reports;
    private final int unreadable;
    /** Files found that are no report DSOMM Gate reads (0 in builds recorded before they were listed). */
    private int ignored;
    private final LinkedHashMap<String, Integer> openFindings;
    private final int newFindings;
    private final int fixedFindings;
    private final int slaBreaches;
    private final LinkedHashMap<String, Double> mttrHours;
    /** The level view ({@code dsomm}, {@code evidence-only}); null in builds recorded before schema 3. */
    @CheckForNull
    private final String view;
    /** Every gate rule's outcome and sentence; null in builds recorded before (their {@link #reasons} only). */
    @CheckForNull
    private ArrayList<Check> checks;
    /** Target per dimension (null values: none); null in builds recorded before targets existed. */
    @CheckForNull
    private LinkedHashMap<String, Integer> targets;
    @CheckForNull
    private Integer overallTarget;
    @CheckForNull
    private Integer evidenceCeiling;

    /** Writes the side file and keeps the summary. */
    DsommBuildAction(final Run<?, ?> owner, final Assessment a, final GateResult gate, @CheckForNull final Kpis kpis)
            throws IOException {
        this.owner = owner;
        overall = a.overall();
        dimensions = new LinkedHashMap<>();
        for (DimensionLevel d : a.dimensions()) {
            dimensions.put(d.name(), d.level());
        }
        outcome = gate.outcome().name();
        checks = new ArrayList<>(gate.checks().stream().map(c -> new Check(c.rule(), c.outcome().name(), c.message()))
                .toList());
        targets = new LinkedHashMap<>();
        for (DimensionLevel d : a.dimensions()) {
            targets.put(d.name(), d.inScope() ? d.target() : null);
        }
        overallTarget = a.overallTarget();
        evidenceCeiling = a.evidenceCeiling();
        view = a.view().key();
        catalogVersion = a.catalogVersion();
        ruleSet = a.ruleSet();
        activities = a.activities().size();
        assessed = (int) a.assessedActivities();
        reports = a.evidence().size();
        unreadable = a.unreadable().size();
        ignored = a.ignored().size();
        SeverityCounts open = SeverityCounts.sum(a.evidence().stream().map(Evidence::open).toList());
        openFindings = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            openFindings.put(s.key(), open.get(s));
        }
        newFindings = kpis == null ? 0 : kpis.changes().added().total();
        fixedFindings = kpis == null ? 0 : kpis.changes().fixed().total();
        slaBreaches = kpis == null ? 0 : kpis.slaBreaches().size();
        mttrHours = new LinkedHashMap<>();
        if (kpis != null) {
            kpis.remediation().forEach((s, st) -> mttrHours.put(s.key(), st.mean()));
        }
        Path file = owner.getRootDir().toPath().resolve(FILE);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            AssessmentJson.write(a, gate, kpis, out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    protected Object readResolve() {
        lock = new ReentrantLock();
        if (checks == null) { // recorded before every rule was kept: the violated ones, as they were
            checks = new ArrayList<>((reasons == null ? List.<String>of() : reasons).stream()
                    .map(r -> new Check("", outcome, r)).toList());
        }
        if (targets == null) {
            targets = new LinkedHashMap<>();
        }
        return this;
    }

    /** A gate rule's outcome in the summary: kept in build.xml (a few per build). */
    @ExportedBean
    public static final class Check implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String rule;
        private final String outcome;
        private final String message;

        Check(final String rule, final String outcome, final String message) {
            this.rule = rule;
            this.outcome = outcome;
            this.message = message;
        }

        @Exported(visibility = 3)
        public String getRule() {
            return rule;
        }

        @Exported(visibility = 3)
        public String getOutcome() {
            return outcome;
        }

        @Exported(visibility = 3)
        public String getMessage() {
            return message;
        }

        /** The design library's status symbol of the outcome. */
        public String getSymbol() {
            return AssessmentPage.outcomeSymbol(outcome);
        }
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.BuildAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    /**
     * The job's trend and badge, taken by core's {@code SimpleBuildStep.LastBuildActionFactory} from the last
     * successful build; {@link DsommJobActionFactory} adds it when that build has no assessment (for example when
     * every gate so far failed the build).
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new DsommJobAction(owner.getParent()));
    }

    /** {@code .../dsomm/api/json}: the summary (the same values the build's own api/json shows for this action). */
    public Api getApi() {
        return new Api(this);
    }

    /**
     * The full assessment document, read lazily from the side file and held weakly; null when the side file is
     * missing or cannot be read (see {@link #getLoadError()}). Never throws.
     */
    @CheckForNull
    public AssessmentDocument getDocument() {
        lock.lock();
        try {
            AssessmentDocument d = document == null ? null : document.get();
            if (d == null) {
                d = read();
                document = d == null ? null : new WeakReference<>(d);
            }
            return d;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * The finding snapshot of this build, for the KPIs of a later build: from the document when it is held, else
     * read without the evidence's findings (not kept). Null when the side file is missing or cannot be read (see
     * {@link #getLoadError()}). Never throws.
     */
    @CheckForNull
    public FindingSnapshot getSnapshot() {
        lock.lock();
        try {
            AssessmentDocument d = document == null ? null : document.get();
            if (d == null) {
                d = read(AssessmentJson::readForHistory);
            }
            return d == null ? null : d.snapshot();
        }
        finally {
            lock.unlock();
        }
    }

    /** Reads the side file, naming it in messages. */
    @FunctionalInterface
    private interface SideFileReader {
        AssessmentDocument read(Path file, String name) throws IOException;
    }

    @CheckForNull
    private AssessmentDocument read() {
        return read((file, name) -> {
            try (InputStream in = Files.newInputStream(file)) {
                return AssessmentJson.read(in, name);
            }
        });
    }

    @CheckForNull
    private AssessmentDocument read(final SideFileReader reader) {
        Path file = owner.getRootDir().toPath().resolve(FILE);
        String name = FILE + " of " + owner.getFullDisplayName();
        if (!Files.isRegularFile(file)) {
            loadError = name + " is missing: the full assessment of this build is not available (the summary is)";
            return null;
        }
        try {
            AssessmentDocument d = reader.read(file, name);
            loadError = null;
            return d;
        }
        catch (IOException e) {
            loadError = name + " cannot be read: " + e.getMessage();
        }
        catch (AssessmentFormatException e) {
            loadError = e.getMessage();
        }
        catch (RuntimeException e) { // whatever the engine throws: a message on the page, never an exception
            loadError = name + " cannot be read: " + e;
        }
        return null;
    }

    /** Why the side file could not be read, or null. */
    @CheckForNull
    public String getLoadError() {
        return loadError;
    }

    /** What the DSOMM page shows of the full assessment, or null when it cannot be read (see the load error). */
    @CheckForNull
    public AssessmentPage getPage() {
        AssessmentDocument d = getDocument();
        return d == null ? null : new AssessmentPage(d);
    }

    /** The gap list of the full assessment, or null. */
    @CheckForNull
    public GapList getGaps() {
        AssessmentDocument d = getDocument();
        return d == null ? null : d.gate() != null ? d.gate().gaps() : GapList.of(d.assessment());
    }

    @Exported(visibility = 2)
    @CheckForNull
    public Integer getOverall() {
        return overall;
    }

    @Exported(visibility = 2)
    public Map<String, Integer> getDimensions() {
        return dimensions;
    }

    @Exported(visibility = 2)
    public String getOutcome() {
        return outcome;
    }

    @Exported(visibility = 2)
    public List<String> getReasons() {
        return getChecks().stream().filter(c -> !Outcome.PASS.name().equals(c.getOutcome())).map(Check::getMessage)
                .toList();
    }

    /** Every gate rule with its outcome, in policy order. */
    @Exported(visibility = 2)
    public List<Check> getChecks() {
        return checks == null ? List.of() : checks;
    }

    /** Target per dimension (null: none). */
    @Exported(visibility = 2)
    public Map<String, Integer> getTargets() {
        return targets == null ? Map.of() : targets;
    }

    @Exported(visibility = 2)
    @CheckForNull
    public Integer getOverallTarget() {
        return overallTarget;
    }

    /** The overall level if every unverified activity were attested. */
    @Exported(visibility = 2)
    @CheckForNull
    public Integer getEvidenceCeiling() {
        return evidenceCeiling;
    }

    /** "target 1 · evidence ceiling 0 · 25 of 194 activities assessed · 7 reports", for the summary. */
    public String getFacts() {
        List<String> facts = new ArrayList<>();
        if (overallTarget != null) {
            facts.add("target " + overallTarget);
        }
        if (evidenceCeiling != null) {
            facts.add("evidence ceiling " + evidenceCeiling);
        }
        facts.add(assessed + " of " + activities + " activities assessed");
        facts.add(reports + (reports == 1 ? " report" : " reports"));
        return String.join(" · ", facts);
    }

    /** The design library's colour class of the gate outcome. */
    public String getOutcomeClass() {
        return AssessmentPage.outcomeClass(outcome);
    }

    /** The design library's colour class of the overall level. */
    public String getLevelClass() {
        return AssessmentPage.levelClass(overall);
    }

    /** The design library's colour class of a dimension's level. */
    public String levelClass(@CheckForNull final Integer level) {
        return AssessmentPage.levelClass(level);
    }

    /** The design library's status symbol of the gate outcome. */
    public String getOutcomeSymbol() {
        return AssessmentPage.outcomeSymbol(outcome);
    }

    @Exported(visibility = 2)
    public String getCatalogVersion() {
        return catalogVersion;
    }

    @Exported(visibility = 2)
    public String getRuleSet() {
        return ruleSet;
    }

    @Exported(visibility = 2)
    public int getActivities() {
        return activities;
    }

    @Exported(visibility = 2)
    public int getAssessed() {
        return assessed;
    }

    @Exported(visibility = 2)
    public int getReports() {
        return reports;
    }

    @Exported(visibility = 2)
    public int getUnreadable() {
        return unreadable;
    }

    /** Files found that are no report DSOMM Gate reads: listed with the reason on the DSOMM page. */
    @Exported(visibility = 2)
    public int getIgnored() {
        return ignored;
    }

    @Exported(visibility = 2)
    public Map<String, Integer> getOpenFindings() {
        return openFindings;
    }

    @Exported(visibility = 2)
    public int getNewFindings() {
        return newFindings;
    }

    @Exported(visibility = 2)
    public int getFixedFindings() {
        return fixedFindings;
    }

    @Exported(visibility = 2)
    public int getSlaBreaches() {
        return slaBreaches;
    }

    /** Mean time to remediate per severity key, hours. */
    @Exported(visibility = 2)
    public Map<String, Double> getMttrHours() {
        return mttrHours;
    }

    /**
     * Which activities the levels rest on: {@code dsomm}, or {@code evidence-only} (not DSOMM levels). Builds
     * recorded before schema 3 have none stored: they were assessed in what is now the evidence-only view (unless
     * strict mode was on), so they are shown as such.
     */
    @Exported(visibility = 2)
    public String getView() {
        return levelView().key();
    }

    LevelView levelView() {
        return view == null ? LevelView.EVIDENCE_ONLY : LevelView.ofKey(view);
    }

    /** "level 3" or "no level", and "(evidence-only view)" in that view. */
    public String getLevelText() {
        return BadgeSvg.message(overall) + (levelView() == LevelView.EVIDENCE_ONLY ? " (evidence-only view)" : "");
    }

    /** Days, for the page. */
    public String days(final double hours) {
        return Stats.days(hours);
    }

    /** {@code .../dsomm/badge[?dimension=NAME]}: the SVG badge of this build (Item/Read, like the build page). */
    @GET
    public void doBadge(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        owner.checkPermission(Item.READ);
        Badges.send(req, rsp, badge(req.getParameter("dimension")));
    }

    /** The overall badge, or the badge of one dimension (the name as the summary lists it). */
    String badge(@CheckForNull final String dimension) {
        if (dimension == null || dimension.isBlank()) {
            return BadgeSvg.render(levelView(), null, overall);
        }
        return dimensions.containsKey(dimension) ? BadgeSvg.render(levelView(), dimension, dimensions.get(dimension))
                : BadgeSvg.render("DSOMM", "unknown dimension", LevelColors.NONE);
    }

    /** This build in a trend, from the summary. */
    TrendPoint trendPoint() {
        return new TrendPoint(owner.getDisplayName(), overall, dimensions);
    }

    /** The levels of this and up to {@link #REPORT_TREND} - 1 earlier builds, oldest first, from their summaries. */
    List<TrendPoint> trend() {
        List<TrendPoint> points = new ArrayList<>();
        points.add(trendPoint());
        int visited = 0;
        for (Run<?, ?> r = owner.getPreviousCompletedBuild(); r != null && points.size() < REPORT_TREND
                && visited < DsommJobAction.MAX_BUILDS; r = r.getPreviousCompletedBuild(), visited++) {
            DsommBuildAction a = r.getAction(DsommBuildAction.class);
            if (a != null) {
                points.add(a.trendPoint());
            }
        }
        Collections.reverse(points);
        return points;
    }

    /**
     * {@code .../dsomm/team-progress.yaml}: the activities this build met or attested as the DSOMM web
     * application's team progress (to load the assessment there), for the build's team (else "Default").
     */
    @GET
    @WebMethod(name = "team-progress.yaml")
    public void doTeamProgress(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        sendYaml(rsp, "team-progress.yaml", d -> TeamProgressYaml.render(d.assessment(), team(d), day(d)));
    }

    /**
     * {@code .../dsomm/team-evidence.yaml}: the CI evidence of each activity this build met as the DSOMM web
     * application's team evidence, for the build's team (else "Default").
     */
    @GET
    @WebMethod(name = "team-evidence.yaml")
    public void doTeamEvidence(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        sendYaml(rsp, "team-evidence.yaml", d -> TeamEvidenceYaml.render(d.assessment(), team(d), day(d)));
    }

    /**
     * {@code .../dsomm/dsomm.yml}: a {@code .dsomm.yml} of the activities this build left unverified up to the next
     * level or target, each a commented attestation template (as {@code dsomm-gate init} writes them).
     */
    @GET
    @WebMethod(name = "dsomm.yml")
    public void doAttestationSkeleton(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        sendYaml(rsp, ".dsomm.yml", d -> AttestationSkeleton.of(d.assessment(), day(d)));
    }

    private void sendYaml(final StaplerResponse2 rsp, final String filename,
            final Function<AssessmentDocument, String> render) throws IOException {
        owner.checkPermission(Item.READ);
        AssessmentDocument d = getDocument();
        if (d == null) {
            rsp.setStatus(404);
            rsp.setContentType("text/plain;charset=UTF-8");
            rsp.getOutputStream().write(("No " + filename + " for this build: " + getLoadError() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        rsp.setContentType("application/yaml;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Content-Disposition", "attachment; filename=" + filename);
        rsp.getOutputStream().write(render.apply(d).getBytes(StandardCharsets.UTF_8));
    }

    private static String team(final AssessmentDocument d) {
        String team = d.assessment().subject().getOrDefault("team", "");
        return team.isBlank() ? AssessmentRequest.DEFAULT_TEAM : team;
    }

    private static LocalDate day(final AssessmentDocument d) {
        return LocalDate.ofInstant(d.assessment().createdAt(), ZoneId.systemDefault());
    }

    /**
     * {@code .../dsomm/report}: the engine's self-contained HTML report (no script; its Content-Security-Policy
     * forbids any), the same page as the command line writes.
     */
    @GET
    public void doReport(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        owner.checkPermission(Item.READ);
        AssessmentDocument d = getDocument();
        if (d == null) {
            rsp.setStatus(404);
            rsp.setContentType("text/plain;charset=UTF-8");
            rsp.setHeader("X-Content-Type-Options", "nosniff");
            rsp.getOutputStream().write(("The DSOMM report of this build cannot be shown: " + getLoadError() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        rsp.setContentType("text/html;charset=UTF-8");
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        byte[] html = HtmlReport.render(d.assessment(), d.gate(), trend(), d.kpis()).getBytes(StandardCharsets.UTF_8);
        rsp.getOutputStream().write(html);
    }
}
