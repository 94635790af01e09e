package io.jenkins.plugins.dsomm.plugin;

import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import org.kohsuke.stapler.bind.JavaScriptMethod;

import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A further trend chart of the job page (findings, MTTR), bound to the page like the main trend. */
public final class TrendChart implements AsyncTrendChart, AsyncConfigurableTrendChart {
    private final UnaryOperator<String> model;
    private final BooleanSupplier visible;

    TrendChart(final UnaryOperator<String> model, final BooleanSupplier visible) {
        this.model = model;
        this.visible = visible;
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        return model.apply("{}");
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(final String configuration) {
        return model.apply(configuration);
    }

    @Override
    public boolean isTrendVisible() {
        return visible.getAsBoolean();
    }

    /** Used by the chart's view as the tool name. */
    public String getUrlName() {
        return DsommBuildAction.URL;
    }
}
