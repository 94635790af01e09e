package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A person's statement that an activity is practised, for activities no tool can show (training, threat
 * modelling). Counts from {@link #date()} to {@link #expires()} inclusive.
 *
 * @param activity uuid of the activity
 * @param by       who attests
 * @param date     when
 * @param expires  last day it counts
 * @param link     where the proof is (wiki page, ticket), may be empty
 * @param note     free text, may be empty
 */
public record Attestation(String activity, String by, LocalDate date, LocalDate expires, String link, String note)
        implements Serializable {
    public Validity validity(final LocalDate today) {
        return Validity.of(date, expires, today);
    }
}
