package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.util.List;

/**
 * Reports that hold the findings of several tools (a SARIF log with runs of several producers, a GitLab report
 * aggregating analyzers) give one evidence per tool from {@code parseAll}; {@code parse} gives them as one.
 */
final class ManyTools {
    private ManyTools() {
    }

    /**
     * The evidence of several tools as one: the first one's tool, identity and kept findings, with the kinds,
     * counts and facets of all.
     */
    static Evidence merged(final List<Evidence> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        Evidence.Builder merged = all.get(0).toBuilder();
        for (Evidence e : all.subList(1, all.size())) {
            merged.kinds(e.kinds()).open(merged.build().open().plus(e.open()))
                    .suppressed(merged.build().suppressed() + e.suppressed()).facets(e.facets());
        }
        return merged.build();
    }
}
