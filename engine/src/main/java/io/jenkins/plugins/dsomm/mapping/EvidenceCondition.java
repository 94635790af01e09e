package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds when enough matching evidence is present. Evidence matches when it has one of {@link #kinds()}, all of
 * {@link #withKinds()}, at least one of {@link #anyFacet()} (when given), a tool matching one of
 * {@link #tools()} (when given), a format among {@link #formats()} (when given), at least
 * {@link #minComponents()} components and {@link #minSuppressed()} suppressed findings. The condition holds when
 * at least {@link #minReports()} reports match, from at least {@link #minTools()} distinct tools.
 *
 * @param kinds         evidence kinds, any of which matches
 * @param withKinds     kinds the evidence must also have
 * @param anyFacet      facets, one of which the evidence must have (empty: any)
 * @param tools         tool-name patterns (case-insensitive regular expressions), one of which must match (empty: any)
 * @param formats       format ids, one of which the evidence must have (empty: any)
 * @param minReports    matching reports needed (at least 1)
 * @param minTools      distinct tools needed among the matching reports
 * @param minComponents components each matching report must list
 * @param minSuppressed suppressed findings each matching report must state
 */
public record EvidenceCondition(Set<EvidenceKind> kinds, Set<EvidenceKind> withKinds, List<String> anyFacet,
        List<Pattern> tools, List<String> formats, int minReports, int minTools, int minComponents,
        int minSuppressed) implements Condition {
    public EvidenceCondition {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("an evidence condition needs at least one kind");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        withKinds = Collections.unmodifiableSet(withKinds.isEmpty() ? EnumSet.noneOf(EvidenceKind.class)
                : EnumSet.copyOf(withKinds));
        anyFacet = List.copyOf(anyFacet);
        tools = List.copyOf(tools);
        formats = List.copyOf(formats);
        minReports = Math.max(1, minReports);
        minTools = Math.max(1, minTools);
    }

    /** Evidence of any of the kinds, nothing more required. */
    public static EvidenceCondition of(final EvidenceKind... kinds) {
        return new EvidenceCondition(EnumSet.of(kinds[0], kinds), Set.of(), List.of(), List.of(), List.of(), 1, 1,
                0, 0);
    }

    @Override
    public boolean presence() {
        return true;
    }

    /** Whether one piece of evidence matches. */
    public boolean matches(final Evidence e) {
        if (Collections.disjoint(e.kinds(), kinds) || !e.kinds().containsAll(withKinds)) {
            return false;
        }
        if (!anyFacet.isEmpty() && Collections.disjoint(e.facets(), anyFacet)) {
            return false;
        }
        if (!tools.isEmpty() && tools.stream().noneMatch(p -> p.matcher(e.tool()).find())) {
            return false;
        }
        if (!formats.isEmpty() && !formats.contains(e.format())) {
            return false;
        }
        return e.components() >= minComponents && e.suppressed() >= minSuppressed;
    }

    @Override
    public Result test(final List<Evidence> evidence, final BuildContext context) {
        List<Evidence> matching = new ArrayList<>();
        Set<String> distinctTools = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            if (matches(e)) {
                matching.add(e);
                distinctTools.add(e.tool().toLowerCase(Locale.ROOT));
            }
        }
        if (matching.size() >= minReports && distinctTools.size() >= minTools) {
            return new Result(true, what() + ": " + String.join(", ", labels(matching)), matching);
        }
        if (matching.isEmpty()) {
            return new Result(false, "no " + what() + nearMisses(evidence), List.of());
        }
        if (distinctTools.size() < minTools) {
            return new Result(false, what() + " from " + distinctTools.size() + " tool"
                    + (distinctTools.size() == 1 ? "" : "s") + " (" + String.join(", ", toolNames(matching))
                    + "), " + minTools + " distinct tools needed", matching);
        }
        return new Result(false, matching.size() + " report" + (matching.size() == 1 ? "" : "s") + " of " + what()
                + ", " + minReports + " needed", matching);
    }

    /** When evidence of the kinds exists but misses a refinement, say what it lacks. */
    private String nearMisses(final List<Evidence> evidence) {
        List<Evidence> ofKind = evidence.stream().filter(e -> !Collections.disjoint(e.kinds(), kinds)).toList();
        if (ofKind.isEmpty() || ofKind.size() > 5) {
            return "";
        }
        return " (present: " + String.join(", ", labels(ofKind)) + ")";
    }

    private static List<String> toolNames(final List<Evidence> evidence) {
        return evidence.stream().map(Evidence::tool).distinct().toList();
    }

    static List<String> labels(final List<Evidence> evidence) {
        List<String> labels = new ArrayList<>();
        for (Evidence e : evidence) {
            String label = e.toolLabel() + " (" + e.sourceFile() + ")";
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return labels;
    }

    /** "SBOM evidence with at least 1 component". */
    private String what() {
        StringBuilder b = new StringBuilder(joinKinds(kinds, " or ")).append(" evidence");
        if (!withKinds.isEmpty()) {
            b.append(" that is also ").append(joinKinds(withKinds, " and "));
        }
        if (!anyFacet.isEmpty()) {
            b.append(" covering ").append(String.join(" or ", anyFacet));
        }
        if (!tools.isEmpty()) {
            b.append(" from a tool matching ").append(String.join(" or ", tools.stream().map(Pattern::pattern).toList()));
        }
        if (!formats.isEmpty()) {
            b.append(" in format ").append(String.join(" or ", formats));
        }
        if (minComponents > 0) {
            b.append(" with at least ").append(minComponents).append(" component").append(minComponents == 1 ? "" : "s");
        }
        if (minSuppressed > 0) {
            b.append(" stating at least ").append(minSuppressed).append(" suppressed finding")
                    .append(minSuppressed == 1 ? "" : "s");
        }
        return b.toString();
    }

    @Override
    public String describe() {
        String s = what();
        if (minTools > 1) {
            s += " from at least " + minTools + " distinct tools";
        }
        if (minReports > 1) {
            s += " (" + minReports + " reports)";
        }
        return s;
    }

    static String joinKinds(final Set<EvidenceKind> kinds, final String last) {
        List<String> names = kinds.stream().map(Enum::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }
}
