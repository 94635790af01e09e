package io.jenkins.plugins.dsomm.plugin.agent;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ReportPatterns;
import io.jenkins.plugins.dsomm.json.IngestJson;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;

/**
 * Runs on the agent: finds the reports a pattern selects in the workspace (never outside it), parses them with
 * the engine and returns only the small evidence model, as JSON, to the controller.
 */
public final class ReadReports extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String format;

    /**
     * @param pattern Ant-style patterns, comma separated, relative to the workspace
     * @param format  explicit format id, or empty to detect by content
     */
    public ReadReports(final String pattern, final String format) {
        this.pattern = pattern;
        this.format = format;
    }

    @Override
    public String invoke(final File workspace, final VirtualChannel channel) throws IOException {
        return IngestJson.write(ReportPatterns.of(pattern, null)
                .read(workspace.toPath(), format == null || format.isBlank() ? null : format, new Ingestor()));
    }
}
