package io.jenkins.plugins.dsomm;

import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the small test model, its rules, and evidence built by hand. */
public final class TestData {
    public static final String A1 = "00000000-0000-4000-8000-0000000000a1";
    public static final String A2 = "00000000-0000-4000-8000-0000000000a2";
    public static final String A3 = "00000000-0000-4000-8000-0000000000a3";
    public static final String A4 = "00000000-0000-4000-8000-0000000000a4";
    public static final String B1 = "00000000-0000-4000-8000-0000000000b1";
    public static final String B2 = "00000000-0000-4000-8000-0000000000b2";
    public static final String X1 = "00000000-0000-4000-8000-0000000000f1";
    public static final String C2 = "00000000-0000-4000-8000-0000000000c2";
    /** The assessment time of the tests. */
    public static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private TestData() {
    }

    public static Catalog testCatalog() {
        try (InputStream in = TestData.class.getResourceAsStream("/model/test-model.yaml")) {
            return CatalogLoader.load(in, "test-model.yaml");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet testRules(final Catalog catalog) {
        try (InputStream in = TestData.class.getResourceAsStream("/model/test-rules.yml")) {
            return new RuleSetLoader(catalog).parse(in, "test-rules.yml");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evidence of one tool and kind, with findings of the given severities (rule R1, R2... in file f.java). */
    public static Evidence evidence(final String tool, final EvidenceKind kind, final Severity... findings) {
        return evidence(tool, kind, NOW.minusSeconds(3600), findings);
    }

    public static Evidence evidence(final String tool, final EvidenceKind kind, final Instant producedAt,
            final Severity... findings) {
        SeverityCounts.Counter counter = new SeverityCounts.Counter();
        List<Finding> list = new ArrayList<>();
        int i = 0;
        for (Severity s : findings) {
            counter.add(s);
            String rule = "R" + ++i;
            list.add(new Finding(FindingIdentity.of(rule, "f.java", 1), s, rule, "rule " + rule, "f.java"));
        }
        return Evidence.builder().format("test").tool(tool).toolVersion("1.0").kind(kind).open(counter.toCounts())
                .findings(list, false).sourceFile(tool.toLowerCase(java.util.Locale.ROOT) + ".json")
                .producedAt(producedAt).build();
    }

    public static Evidence sbom(final String tool, final int components) {
        return Evidence.builder().format("test").tool(tool).kind(EvidenceKind.SBOM).components(components)
                .sourceFile("bom.json").producedAt(NOW.minusSeconds(60)).build();
    }
}
