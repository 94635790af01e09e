package io.jenkins.plugins.dsomm.evidence;

import java.io.Serializable;
import java.util.Objects;

/**
 * One open finding, kept compactly: its stable identity, its severity and the few words needed to name it.
 *
 * @param id       stable identity across builds, see {@link FindingIdentity}
 * @param severity normalised severity
 * @param rule     rule or vulnerability id as the tool states it (for example {@code CVE-2021-44228}, {@code 10038})
 * @param title    short human-readable name of the rule or message, may be empty
 * @param location normalised file path or package the finding is about, may be empty
 */
public record Finding(long id, Severity severity, String rule, String title, String location)
        implements Serializable {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        rule = rule == null ? "" : rule;
        title = title == null ? "" : title;
        location = location == null ? "" : location;
    }

    /** The identity as 16 hex digits, as written in JSON. */
    public String idHex() {
        return FindingIdentity.toHex(id);
    }

    /** "rule in location", for sentences. */
    public String label() {
        if (location.isEmpty()) {
            return rule;
        }
        return rule + " in " + location;
    }
}
