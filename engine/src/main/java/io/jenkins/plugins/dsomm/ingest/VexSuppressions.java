package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.PackageNames;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cross-report step of ingestion: a VEX statement that a product is not affected by a vulnerability, or that it
 * is fixed, suppresses the matching open findings of the other reports of the build, which is what teams publish
 * VEX for. A finding matches when its rule is the statement's vulnerability (or one of its aliases) and its location
 * names one of the statement's products: the same package name (the last segment of a package URL or path, whatever
 * the namespace or version), or any package when the product is a container image ({@code pkg:oci},
 * {@code pkg:docker}) or when the statement names no product. Only the findings a report keeps can be matched (up to
 * {@link Evidence.Builder#MAX_FINDINGS}). Affected and under-investigation statements change nothing.
 */
public final class VexSuppressions {
    private VexSuppressions() {
    }

    /**
     * What applying the statements gave.
     *
     * @param evidence     every evidence of the files read, the matched findings moved from open to suppressed
     * @param suppressions what each statement suppressed, in which report
     */
    public record Applied(List<Evidence> evidence, List<Suppression> suppressions) implements Serializable {
        public Applied {
            evidence = List.copyOf(evidence);
            suppressions = List.copyOf(suppressions);
        }
    }

    /**
     * Findings of one report one statement suppressed.
     *
     * @param statement the statement, its reason included
     * @param report    the report the findings are from
     * @param findings  how many
     */
    public record Suppression(VexStatement statement, String report, int findings) implements Serializable {
    }

    /** Applies the statements of the VEX documents among {@code files} to the evidence of the other files. */
    public static Applied apply(final List<IngestedFile> files) {
        List<VexStatement> statements = new ArrayList<>();
        for (IngestedFile f : files) {
            f.statements().stream().filter(VexStatement::suppresses).forEach(statements::add);
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (IngestedFile f : files) {
            if (f.status() != IngestedFile.Status.READ) {
                continue;
            }
            for (Evidence e : f.evidence()) {
                evidence.add(statements.isEmpty() || !f.statements().isEmpty() ? e : apply(e, statements, suppressions));
            }
        }
        return new Applied(evidence, suppressions);
    }

    private static Evidence apply(final Evidence e, final List<VexStatement> statements,
            final List<Suppression> suppressions) {
        List<Finding> kept = new ArrayList<>();
        SeverityCounts.Counter removed = new SeverityCounts.Counter();
        Map<VexStatement, Integer> matched = new LinkedHashMap<>();
        for (Finding finding : e.findings()) {
            VexStatement statement = matching(finding, statements);
            if (statement == null) {
                kept.add(finding);
            }
            else {
                removed.add(finding.severity());
                matched.merge(statement, 1, Integer::sum);
            }
        }
        if (matched.isEmpty()) {
            return e;
        }
        matched.forEach((statement, n) -> suppressions.add(new Suppression(statement, e.sourceFile(), n)));
        SeverityCounts gone = removed.toCounts();
        return e.toBuilder().findings(kept, e.findingsTruncated()).open(e.open().minus(gone))
                .suppressed(e.suppressed() + gone.total()).build();
    }

    /** The first suppressing statement the finding matches, or null. */
    static VexStatement matching(final Finding finding, final List<VexStatement> statements) {
        String rule = finding.rule().trim().toUpperCase(Locale.ROOT);
        String name = packageName(finding.location());
        for (VexStatement s : statements) {
            if (!ids(s).contains(rule)) {
                continue;
            }
            if (s.products().isEmpty()) {
                return s;
            }
            for (String product : s.products()) {
                String p = product.trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("pkg:oci/") || p.startsWith("pkg:docker/") || !name.isEmpty()
                        && name.equals(packageName(product))) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Set<String> ids(final VexStatement s) {
        Set<String> ids = new HashSet<>();
        ids.add(s.vulnerability().trim().toUpperCase(Locale.ROOT));
        s.aliases().forEach(a -> ids.add(a.trim().toUpperCase(Locale.ROOT)));
        return ids;
    }

    /**
     * The package name a location or product names, lower case: the last segment of a package URL's name, of a
     * path, of {@code group/name@version}; the product of a CPE; empty for nothing.
     */
    static String packageName(final String location) {
        if (location == null || location.isBlank()) {
            return "";
        }
        String s = location.trim();
        if (s.regionMatches(true, 0, "cpe:", 0, 4)) {
            String[] parts = s.split(":");
            int product = s.startsWith("cpe:2.3:") ? 4 : 3; // cpe:2.3:a:vendor:product / cpe:/a:vendor:product
            return parts.length > product ? parts[product].toLowerCase(Locale.ROOT) : "";
        }
        String key = PackageNames.key(s);
        int at = key.lastIndexOf('@');
        if (at > 0) {
            key = key.substring(0, at);
        }
        int slash = key.lastIndexOf('/');
        return slash >= 0 ? key.substring(slash + 1) : key;
    }
}
