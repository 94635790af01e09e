package io.jenkins.plugins.dsomm.plugin;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The global configuration through Configuration as Code ({@code unclassified: dsommGate:}), read and exported. */
@WithJenkinsConfiguredWithCode
class DsommCascTest {
    @Test
    @ConfiguredWithCode("casc.yml")
    void globalConfigurationIsReadAndExported(final JenkinsConfiguredWithCodeRule j) throws Exception {
        DsommGlobalConfiguration global = DsommGlobalConfiguration.get();
        assertThat(global.getMinimumLevel()).isEqualTo(2);
        assertThat(global.getDimensionMinimums()).isEqualTo("Test and Verification=1");
        assertThat(global.getMaxOpen()).isEqualTo("critical=0, high=5");
        assertThat(global.getLevelOutcome()).isEqualTo("UNSTABLE");
        assertThat(global.getRegressionOutcome()).isEqualTo("FAILURE");
        assertThat(global.getThresholdOutcome()).isEqualTo("UNSTABLE");
        assertThat(global.getRules()).isEqualTo("extended");
        assertThat(global.getCatalogOverride()).isEmpty();

        CNode node = Objects.requireNonNull(Util.getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get()))
                .get("dsommGate"));
        String exported = Util.toYamlString(node);
        assertThat(exported).contains("minimumLevel: 2").contains("Test and Verification=1")
                .contains("critical=0, high=5").contains("extended");
    }
}
