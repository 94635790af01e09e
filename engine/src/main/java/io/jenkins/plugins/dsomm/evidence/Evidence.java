package io.jenkins.plugins.dsomm.evidence;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one report proves: which tool ran, what kind of testing it is, what it found. Immutable; built with
 * {@link #builder()}.
 */
public final class Evidence implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final String tool;
    private final String toolVersion;
    private final Set<EvidenceKind> kinds;
    private final SeverityCounts open;
    private final int suppressed;
    private final int components;
    private final Set<String> facets;
    private final String sourceFile;
    private final Instant producedAt;
    private final List<Finding> findings;
    private final boolean findingsTruncated;
    private final List<String> packages;
    private final String carriedFrom;

    private Evidence(final Builder b) {
        format = Objects.requireNonNull(b.format, "format");
        tool = b.tool == null || b.tool.isBlank() ? "unknown" : b.tool;
        toolVersion = b.toolVersion == null ? "" : b.toolVersion;
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(b.kinds));
        open = b.open;
        suppressed = b.suppressed;
        components = b.components;
        facets = Collections.unmodifiableSet(new TreeSet<>(b.facets));
        sourceFile = b.sourceFile == null ? "" : b.sourceFile;
        producedAt = b.producedAt;
        findings = List.copyOf(b.findings);
        findingsTruncated = b.findingsTruncated;
        packages = List.copyOf(b.packages);
        carriedFrom = b.carriedFrom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this evidence's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.tool = tool;
        b.toolVersion = toolVersion;
        b.kinds.addAll(kinds);
        b.open = open;
        b.suppressed = suppressed;
        b.components = components;
        b.facets.addAll(facets);
        b.sourceFile = sourceFile;
        b.producedAt = producedAt;
        b.findings.addAll(findings);
        b.findingsTruncated = findingsTruncated;
        b.packages.addAll(packages);
        b.carriedFrom = carriedFrom;
        return b;
    }

    /** Id of the report format, for example {@code sarif} or {@code cyclonedx-json}. */
    public String format() {
        return format;
    }

    /** Tool name as the report states it. */
    public String tool() {
        return tool;
    }

    /** Tool version as the report states it, empty when it states none. */
    public String toolVersion() {
        return toolVersion;
    }

    public Set<EvidenceKind> kinds() {
        return kinds;
    }

    public boolean hasKind(final EvidenceKind kind) {
        return kinds.contains(kind);
    }

    /** Open (not suppressed, not waived) findings per severity. */
    public SeverityCounts open() {
        return open;
    }

    /** Findings the tool itself reports as suppressed (or that a waiver covers). */
    public int suppressed() {
        return suppressed;
    }

    /** Number of components of an SBOM, nested ones included; 0 for other reports. */
    public int components() {
        return components;
    }

    /**
     * Facts about what the report covers, as {@code name:value}: {@code ecosystem:npm},
     * {@code language:javascript}, {@code target:kubernetes}, {@code target:dockerfile}...
     */
    public Set<String> facets() {
        return facets;
    }

    /** The report file, as given to the reader (relative to the scanned folder where possible). */
    public String sourceFile() {
        return sourceFile;
    }

    /** When the report was produced: the time it states, else the file's modification time; may be null. */
    public Instant producedAt() {
        return producedAt;
    }

    /**
     * Open findings with their identities, in report order. At most {@link Builder#MAX_FINDINGS} are kept; the
     * counts in {@link #open()} are always complete.
     */
    public List<Finding> findings() {
        return findings;
    }

    /** {@code true} when the report had more open findings than are kept in {@link #findings()}. */
    public boolean findingsTruncated() {
        return findingsTruncated;
    }

    /** Normalised names of the packages an SBOM lists (for the untracked-dependency KPI). */
    public List<String> packages() {
        return packages;
    }

    /** Where evidence carried over from an earlier assessment came from (build or file); null when current. */
    public String carriedFrom() {
        return carriedFrom;
    }

    /** "tool version" for display. */
    public String toolLabel() {
        return toolVersion.isEmpty() ? tool : tool + " " + toolVersion;
    }

    @Override
    public String toString() {
        return "Evidence[" + format + ", " + toolLabel() + ", " + kinds + ", open=" + open + ", suppressed="
                + suppressed + ", components=" + components + ", file=" + sourceFile + "]";
    }

    /** Builds {@link Evidence}. */
    public static final class Builder {
        /** Open findings kept per report with their identities; the counts are always complete. */
        public static final int MAX_FINDINGS = 100_000;
        /** SBOM package names kept per report. */
        public static final int MAX_PACKAGES = 100_000;

        private String format;
        private String tool;
        private String toolVersion;
        private final EnumSet<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        private SeverityCounts open = SeverityCounts.NONE;
        private int suppressed;
        private int components;
        private final Set<String> facets = new TreeSet<>();
        private String sourceFile;
        private Instant producedAt;
        private final List<Finding> findings = new ArrayList<>();
        private boolean findingsTruncated;
        private final List<String> packages = new ArrayList<>();
        private String carriedFrom;

        private Builder() {
        }

        public Builder format(final String value) {
            format = value;
            return this;
        }

        public Builder tool(final String value) {
            tool = value;
            return this;
        }

        public Builder toolVersion(final String value) {
            toolVersion = value;
            return this;
        }

        public Builder kind(final EvidenceKind kind) {
            kinds.add(kind);
            return this;
        }

        public Builder kinds(final Collection<EvidenceKind> values) {
            kinds.addAll(values);
            return this;
        }

        public Builder open(final SeverityCounts value) {
            open = Objects.requireNonNull(value);
            return this;
        }

        public Builder suppressed(final int value) {
            suppressed = value;
            return this;
        }

        public Builder components(final int value) {
            components = value;
            return this;
        }

        public Builder facet(final String value) {
            facets.add(value);
            return this;
        }

        public Builder facets(final Collection<String> values) {
            facets.addAll(values);
            return this;
        }

        public Builder sourceFile(final String value) {
            sourceFile = value;
            return this;
        }

        public Builder producedAt(final Instant value) {
            producedAt = value;
            return this;
        }

        /** Replaces the findings. */
        public Builder findings(final List<Finding> values, final boolean truncated) {
            findings.clear();
            findings.addAll(values);
            findingsTruncated = truncated;
            return this;
        }

        public Builder packages(final Collection<String> values) {
            packages.clear();
            packages.addAll(values);
            return this;
        }

        public Builder carriedFrom(final String value) {
            carriedFrom = value;
            return this;
        }

        public Evidence build() {
            return new Evidence(this);
        }
    }
}
