package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.assess.LevelSupport;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.Gap;
import io.jenkins.plugins.dsomm.gate.GapItem;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import io.jenkins.plugins.dsomm.kpi.FindingChanges;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short, readable console summary (CLI output and the Jenkins build log): levels with their target, evidence
 * ceiling and what carries them, the gate with one line per rule, the gap list by who can act, what did not count.
 * Control characters from reports are made visible, so a report cannot write terminal escape sequences into a log.
 */
public final class TextSummary {
    private TextSummary() {
    }

    public static List<String> lines(final Assessment a, final GateResult gate) {
        return lines(a, gate, null);
    }

    public static List<String> lines(final Assessment a, final GateResult gate, final Kpis kpis) {
        List<String> out = new ArrayList<>();
        out.add("DSOMM " + safe(a.catalogVersion()) + " assessment (" + safe(a.ruleSet()) + " rules"
                + (a.options().evidenceOnly() ? "; " + a.view().description().toUpperCase(Locale.ROOT) : "")
                + "): overall level " + level(a.overall()) + (a.overallTarget() == null ? "" : ", target "
                + a.overallTarget()) + ", evidence ceiling " + level(a.evidenceCeiling()));
        for (DimensionLevel d : a.dimensions()) {
            if (!d.inScope()) {
                out.add(String.format("  %-26s out of scope", safe(d.name())));
                continue;
            }
            out.add(String.format("  %-26s %-3s %-9s %-10s %s", safe(d.name()), level(d.level()),
                    d.target() == null ? "" : "target " + d.target(), "ceiling " + level(d.evidenceCeiling()),
                    LevelSupport.of(a, d).sentence()));
        }
        out.add("Activities: " + a.activities().size() + " in DSOMM " + safe(a.catalogVersion()) + ": "
                + statuses(a));
        SeverityCounts open = SeverityCounts.sum(a.evidence().stream().map(Evidence::open).toList());
        List<String> sev = new ArrayList<>();
        for (Severity s : Severity.values()) {
            if (open.get(s) > 0) {
                sev.add(open.get(s) + " " + s.key());
            }
        }
        out.add("Evidence: " + a.evidence().size() + " report" + (a.evidence().size() == 1 ? "" : "s") + ", "
                + open.total() + " open findings" + (sev.isEmpty() ? "" : " (" + String.join(", ", sev) + ")"));
        if (kpis != null) {
            FindingChanges c = kpis.changes();
            out.add("Findings" + (c.reference().isEmpty() ? "" : " against " + safe(c.reference())) + ": "
                    + c.added().total() + " new, " + c.fixed().total() + " fixed, " + c.outstanding().total()
                    + " outstanding" + (c.notRescanned().total() > 0 ? ", " + c.notRescanned().total() + " not rescanned" : ""));
            List<String> mttr = new ArrayList<>();
            for (Severity s : Severity.values()) {
                Stats r = kpis.remediation().getOrDefault(s, Stats.EMPTY);
                if (r.count() > 0) {
                    mttr.add(s.key() + " " + Stats.days(r.mean()) + " (" + r.count() + ")");
                }
            }
            out.add("KPIs over " + kpis.history() + " builds: MTTR " + (mttr.isEmpty() ? "n/a" : String.join(", ", mttr))
                    + "; " + kpis.slaBreaches().size() + " past SLA; risk score " + kpis.riskScore()
                    + (kpis.untracked().isEmpty() ? "" : "; " + kpis.untracked().size() + " untracked dependencies"));
        }
        if (gate != null) {
            out.add("Gate: " + gate.outcome());
            for (RuleCheck c : gate.checks()) {
                out.add("  [" + c.outcome() + "] " + safe(c.message()));
            }
        }
        GapList gaps = gate != null ? gate.gaps() : GapList.of(a);
        List<Gap> limiting = gaps.limitingOverall();
        if (!limiting.isEmpty()) {
            out.add("To reach overall level " + (a.overall() + 1) + ":");
            gapLines(limiting, out);
        }
        List<Gap> belowTarget = gaps.belowTarget().stream().filter(g -> !limiting.contains(g)).toList();
        if (!belowTarget.isEmpty()) {
            out.add("To reach the targets:");
            gapLines(belowTarget, out);
        }
        for (UnreadableFile u : a.unreadable()) {
            out.add("Unreadable: " + safe(u.error()));
        }
        for (IgnoredFile i : a.ignored()) {
            out.add("Ignored: " + safe(i.file()) + ": not a report format DSOMM Gate reads (" + safe(i.reason()) + ")");
        }
        for (String s : a.stale()) {
            out.add("Stale: " + safe(s));
        }
        for (String w : a.warnings()) {
            out.add("Warning: " + safe(w));
        }
        a.declarations().stream().filter(d -> d.validity() != io.jenkins.plugins.dsomm.attest.Validity.VALID)
                .forEach(d -> out.add("Not counted: " + d.type() + " " + safe(d.subject()) + " ("
                        + d.validity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (d.expires() == null ? "" : ", expires " + d.expires()) + ")"));
        return out;
    }

    /** "9 by CI evidence, 3 attested, …, 169 unverified": every status that occurs, in order. */
    static String statuses(final Assessment a) {
        List<String> parts = new ArrayList<>();
        for (ActivityStatus s : ActivityStatus.values()) {
            long n = a.count(s);
            if (n > 0) {
                parts.add(n + " " + (s == ActivityStatus.MET ? "by CI evidence" : s.label()));
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The gaps grouped by who can act: each pipeline change on its own line with what it needs; the activities to
     * attest one line per sub-dimension.
     */
    private static void gapLines(final List<Gap> gaps, final List<String> out) {
        List<String> pipeline = new ArrayList<>();
        List<String> attest = new ArrayList<>();
        for (Gap g : gaps) {
            String where = safe(g.dimension() + " / " + g.subDimension()) + " (" + g.level() + " → " + g.target()
                    + (g.byTarget() ? ", target" : "") + ")";
            for (GapItem i : g.pipeline()) {
                pipeline.add("    " + where + ": " + safe(i.name() + ": " + i.hint()));
            }
            List<String> names = g.attestation().stream().map(i -> safe(i.name()) + (i.status()
                    == ActivityStatus.BLOCKED ? " (after its prerequisite)" : "")).toList();
            if (!names.isEmpty()) {
                attest.add("    " + where + ": " + String.join("; ", names));
            }
        }
        if (!pipeline.isEmpty()) {
            out.add("  by a pipeline change:");
            out.addAll(pipeline);
        }
        if (!attest.isEmpty()) {
            out.add("  by an attestation in .dsomm.yml (no rule can show these; or declare them not applicable or "
                    + "out of scope; dsomm-gate init writes the templates):");
            out.addAll(attest);
        }
    }

    private static String level(final Integer level) {
        return level == null ? "n/a" : Integer.toString(level);
    }

    /**
     * Makes control characters visible as {@code \\uXXXX}: C0 (but tab) and C1 controls, DEL, line and paragraph
     * separators, bidirectional controls (which could reorder what a log shows) and lone surrogates.
     */
    public static String safe(final String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || c == 0x061c;
            boolean loneSurrogate = Character.isHighSurrogate(c) && (i + 1 >= s.length()
                    || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029 || bidi
                    || loneSurrogate) {
                b.append(String.format("\\u%04x", (int) c));
            }
            else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
