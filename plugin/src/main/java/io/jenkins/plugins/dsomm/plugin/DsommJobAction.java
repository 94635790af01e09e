package io.jenkins.plugins.dsomm.plugin;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.bind.JavaScriptMethod;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The job's DSOMM page and trend: levels per dimension over recent builds (the floating box on the job page),
 * and on the job action's page also open findings per severity and the mean time to remediate. Trends are built
 * from the small per-build summaries only, never from side files, walking back at most the configured number of
 * builds (default 50, at most 500).
 */
public final class DsommJobAction implements Action, AsyncTrendChart, AsyncConfigurableTrendChart {
    /** Builds in a trend by default. */
    static final int DEFAULT_BUILDS = 50;
    /** Builds in a trend at most, whatever the configuration asks. */
    static final int MAX_BUILDS = 500;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22"};

    private final Job<?, ?> job;

    public DsommJobAction(final Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getOwner() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/dsomm-gate/icons/dsomm.svg";
    }

    @Override
    public String getDisplayName() {
        return "DSOMM Trend";
    }

    @Override
    public String getUrlName() {
        return DsommBuildAction.URL;
    }

    /** The newest completed build with an assessment (looking back at most {@link #MAX_BUILDS} builds). */
    @CheckForNull
    public DsommBuildAction getLastAction() {
        int n = 0;
        for (Run<?, ?> r = job.getLastCompletedBuild(); r != null && n < MAX_BUILDS; r = r.getPreviousCompletedBuild(), n++) {
            DsommBuildAction a = r.getAction(DsommBuildAction.class);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    @Override
    public boolean isTrendVisible() {
        return getLastAction() != null;
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return getConfigurableBuildTrendModel("{}");
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(final String configuration) {
        return new JacksonFacade().toJson(levels(builds(configuration)));
    }

    /** The trend of open findings per severity, for the job action's page. */
    public TrendChart getFindingsTrend() {
        return new TrendChart(this::findingsModel, this::isTrendVisible);
    }

    /** The trend of the mean time to remediate per severity, for the job action's page. */
    public TrendChart getMttrTrend() {
        return new TrendChart(this::mttrModel, this::isTrendVisible);
    }

    private String findingsModel(final String configuration) {
        List<DsommBuildAction> builds = builds(configuration);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (String s : List.of("critical", "high", "medium", "low", "info", "unknown")) {
            series.put(s, new ArrayList<>());
        }
        for (DsommBuildAction a : builds) {
            series.forEach((k, v) -> v.add(a.getOpenFindings().getOrDefault(k, 0)));
        }
        return new JacksonFacade().toJson(model(builds, series, false));
    }

    private String mttrModel(final String configuration) {
        List<DsommBuildAction> builds = builds(configuration);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (String s : List.of("critical", "high", "medium", "low")) {
            series.put(s, new ArrayList<>());
        }
        for (DsommBuildAction a : builds) {
            series.forEach((k, v) -> v.add((int) Math.round(a.getMttrHours().getOrDefault(k, 0.0) / 24)));
        }
        return new JacksonFacade().toJson(model(builds, series, false));
    }

    private LinesChartModel levels(final List<DsommBuildAction> builds) {
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        series.put("Overall", new ArrayList<>());
        Set<String> dims = new LinkedHashSet<>();
        builds.forEach(a -> dims.addAll(a.getDimensions().keySet()));
        dims.forEach(d -> series.put(d, new ArrayList<>()));
        for (DsommBuildAction a : builds) {
            series.get("Overall").add(a.getOverall() == null ? 0 : a.getOverall());
            for (String d : dims) {
                Integer level = a.getDimensions().get(d);
                series.get(d).add(level == null ? 0 : level);
            }
        }
        LinesChartModel model = model(builds, series, true);
        model.setRangeMin(0);
        model.setRangeMax(5);
        return model;
    }

    private static LinesChartModel model(final List<DsommBuildAction> builds, final Map<String, List<Integer>> series,
            final boolean firstIsOverall) {
        LinesChartModel model = new LinesChartModel();
        List<String> labels = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (DsommBuildAction a : builds) {
            labels.add(a.getOwner().getDisplayName());
            numbers.add(a.getOwner().getNumber());
        }
        model.setDomainAxisLabels(labels);
        model.setBuildNumbers(numbers);
        int c = 0;
        for (Map.Entry<String, List<Integer>> e : series.entrySet()) {
            String color = firstIsOverall && c == 0 ? "#222222" : COLORS[c % COLORS.length];
            LineSeries line = new LineSeries(e.getKey(), color, LineSeries.StackedMode.SEPARATE_LINES,
                    LineSeries.FilledMode.LINES);
            line.addAll(e.getValue());
            model.addSeries(line);
            c++;
        }
        return model;
    }

    /** Builds with an assessment, oldest first, at most the configured number (summaries only). */
    List<DsommBuildAction> builds(final String configuration) {
        int wanted = DEFAULT_BUILDS;
        try {
            wanted = new JacksonFacade().getInteger(configuration == null ? "{}" : configuration, "numberOfBuilds",
                    DEFAULT_BUILDS);
        }
        catch (RuntimeException e) {
            // a configuration that is not JSON: the default
        }
        int limit = Math.max(1, Math.min(MAX_BUILDS, wanted));
        List<DsommBuildAction> actions = new ArrayList<>();
        int visited = 0;
        for (Run<?, ?> r = job.getLastCompletedBuild(); r != null && actions.size() < limit && visited < MAX_BUILDS;
                r = r.getPreviousCompletedBuild(), visited++) {
            DsommBuildAction a = r.getAction(DsommBuildAction.class);
            if (a != null) {
                actions.add(a);
            }
        }
        Collections.reverse(actions);
        return actions;
    }

    /** {@code job/NAME/dsomm/badge[?dimension=NAME]}: the badge of the last build with an assessment (Item/Read). */
    public void doBadge(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        DsommBuildAction last = getLastAction();
        if (last == null) {
            Badges.send(rsp, BadgeSvg.render("DSOMM", "no assessment", "#9f9f9f"));
            return;
        }
        last.doBadge(req, rsp);
    }

    /** Lower-case status key, for CSS. */
    public String cssClass(final String outcome) {
        return outcome == null ? "" : outcome.toLowerCase(Locale.ROOT);
    }
}
