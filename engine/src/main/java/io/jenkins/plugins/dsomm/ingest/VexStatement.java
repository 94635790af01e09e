package io.jenkins.plugins.dsomm.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One statement of a VEX document (OpenVEX, CSAF VEX): what its author says about a vulnerability in products.
 *
 * @param source        the VEX file, as named in evidence and messages
 * @param author        who states it, may be empty
 * @param vulnerability the vulnerability id (CVE, GHSA...)
 * @param aliases       other ids of the same vulnerability, may be empty
 * @param products      the products it is about, as written (package URLs, CPEs, names); empty: every product
 * @param status        the statement's status, lower case: not_affected, fixed, affected, under_investigation
 * @param reason        the justification and impact or action statement, as written, may be empty
 * @param time          when it was stated, may be null
 */
public record VexStatement(String source, String author, String vulnerability, List<String> aliases,
        List<String> products, String status, String reason, Instant time) implements Serializable {
    public VexStatement {
        author = author == null ? "" : author;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        products = products == null ? List.of() : List.copyOf(products);
        status = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        reason = reason == null ? "" : reason;
    }

    /** {@code true} for not_affected and fixed: the findings it matches in other reports are suppressed. */
    public boolean suppresses() {
        return status.equals("not_affected") || status.equals("fixed");
    }
}
