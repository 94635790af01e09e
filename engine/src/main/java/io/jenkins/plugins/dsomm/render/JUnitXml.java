package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.Levels;

import java.util.List;

/**
 * Every activity in scope as a JUnit test case, one test suite per dimension, so the junit plugin's trend (and any
 * CI) shows them: met, attested and waived activities pass; failed, missing and blocked ones fail with the reason;
 * activities declared not applicable and unverified ones are skipped with the reason (unknown is no pass, and no
 * test that ran either). Activities out of scope are left out; in the evidence-only view the unverified ones too.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(final Assessment a) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder suites = new StringBuilder();
        for (DimensionLevel d : a.dimensions()) {
            List<ActivityResult> cases = a.activities().stream()
                    .filter(r -> r.activity().dimension().equals(d.name()))
                    .filter(r -> Levels.counts(r.status(), a.view()))
                    .toList();
            int f = (int) cases.stream().filter(r -> !r.status().satisfied() && !skipped(r)).count();
            int s = (int) cases.stream().filter(JUnitXml::skipped).count();
            tests += cases.size();
            failures += f;
            skipped += s;
            suites.append("  <testsuite name=\"DSOMM.").append(e(d.name())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(f).append("\" errors=\"0\" skipped=\"").append(s)
                    .append("\" time=\"0\">\n");
            suites.append("    <properties><property name=\"level\" value=\"")
                    .append(d.level() == null ? "none" : d.level()).append("\"/></properties>\n");
            for (ActivityResult r : cases) {
                suites.append("    <testcase classname=\"DSOMM.").append(e(d.name())).append('.')
                        .append(e(r.activity().subDimension())).append("\" name=\"").append(e("L" + r.activity().level()
                                + " " + r.activity().name())).append("\" time=\"0\"");
                if (r.status() == ActivityStatus.NOT_APPLICABLE) {
                    suites.append(">\n      <skipped message=\"").append(e("not applicable: " + r.reason()))
                            .append("\"/>\n    </testcase>\n");
                }
                else if (r.status() == ActivityStatus.UNVERIFIED) {
                    suites.append(">\n      <skipped message=\"").append(e(r.reason()))
                            .append("\"/>\n    </testcase>\n");
                }
                else if (!r.status().satisfied()) {
                    suites.append(">\n      <failure type=\"").append(r.status().key()).append("\" message=\"")
                            .append(e(r.status().label() + ": " + r.reason())).append("\">")
                            .append(e(details(r))).append("</failure>\n    </testcase>\n");
                }
                else {
                    suites.append(">\n      <system-out>").append(e(r.status().label() + ": " + r.reason()))
                            .append("</system-out>\n    </testcase>\n");
                }
            }
            suites.append("  </testsuite>\n");
        }
        x.append("<testsuites name=\"DSOMM Gate\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n").append(suites)
                .append("</testsuites>\n");
        return x.toString();
    }

    private static boolean skipped(final ActivityResult r) {
        return r.status() == ActivityStatus.NOT_APPLICABLE || r.status() == ActivityStatus.UNVERIFIED;
    }

    private static String details(final ActivityResult r) {
        StringBuilder b = new StringBuilder(r.reason());
        if (!r.requirement().isEmpty()) {
            b.append("\nNeeds: ").append(r.requirement());
        }
        for (String note : r.notes()) {
            b.append('\n').append(note);
        }
        b.append("\nActivity: ").append(r.uuid());
        return b.toString();
    }

    private static String e(final String s) {
        return Markup.escape(s);
    }
}
