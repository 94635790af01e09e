package io.jenkins.plugins.dsomm.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine, the CLI and the plugin are released together with one version (docs/jenkins.md "Releasing"): the
 * plugin's POM, whose parent is the Jenkins plugin POM, repeats the root POM's revision and depends on the engine of
 * its own version.
 */
class ReleaseVersionTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .toAbsolutePath().normalize();

    private static String property(final String pom, final String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(pom);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void thePluginHasTheVersionOfTheEngine() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        String plugin = Files.readString(ROOT.resolve("plugin/pom.xml"), StandardCharsets.UTF_8);
        assertThat(property(plugin, "revision")).isEqualTo(property(root, "revision"));
        assertThat(property(plugin, "changelist")).isEqualTo(property(root, "changelist"));
        assertThat(plugin).contains("<version>${revision}${changelist}</version>")
                .containsPattern("<artifactId>dsomm-gate-engine</artifactId>\\s*<version>\\$\\{project.version}</version>");
    }
}
