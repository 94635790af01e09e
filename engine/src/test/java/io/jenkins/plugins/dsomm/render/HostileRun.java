package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.Hostile;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.run.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A build of hostile input (see {@link Hostile}), as a build runs it: the reports and {@code .dsomm.yml} written,
 * read by the {@link Ingestor} and the attestation loader, assessed against the bundled model and rules (with an
 * earlier assessment 60 days before as reference and trend), gated with KPIs, every output written to
 * {@code out}.
 */
record HostileRun(Assessment assessment, Assessment earlier, GateResult gate, Kpis kpis, List<TrendPoint> trend,
        String team, Path out) {
    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    static HostileRun of(final Path dir, final String server) throws IOException {
        Path reports = dir.resolve("reports");
        Path yml = Hostile.write(reports, dir, server);
        Catalog catalog = CatalogLoader.bundled();
        RuleSet rules = new RuleSetLoader(catalog).bundled(RuleSetLoader.STANDARD);
        IngestResult read = new Ingestor().read(List.of(reports), null, null);
        List<UnreadableFile> unreadable = read.errors().stream().map(f -> new UnreadableFile(f.file(), f.error())).toList();
        List<IgnoredFile> ignored = read.unrecognised().stream().map(f -> new IgnoredFile(f.file(), f.error())).toList();
        Declarations declarations = new DeclarationsLoader(catalog).load(yml);
        List<String> p = Hostile.payloads(server);
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("job", "job " + p.get(0));
        subject.put("team", declarations.team());
        subject.put("build", "7" + p.get(12));
        Assessment earlier = assess(catalog, rules, read.evidence(), unreadable, ignored, declarations,
                NOW.minusSeconds(60L * 86400), Map.of("job", "job " + p.get(4) + p.get(11), "build", "6" + p.get(13)
                        + p.get(1)), null);
        Assessment assessment = assess(catalog, rules, read.evidence(), unreadable, ignored, declarations, NOW, subject, earlier);
        FindingSnapshot before = FindingSnapshot.of(earlier.label(), earlier);
        Kpis kpis = new KpiCalculator().compute(List.of(before, FindingSnapshot.of(assessment.label(), assessment)),
                before, assessment, NOW);
        GateResult gate = Gate.evaluate(Policy.builder().minimumLevel(3).maxOpen("high", 0).sla(true).build(),
                assessment, earlier, kpis);
        List<TrendPoint> trend = List.of(TrendPoint.of(earlier.label(), earlier),
                TrendPoint.of(assessment.label(), assessment));
        Path out = dir.resolve("out");
        new RunResult(assessment, kpis, gate, trend, declarations.team(), LocalDate.of(2026, 11, 1), List.of(), List.of(),
                false).outputs().writeTo(out);
        return new HostileRun(assessment, earlier, gate, kpis, trend, declarations.team(), out);
    }

    private static Assessment assess(final Catalog catalog, final RuleSet rules, final List<Evidence> evidence,
            final List<UnreadableFile> unreadable, final List<IgnoredFile> ignored, final Declarations declarations,
            final Instant at,
            final Map<String, String> subject, final Assessment reference) {
        return Assessor.of(catalog, rules).at(at, ZoneOffset.UTC).evidence(evidence).unreadable(unreadable)
                .ignored(ignored).declarations(declarations).context(new BuildContext(true, true, Set.of())).subject(subject)
                .reference(reference).assess();
    }
}
