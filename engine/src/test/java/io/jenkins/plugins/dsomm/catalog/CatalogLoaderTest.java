package io.jenkins.plugins.dsomm.catalog;

import io.jenkins.plugins.dsomm.ingest.SharedSamples;
import io.jenkins.plugins.dsomm.json.CatalogJson;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTest {
    private static Catalog load(final String resource) throws IOException {
        try (InputStream in = CatalogLoaderTest.class.getResourceAsStream("/model/" + resource)) {
            return CatalogLoader.load(in, resource);
        }
    }

    @Test
    void bundledCatalogHasTheDsomm431Facts() {
        Catalog c = CatalogLoader.bundled();
        assertThat(c.version()).isEqualTo("4.3.1");
        assertThat(c.activities()).hasSize(194);
        assertThat(c.dimensions()).containsExactly("Build and Deployment", "Culture and Organization",
                "Implementation", "Information Gathering", "Test and Verification");
        assertThat(c.subDimensions("Test and Verification")).hasSize(7);
        assertThat(c.countByLevel(null)).containsExactly(0, 26, 57, 61, 31, 19);
        assertThat(c.countByLevel("Test and Verification")).containsExactly(0, 5, 19, 23, 11, 9);
        assertThat(c.activity("2858ac12-0179-40d9-9acf-1b839c030473")).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("SBOM of components");
            assertThat(a.level()).isEqualTo(2);
            assertThat(a.dependsOn()).containsExactly("f6f7737f-25a9-4317-8de2-09bf59f29b5b");
        });
        // upstream quirk: two uuids that are not UUIDs
        assertThat(c.activity("f0e01814-3b88-4bd0-a3a9-f91db001d20b-medium")).isPresent();
        assertThat(c.source()).isEqualTo("bundled DSOMM 4.3.1");
    }

    @Test
    void theBundledCatalogReadAsAUserFileIsTheSame() throws IOException {
        Catalog bundled = CatalogLoader.bundled();
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.BUNDLED_RESOURCE)) {
            Catalog file = CatalogLoader.load(in, "my-catalog.json");
            assertThat(file.activities()).containsExactlyElementsOf(bundled.activities());
            assertThat(file.version()).isEqualTo("4.3.1");
            assertThat(file.released()).isEqualTo("2026-05-19");
            assertThat(file.source()).isEqualTo("my-catalog.json");
        }
    }

    @Test
    void upstreamModelYamlAndBundledCatalogAgreeExactly() {
        var dsomm = SharedSamples.dsomm();
        Assumptions.assumeTrue(dsomm.isPresent(), () -> SharedSamples.skipMessage("upstream model.yaml comparison"));
        Path model = dsomm.get().resolve("upstream/model.yaml");
        Catalog upstream = CatalogLoader.load(model);
        Catalog bundled = CatalogLoader.bundled();
        assertThat(upstream.version()).isEqualTo("4.3.1");
        assertThat(upstream.released()).isEqualTo("2026-05-19");
        assertThat(upstream.activities()).containsExactlyInAnyOrderElementsOf(bundled.activities());
        assertThat(CatalogJson.summary(upstream).toString()).isEqualTo(CatalogJson.summary(bundled).toString());
    }

    /** A model in the shape of DSOMM data 5.0.x (written for the tests, see the file's header). */
    @Test
    void readsADsomm5ShapedModel() throws IOException {
        Catalog c = load("dsomm-5-shaped.yaml");
        assertThat(c.version()).isEqualTo("5.0.2-test");
        assertThat(c.released()).isEqualTo("2026-09-01");
        assertThat(c.activities()).hasSize(200);
        assertThat(c.dimensions()).containsExactly("Build and Deployment", "Culture and Organization",
                "Implementation", "Information Gathering", "Test and Verification", "Agentic AI");
        assertThat(c.subDimensions("Implementation").keySet()).containsExactly("Application Hardening",
                "Development and Source Control", "Identity and Access Management", "Infrastructure Hardening");
        assertThat(c.subDimensions("Agentic AI").keySet()).containsExactly("Isolation", "Guidance", "Data Protection",
                "Verification");
        // moved, same uuid
        assertThat(c.activity("8098e416-e1ed-4ae4-a561-83efbe76bf57")).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("MFA for admins");
            assertThat(a.subDimension()).isEqualTo("Identity and Access Management");
        });
        assertThat(c.activity("598e9f13-1ac8-4a01-b85e-8fab93ee81de").orElseThrow().dependsOn())
                .containsExactly("8098e416-e1ed-4ae4-a561-83efbe76bf57");
        // renamed, same uuid
        assertThat(c.activity("ad23be9c-5661-4f1f-81a3-5a5dc7061629").orElseThrow().name())
                .isEqualTo("Edge encryption in transit");
        // new, dependsOn by name as the 5.x sources have it
        assertThat(c.activity("5a000000-0000-4000-8000-000000000002").orElseThrow().dependsOn())
                .containsExactly("82e499d1-f463-4a4b-be90-68812a874af6");
        assertThat(c.countByLevel("Agentic AI")).containsExactly(0, 3, 1, 0, 0, 0);
        // the bundled rule sets name their activities by uuid: they apply to the newer model as they are
        assertThat(new RuleSetLoader(c).bundled(RuleSetLoader.STANDARD).rules()).hasSize(
                new RuleSetLoader(CatalogLoader.bundled()).bundled(RuleSetLoader.STANDARD).rules().size());
        assertThat(new RuleSetLoader(c).bundled(RuleSetLoader.EXTENDED).rules()).isNotEmpty();
    }

    @Test
    void readsV3GeneratedYamlWithDependsOnByNameAndQuirkyUuids() throws IOException {
        Catalog c = load("v3-generated.yaml");
        assertThat(c.version()).isEqualTo("3 (generated.yaml, no version header)");
        assertThat(c.activities()).hasSize(3);
        assertThat(c.activity("22222222-2222-4222-8222-222222222222").orElseThrow().dependsOn())
                .containsExactly("11111111-1111-4111-8111-111111111111");
        assertThat(c.activity("33333333-3333-4333-8333-333333333333-medium").orElseThrow().dependsOn())
                .containsExactly("22222222-2222-4222-8222-222222222222");
    }

    @Test
    void errorsNameTheFileAndTheActivity() {
        assertThatThrownBy(() -> load("bad/duplicate-uuid.yaml")).isInstanceOf(CatalogException.class)
                .hasMessage("bad/duplicate-uuid.yaml: duplicate uuid 11111111-1111-4111-8111-111111111111 for "
                        + "activities 'One' and 'Two'");
        assertThatThrownBy(() -> load("bad/dangling.yaml")).isInstanceOf(CatalogException.class)
                .hasMessage("bad/dangling.yaml: activity 'One' (11111111-1111-4111-8111-111111111111) depends on "
                        + "'Continuous Integration', which is not an activity of this model");
        assertThatThrownBy(() -> load("bad/cycle.yaml")).isInstanceOf(CatalogException.class)
                .hasMessage("bad/cycle.yaml: dependsOn cycle: One -> Two -> One");
        assertThatThrownBy(() -> load("bad/no-uuid.yaml")).isInstanceOf(CatalogException.class)
                .hasMessage("bad/no-uuid.yaml: activity 'One' (D / S) has no uuid");
        assertThatThrownBy(() -> load("bad/not-dsomm.yaml")).isInstanceOf(CatalogException.class)
                .hasMessage("bad/not-dsomm.yaml: not a DSOMM model: no dimension → sub-dimension → activity with a "
                        + "level was found");
        assertThatThrownBy(() -> CatalogLoader.load(Path.of("no/such/model.yaml"))).isInstanceOf(CatalogException.class)
                .hasMessage("no/such/model.yaml: no such file");
    }

    @Test
    void unreadableYamlIsNotADsommModel() {
        assertThatThrownBy(() -> CatalogLoader.load(new java.io.ByteArrayInputStream("a: [1, 2".getBytes()), "x.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("x.yaml: not a DSOMM model: unreadable YAML/JSON at line");
    }
}
