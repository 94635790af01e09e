package io.jenkins.plugins.dsomm.plugin.steps;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

/** The report formats of the engine, for the snippet generator. */
final class Formats {
    private Formats() {
    }

    static ListBoxModel items() {
        ListBoxModel m = new ListBoxModel();
        m.add("detect by content", "");
        for (ReportParser p : ParserRegistry.defaults().all()) {
            m.add(p.displayName() + " (" + p.id() + ")", p.id());
        }
        return m;
    }
}
