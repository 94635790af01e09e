package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports that hold the findings of several tools (a SARIF log with runs of several producers, a GitLab report
 * aggregating analyzers) give one evidence per tool from {@code parseAll}; {@code parse} gives them as one.
 */
final class ManyTools {
    private ManyTools() {
    }

    /**
     * The evidence of several tools as one: the first one's tool and identity, with the kinds, counts, facets and
     * kept findings of all (at most {@link Evidence.Builder#MAX_FINDINGS}, truncated beyond as a collector is).
     */
    static Evidence merged(final List<Evidence> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        Evidence.Builder merged = all.get(0).toBuilder();
        List<Finding> findings = new ArrayList<>(all.get(0).findings());
        boolean truncated = all.get(0).findingsTruncated();
        for (Evidence e : all.subList(1, all.size())) {
            merged.kinds(e.kinds()).open(merged.build().open().plus(e.open()))
                    .suppressed(merged.build().suppressed() + e.suppressed()).facets(e.facets());
            for (Finding f : e.findings()) {
                if (findings.size() < Evidence.Builder.MAX_FINDINGS) {
                    findings.add(f);
                }
                else {
                    truncated = true;
                }
            }
            truncated |= e.findingsTruncated();
        }
        return merged.findings(findings, truncated).build();
    }
}
