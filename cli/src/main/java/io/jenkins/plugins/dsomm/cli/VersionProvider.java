package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import picocli.CommandLine;

/** Version of the CLI and of the bundled DSOMM catalog. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = DsommGateCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dsomm-gate " + (v == null ? "development" : v),
                "bundled catalog: DSOMM " + CatalogLoader.bundled().version()};
    }
}
