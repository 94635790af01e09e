package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings a collector keeps are what their rule, title, location and order give, however the parser hands them
 * over: the rule and title of the previous finding are reused only when they are the same again.
 */
class EvidenceCollectorFindingsTest {
    private static final String[] RULES = {"java.sql-injection", " java.sql-injection ", "xss", "x".repeat(300), ""};
    private static final String[] LOCATIONS = {"src/A.java", "src/B.java", "./src/A.java"};

    @Test
    void keepsWhatEachFindingGivesInRunsOfOneRuleOrNot() {
        Random random = new Random(5);
        String sharedTitle = "  SQL built from input\nmore text\tafter  "; // one object, as a rule's title is
        EvidenceCollector collector = new EvidenceCollector("test", ReportSource.of("r.json", new byte[0]));
        List<String[]> given = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // runs of the same rule (as parsers see them) mixed with changes, equal rules as other objects, null
            String rule = random.nextInt(4) == 0 ? null : new String(RULES[random.nextInt(RULES.length)]);
            String title = switch (random.nextInt(4)) {
                case 0 -> sharedTitle;
                case 1 -> null;
                case 2 -> "message " + random.nextInt(3);
                default -> new String(sharedTitle);
            };
            String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
            String fingerprint = random.nextInt(5) == 0 ? "fp" + random.nextInt(10) : null;
            collector.openFinding(Severity.HIGH, rule, title, location, fingerprint);
            given.add(new String[] {rule, title, location, fingerprint});
        }
        List<Finding> kept = collector.build().findings();
        assertThat(kept).hasSize(given.size());
        Map<Long, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String[] g = given.get(i);
            String rule = EvidenceCollector.shorten(g[0] == null ? "" : g[0].trim(), EvidenceCollector.MAX_RULE);
            String location = EvidenceCollector.keptPath(g[2]);
            long id;
            if (g[3] != null) {
                id = FindingIdentity.ofFingerprint("test", g[3]);
            }
            else {
                long ruleAndLocation = FindingIdentity.ofRuleAndLocation(rule, location);
                int occurrence = occurrences.merge(ruleAndLocation, 1, Integer::sum);
                id = FindingIdentity.of(rule, location, occurrence);
            }
            Finding f = kept.get(i);
            assertThat(f.rule()).as("rule of finding %d", i).isEqualTo(rule);
            assertThat(f.title()).as("title of finding %d", i).isEqualTo(EvidenceCollector.keptTitle(g[1]));
            assertThat(f.location()).as("location of finding %d", i).isEqualTo(location);
            assertThat(f.id()).as("identity of finding %d", i).isEqualTo(id);
        }
        assertThat(kept.get(0).title()).isIn("SQL built from input", "", "message 0", "message 1", "message 2");
    }
}
