package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.Stats;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.dsomm.render.HtmlReport;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A build's DSOMM assessment. The small summary (levels, gate outcome, reasons, counts) is kept here, in
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

    private transient Run<?, ?> owner;
    private transient ReentrantLock lock = new ReentrantLock();
    @CheckForNull
    private transient WeakReference<AssessmentDocument> document;
    @CheckForNull
    private transient String loadError;

    private final Integer overall;
    private final LinkedHashMap<String, Integer> dimensions;
    private final String outcome;
    private final ArrayList<String> reasons;
    private final String catalogVersion;
    private final String ruleSet;
    private final int activities;
    private final int assessed;
    private final int reports;
    private final int unreadable;
    private final LinkedHashMap<String, Integer> openFindings;
    private final int newFindings;
    private final int fixedFindings;
    private final int slaBreaches;
    private final LinkedHashMap<String, Double> mttrHours;

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
        reasons = new ArrayList<>(gate.violations().stream().map(RuleCheck::message).toList());
        catalogVersion = a.catalogVersion();
        ruleSet = a.ruleSet();
        activities = a.activities().size();
        assessed = (int) a.assessedActivities();
        reports = a.evidence().size();
        unreadable = a.unreadable().size();
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
        return this;
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
        return "/plugin/dsomm-gate/icons/dsomm.svg";
    }

    @Override
    public String getDisplayName() {
        return "DSOMM Assessment";
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new DsommJobAction(owner.getParent()));
    }

    /** The full assessment document, or null when the side file is missing or corrupt (see {@link #getLoadError()}). */
    @CheckForNull
    public AssessmentDocument getDocument() {
        lock.lock();
        try {
            AssessmentDocument d = document == null ? null : document.get();
            if (d == null) {
                Path file = owner.getRootDir().toPath().resolve(FILE);
                try {
                    d = AssessmentJson.read(file);
                    loadError = null;
                }
                catch (AssessmentFormatException e) {
                    loadError = e.getMessage();
                    return null;
                }
                document = new WeakReference<>(d);
            }
            return d;
        }
        finally {
            lock.unlock();
        }
    }

    /** Why the side file could not be read, or null. */
    @CheckForNull
    public String getLoadError() {
        return loadError;
    }

    /** The gap list of the full assessment, or null. */
    @CheckForNull
    public GapList getGaps() {
        AssessmentDocument d = getDocument();
        return d == null ? null : GapList.of(d.assessment());
    }

    @Exported
    @CheckForNull
    public Integer getOverall() {
        return overall;
    }

    @Exported
    public Map<String, Integer> getDimensions() {
        return dimensions;
    }

    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public List<String> getReasons() {
        return reasons;
    }

    @Exported
    public String getCatalogVersion() {
        return catalogVersion;
    }

    @Exported
    public String getRuleSet() {
        return ruleSet;
    }

    @Exported
    public int getActivities() {
        return activities;
    }

    @Exported
    public int getAssessed() {
        return assessed;
    }

    @Exported
    public int getReports() {
        return reports;
    }

    @Exported
    public int getUnreadable() {
        return unreadable;
    }

    @Exported
    public Map<String, Integer> getOpenFindings() {
        return openFindings;
    }

    @Exported
    public int getNewFindings() {
        return newFindings;
    }

    @Exported
    public int getFixedFindings() {
        return fixedFindings;
    }

    @Exported
    public int getSlaBreaches() {
        return slaBreaches;
    }

    /** Mean time to remediate per severity key, hours. */
    @Exported
    public Map<String, Double> getMttrHours() {
        return mttrHours;
    }

    /** "level 3" or "no level". */
    public String getLevelText() {
        return BadgeSvg.message(overall);
    }

    /** Days, for the page. */
    public String days(final double hours) {
        return Stats.days(hours);
    }

    /** {@code .../dsomm/badge[?dimension=NAME]}: the SVG badge of this build (Item/Read, like the build page). */
    public void doBadge(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        String dimension = req.getParameter("dimension");
        String svg = dimension == null || dimension.isBlank() ? BadgeSvg.render(overall)
                : dimensions.containsKey(dimension) ? BadgeSvg.render(dimension, dimensions.get(dimension))
                : BadgeSvg.render("DSOMM", "unknown dimension", "#9f9f9f");
        Badges.send(rsp, svg);
    }

    /**
     * {@code .../dsomm/report}: the engine's self-contained HTML report (no script; its Content-Security-Policy
     * forbids any), the same page as the command line writes.
     */
    public void doReport(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        AssessmentDocument d = getDocument();
        if (d == null) {
            rsp.sendError(404, "The assessment of this build cannot be read: " + loadError);
            return;
        }
        rsp.setContentType("text/html;charset=UTF-8");
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        byte[] html = HtmlReport.render(d.assessment(), d.gate(), List.of(), d.kpis()).getBytes(StandardCharsets.UTF_8);
        rsp.getOutputStream().write(html);
    }
}
