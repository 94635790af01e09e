package io.jenkins.plugins.dsomm.plugin;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.LinesDataSet;
import edu.hm.hafner.echarts.SeriesBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.dsomm.render.LevelColors;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.echarts.JenkinsPalette;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.GET;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The job's DSOMM page, trend and badge. The trend of the levels per dimension is the floating box on the job page;
 * the action's own page adds open findings per severity and the mean time to remediate. Trends are computed with
 * echarts-api's {@link SeriesBuilder} from the small per-build summaries only (never from side files), walking back
 * over completed builds of any result, lazily, until the configured number of builds (echarts' trend dialog, default
 * 50) is reached and never further than {@link #MAX_BUILDS} builds.
 */
@ExportedBean
public final class DsommJobAction implements Action, AsyncTrendChart, AsyncConfigurableTrendChart {
    /** Completed builds looked at, at most, for a trend or the last assessment. */
    static final int MAX_BUILDS = 500;
    /** Name of the series of the overall level. */
    static final String OVERALL = "Overall";
    /** Stands for "no level" in a series while it is built (echarts-api's data set takes no null): a gap. */
    private static final int NO_LEVEL = -1;

    private final Job<?, ?> job;

    public DsommJobAction(final Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getOwner() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return DsommBuildAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.JobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return DsommBuildAction.URL;
    }

    /** {@code job/NAME/dsomm/api/json}: the summary of the last assessment. */
    public Api getApi() {
        return new Api(this);
    }

    /** The newest completed build's assessment (any result), looking back at most {@link #MAX_BUILDS} builds. */
    @Exported(name = "lastAssessment")
    @CheckForNull
    public DsommBuildAction getLastAction() {
        return lastAction(job, MAX_BUILDS);
    }

    /** The assessment of the newest completed build that has one, among the newest {@code limit} completed builds. */
    @CheckForNull
    static DsommBuildAction lastAction(final Job<?, ?> job, final int limit) {
        Iterator<BuildResult<DsommBuildAction>> history = new History(job, limit);
        return history.hasNext() ? history.next().getResult() : null;
    }

    /** Visible, like echarts-api's trends, from two builds with an assessment on (whatever their result). */
    @Override
    public boolean isTrendVisible() {
        Iterator<BuildResult<DsommBuildAction>> history = new History(job, MAX_BUILDS);
        if (history.hasNext()) {
            history.next();
        }
        return history.hasNext();
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return getConfigurableBuildTrendModel("{}");
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(final String configuration) {
        return new JacksonFacade().toJson(createLevelsModel(configuration));
    }

    /** The trend of open findings per severity, for the action's page. */
    public TrendChart getFindingsTrend() {
        return new TrendChart(c -> new JacksonFacade().toJson(createFindingsModel(c)), this::isTrendVisible);
    }

    /** The trend of the mean time to remediate per severity (days), for the action's page. */
    public TrendChart getMttrTrend() {
        return new TrendChart(c -> new JacksonFacade().toJson(createMttrModel(c)), this::isTrendVisible);
    }

    /**
     * Overall level and level per dimension. A build without a level of a dimension ("n/a" on every other page) is
     * a gap in that line, never a 0; a dimension without a level in every build shown has no line.
     */
    LinesChartModel createLevelsModel(final String configuration) {
        List<String> order = new ArrayList<>();
        order.add(OVERALL);
        DsommBuildAction last = getLastAction();
        if (last != null) {
            order.addAll(last.getDimensions().keySet());
        }
        LinesChartModel model = model(configuration, a -> {
            Map<String, Integer> levels = new LinkedHashMap<>();
            Integer overall = a.getOverall();
            levels.put(OVERALL, overall == null ? Integer.valueOf(NO_LEVEL) : overall);
            a.getDimensions().forEach((d, level) -> levels.put(d, level == null ? Integer.valueOf(NO_LEVEL) : level));
            return levels;
        }, order, name -> OVERALL.equals(name) ? JenkinsPalette.GREY.dark() : null);
        model.setRangeMin(0);
        model.setRangeMax(5);
        return model;
    }

    /** Open findings per severity (after waivers). */
    LinesChartModel createFindingsModel(final String configuration) {
        return model(configuration, a -> new LinkedHashMap<>(a.getOpenFindings()), severities(),
                DsommJobAction::severityColor);
    }

    /** Mean time to remediate per severity, in whole days. */
    LinesChartModel createMttrModel(final String configuration) {
        return model(configuration, a -> {
            Map<String, Integer> days = new LinkedHashMap<>();
            a.getMttrHours().forEach((s, hours) -> days.put(s, hours == null ? 0 : (int) Math.round(hours / 24)));
            return days;
        }, severities(), DsommJobAction::severityColor);
    }

    private LinesChartModel model(final String configuration,
            final Function<DsommBuildAction, Map<String, Integer>> values, final List<String> order,
            final Function<String, String> fixedColors) {
        SeriesBuilder<DsommBuildAction> builder = new SeriesBuilder<>() {
            @Override
            protected Map<String, Integer> computeSeries(final DsommBuildAction current) {
                return values.apply(current);
            }
        };
        LinesDataSet data = builder.createDataSet(configuration(configuration), () -> new History(job, MAX_BUILDS));
        LinesChartModel model = new LinesChartModel(data);
        Set<String> ids = new LinkedHashSet<>();
        order.stream().filter(data.getDataSetIds()::contains).forEach(ids::add);
        ids.addAll(new TreeSet<>(data.getDataSetIds()));
        int n = 0;
        for (String id : ids) {
            List<Integer> points = new ArrayList<>();
            for (Integer v : data.getSeries(id)) {
                points.add(v == NO_LEVEL ? null : v); // null: echarts draws no point and breaks the line
            }
            if (points.stream().allMatch(Objects::isNull)) {
                continue;
            }
            String fixed = fixedColors.apply(id);
            LineSeries series = new LineSeries(id, fixed == null ? JenkinsPalette.chartColor(n++).normal() : fixed,
                    LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES);
            series.addAll(points);
            model.addSeries(series);
        }
        return model;
    }

    /** The trend dialog's configuration (number of builds, days, build or date axis); defaults when unreadable. */
    static ChartModelConfiguration configuration(@CheckForNull final String json) {
        if (json == null || !json.trim().startsWith("{")) {
            return new ChartModelConfiguration();
        }
        try {
            return ChartModelConfiguration.fromJson(json);
        }
        catch (RuntimeException e) {
            return new ChartModelConfiguration();
        }
    }

    private static List<String> severities() {
        List<String> keys = new ArrayList<>();
        for (Severity s : Severity.values()) {
            keys.add(s.key());
        }
        return keys;
    }

    @CheckForNull
    private static String severityColor(final String key) {
        Severity s = Severity.parseKey(key);
        if (s == null) {
            return null;
        }
        return switch (s) {
            case CRITICAL -> JenkinsPalette.RED.dark();
            case HIGH -> JenkinsPalette.RED.normal();
            case MEDIUM -> JenkinsPalette.ORANGE.normal();
            case LOW -> JenkinsPalette.YELLOW.normal();
            case INFO -> JenkinsPalette.BLUE.normal();
            case UNKNOWN -> JenkinsPalette.GREY.normal();
        };
    }

    /** {@code job/NAME/dsomm/badge[?dimension=NAME]}: the badge of the last build with an assessment (Item/Read). */
    @GET
    public void doBadge(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        job.checkPermission(Item.READ);
        DsommBuildAction last = getLastAction();
        Badges.send(req, rsp, last == null ? BadgeSvg.render("DSOMM", "no assessment", LevelColors.NONE)
                : last.badge(req.getParameter("dimension")));
    }

    /**
     * {@code job/NAME/dsomm/N/...}: a click on build N in a trend chart of this page (echarts-api links relative to
     * the page, {@code N/dsomm}) goes to that build's DSOMM page.
     */
    @CheckForNull
    public Object getDynamic(final String token, final StaplerRequest2 req, final StaplerResponse2 rsp) {
        if (token.matches("\\d{1,9}")) {
            Run<?, ?> run = job.getBuildByNumber(Integer.parseInt(token));
            if (run != null) {
                throw HttpResponses.redirectViaContextPath(run.getUrl() + DsommBuildAction.URL + "/");
            }
        }
        return null;
    }

    /**
     * The assessments of a job's completed builds, newest first, lazily: walks back with
     * {@link Run#getPreviousCompletedBuild()} over builds of any result, skips builds without an assessment and
     * stops after {@code limit} builds.
     */
    static final class History implements Iterator<BuildResult<DsommBuildAction>> {
        @CheckForNull
        private Run<?, ?> run;
        private int visited;
        private final int limit;
        @CheckForNull
        private DsommBuildAction next;

        History(final Job<?, ?> job, final int limit) {
            this.limit = limit;
            run = job.getLastCompletedBuild();
            advance();
        }

        private void advance() {
            next = null;
            while (run != null && visited < limit) {
                Run<?, ?> current = run;
                run = current.getPreviousCompletedBuild();
                visited++;
                DsommBuildAction action = current.getAction(DsommBuildAction.class);
                if (action != null) {
                    next = action;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public BuildResult<DsommBuildAction> next() {
            DsommBuildAction action = next;
            if (action == null) {
                throw new NoSuchElementException();
            }
            Run<?, ?> owner = action.getOwner();
            advance();
            return new BuildResult<>(new Build(owner.getNumber(), owner.getDisplayName(),
                    (int) (owner.getTimeInMillis() / 1000)), action);
        }
    }
}
